package org.ecoplan.store.gpkg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Builds the R-tree of one table of a bulk load (OGC 12-128r18 Annex F.3). While the entries fit in
 * memory ({@link PackedRtree#memoryLimit}) they are gathered there and written at the end as a packed
 * tree straight into the R-tree's shadow tables ({@link PackedRtree}). Beyond that the tree is grown on a
 * thread of its own in a scratch SQLite database, and {@link #copyInto} replaces the GeoPackage
 * R-tree's shadow tables ({@code _node}, {@code _rowid}, {@code _parent}) by the scratch ones, row for
 * row (the scratch file cannot be attached: SQLite attaches nothing inside the load's transaction, and
 * a database attached before it would stay locked by it); entries then travel in batches through a
 * small bounded queue, so memory stays bounded whatever the number of rows.
 */
final class RtreeBuilder implements AutoCloseable {
    private static final int BATCH = 2048;
    private static final double[] END = new double[0];

    private final Path file;
    private final String name;
    private final int pageSize;
    private final long memoryLimit;
    private PackedRtree memory = new PackedRtree();
    private Connection scratch;
    private final BlockingQueue<double[]> queue = new ArrayBlockingQueue<>(16);
    private Thread worker;
    private volatile Throwable failure;
    private volatile boolean built;
    private double[] batch = new double[BATCH * 5];
    private int size;
    private boolean finished;

    /**
     * @param file the scratch database, used once the entries outgrow {@link PackedRtree#memoryLimit}
     * @param name the name of this table's R-tree in it
     */
    RtreeBuilder(Path file, String name, int pageSize) {
        this(file, name, pageSize, PackedRtree.memoryLimit());
    }

    RtreeBuilder(Path file, String name, int pageSize, long memoryLimit) {
        this.file = file;
        this.name = name;
        this.pageSize = pageSize;
        this.memoryLimit = memoryLimit;
    }

    /** Moves what memory holds to a tree grown in the scratch database, on a thread of its own. */
    private void spill() {
        try {
            scratch = GeoPackageConnections.open(file, true);
            try (Statement s = scratch.createStatement()) {
                // the R-tree's node size follows the page size: the scratch tree's nodes must fit the target's
                s.execute("PRAGMA page_size = " + pageSize);
                // scratch: nothing in it survives a crash, so nothing is journalled or synced
                s.execute("PRAGMA journal_mode = OFF");
                s.execute("PRAGMA synchronous = OFF");
                s.execute("PRAGMA cache_size = -65536");
                s.execute("DROP TABLE IF EXISTS \"" + name + "\"");
                s.execute("CREATE VIRTUAL TABLE \"" + name + "\" USING rtree(id, minx, maxx, miny, maxy)");
                scratch.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the scratch database of the R-tree " + name + ": "
                    + e.getMessage(), e);
        }
        worker = new Thread(this::drain, "rtree-" + name);
        worker.setDaemon(true);
        worker.start();
        PackedRtree held = memory;
        memory = null;
        held.forEach(this::queueEntry);
    }

    /** Adds one row's bounds. */
    void add(long id, double minx, double maxx, double miny, double maxy) {
        if (memory != null) {
            if (memory.size() < memoryLimit) {
                memory.add(id, minx, maxx, miny, maxy);
                return;
            }
            spill();
        }
        queueEntry(id, minx, maxx, miny, maxy);
    }

    private void queueEntry(long id, double minx, double maxx, double miny, double maxy) {
        int at = size * 5;
        batch[at] = id;
        batch[at + 1] = minx;
        batch[at + 2] = maxx;
        batch[at + 3] = miny;
        batch[at + 4] = maxy;
        if (++size == BATCH) flush();
    }

    private void flush() {
        if (size == 0) return;
        double[] full = size == BATCH ? batch : java.util.Arrays.copyOf(batch, size * 5);
        put(full);
        batch = new double[BATCH * 5];
        size = 0;
    }

    private void put(double[] item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (failure != null || !worker.isAlive()) throw failed();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the R-tree " + name, e);
        }
    }

    private IllegalStateException failed() {
        return new IllegalStateException("building the R-tree " + name + " failed: "
                + (failure == null ? "its thread ended" : failure.getMessage()), failure);
    }

    private void drain() {
        try (PreparedStatement ps = scratch.prepareStatement("INSERT INTO \"" + name + "\" VALUES (?, ?, ?, ?, ?)")) {
            for (double[] b = queue.take(); b != END; b = queue.take()) {
                for (int i = 0; i < b.length; i += 5) {
                    ps.setLong(1, (long) b[i]);
                    ps.setDouble(2, b[i + 1]);
                    ps.setDouble(3, b[i + 2]);
                    ps.setDouble(4, b[i + 3]);
                    ps.setDouble(5, b[i + 4]);
                    ps.executeUpdate();
                }
            }
            scratch.commit();
            built = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (Throwable e) {
            // an Error too: the tree is then incomplete, and copyInto must not take it
            failure = e;
        }
    }

    /**
     * Waits for the tree, then makes {@code target} (an R-tree of the writer's connection, still empty)
     * hold it, in that connection's transaction.
     */
    void copyInto(Connection c, String target) throws SQLException {
        if (memory != null) {
            memory.writeInto(c, target);
            memory = null;
            finished = true;
            return;
        }
        flush();
        put(END);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the R-tree " + name, e);
        }
        finished = true;
        if (failure != null || !built) throw failed();
        for (String shadow : new String[]{"_node", "_rowid", "_parent"}) {
            try (Statement delete = c.createStatement()) {
                delete.execute("DELETE FROM \"" + target + shadow + "\"");
            }
            try (Statement read = scratch.createStatement();
                    ResultSet rs = read.executeQuery("SELECT * FROM \"" + name + shadow + "\"")) {
                int columns = rs.getMetaData().getColumnCount();
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO \"" + target + shadow + "\" VALUES (?"
                        + ", ?".repeat(columns - 1) + ")")) {
                    int rows = 0;
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) insert.setObject(i, rs.getObject(i));
                        insert.addBatch();
                        if (++rows % BATCH == 0) insert.executeBatch();
                    }
                    insert.executeBatch();
                }
            }
        }
        // the copy is the tree now: the scratch one would only grow the file until the load ends
        try (Statement drop = scratch.createStatement()) {
            drop.execute("DROP TABLE \"" + name + "\"");
        }
        scratch.commit();
        scratch.close();
    }

    /** Stops the thread if the load ended without {@link #copyInto}, and closes the scratch connection. */
    @Override
    public void close() {
        memory = null;
        if (worker != null && !finished) {
            worker.interrupt();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (scratch == null) return;
        try {
            scratch.close();
        } catch (SQLException ignored) {
            // a scratch database: its file is removed with the writer's
        }
    }

    /** The scratch database of a writer's work file. */
    static Path scratchFile(Path work) {
        return work.resolveSibling(work.getFileName() + "-rtree");
    }

    static void deleteScratch(Path work) {
        try {
            Files.deleteIfExists(scratchFile(work));
        } catch (java.io.IOException ignored) {
            // the next load removes it
        }
    }
}
