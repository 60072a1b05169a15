package org.ecoplan.store.gpkg;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * The read-only connections of one GeoPackage file, pooled: opening an SQLite connection reads
 * and parses the whole schema and registers the GeoPackage functions, which costs more than a
 * small query. The pool belongs to the file as it is now: when the path is found to name another
 * file (replaced by a move, or deleted and made again), the pool is dropped and a new one made,
 * so a read never sees a file that is no longer there. Writes to the same file (the loader's
 * transactions) need no such care: SQLite shows every read the last committed state.
 */
final class GeoPackageReadPool implements AutoCloseable {
    /**
     * Concurrent reads of one file; more callers wait for a free connection. As many as the
     * server has HTTP threads, so the pool never queues reads that unpooled connections would
     * have served at once (a slow client holds its connection while its answer streams); idle
     * connections beyond need are closed after a minute.
     */
    private static final int MAX_CONNECTIONS = 200;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Path file;
    private HikariDataSource pool;
    private Object poolFileKey;
    private boolean closed;

    GeoPackageReadPool(Path file) { this.file = file; }

    private final Object recovery = new Object();

    /** A read-only connection; closing it returns it to the pool. */
    Connection open() throws SQLException {
        recoverHotJournal();
        Object key = fileKey();
        if (key == null) return GeoPackageConnections.open(file, false); // fails as an unpooled open would
        HikariDataSource current;
        HikariDataSource stale = null;
        synchronized (this) {
            if (closed) throw new SQLException("the GeoPackage store for " + file + " is closed");
            if (pool == null || !key.equals(poolFileKey)) {
                stale = pool;
                pool = create();
                poolFileKey = key;
            }
            current = pool;
        }
        // a read still streaming from the old file finishes all the same (tested)
        if (stale != null) stale.close();
        return current.getConnection();
    }

    /**
     * A writer killed mid-transaction (a data-loader under {@code kill -9}) leaves a hot rollback
     * journal next to the file. SQLite rolls it back at the next read, but only on a connection that
     * may write, and every read-only connection fails until then. So when a journal exists, one
     * read-write connection reads the schema first: a hot journal is rolled back, and a journal of a
     * writer still at work is left alone (SQLite sees its lock).
     */
    private void recoverHotJournal() {
        Path journal = file.resolveSibling(file.getFileName() + "-journal");
        if (!Files.exists(journal)) return;
        synchronized (recovery) {
            if (!Files.exists(journal)) return;
            try {
                GeoPackageConnections.rollBackHotJournal(file);
            } catch (SQLException e) {
                // busy (a writer at work) or not writable by this process: the reads say what is wrong
            }
        }
    }

    /** The identity of the file the path names now (device and inode on Linux), or null if there is none. */
    private Object fileKey() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (IOException e) {
            return null;
        }
    }

    private HikariDataSource create() {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.enableCaseSensitiveLike(true);
        config.setBusyTimeout(GeoPackageConnections.BUSY_TIMEOUT_MS);
        SQLiteDataSource source = new FunctionsDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        HikariConfig h = new HikariConfig();
        h.setDataSource(source);
        h.setReadOnly(true); // as the SQLite connection was opened; sqlite-jdbc refuses to change it
        h.setPoolName("ecoplan-gpkg-" + POOLS.incrementAndGet());
        h.setMaximumPoolSize(MAX_CONNECTIONS);
        h.setMinimumIdle(0);
        h.setIdleTimeout(60_000);
        h.setConnectionTimeout(10_000);
        h.setInitializationFailTimeout(-1);
        return new HikariDataSource(h);
    }

    @Override
    public void close() {
        HikariDataSource p;
        synchronized (this) {
            closed = true;
            p = pool;
            pool = null;
        }
        if (p != null) p.close();
    }

    /** SQLite connections with the GeoPackage functions registered, as {@link GeoPackageConnections} opens them. */
    private static final class FunctionsDataSource extends SQLiteDataSource {
        FunctionsDataSource(SQLiteConfig config) { super(config); }

        @Override
        public SQLiteConnection getConnection(String username, String password) throws SQLException {
            return GeoPackageConnections.withFunctions(super.getConnection(username, password));
        }
    }
}
