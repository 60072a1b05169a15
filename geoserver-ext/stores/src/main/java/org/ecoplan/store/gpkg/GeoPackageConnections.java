package org.ecoplan.store.gpkg;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * Opens SQLite connections to one GeoPackage file, each with the R-tree trigger functions
 * registered and LIKE made case-sensitive (SQLite's default folds ASCII case, which would make
 * matchCase="true" filters behave differently from PostGIS).
 */
final class GeoPackageConnections {
    /** How long a connection waits for another writer's lock before failing. */
    static final int BUSY_TIMEOUT_MS = 30_000;

    private GeoPackageConnections() {}

    static Connection open(Path file, boolean write) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(!write);
        config.enableCaseSensitiveLike(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return withFunctions(config.createConnection("jdbc:sqlite:" + file));
    }

    /** The connection with the GeoPackage functions registered; closed if that fails. */
    static <C extends Connection> C withFunctions(C c) throws SQLException {
        try {
            GeoPackageFunctions.register(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * Rolls back a hot journal left next to the file by a writer killed mid-transaction: SQLite does
     * so at the first read, but only on a connection that may write. A journal of a writer still at
     * work is left alone (SQLite sees its lock).
     */
    static void rollBackHotJournal(Path file) throws SQLException {
        try (Connection rw = open(file, true);
                java.sql.Statement s = rw.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
        }
    }
}
