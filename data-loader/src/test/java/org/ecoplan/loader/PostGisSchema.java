package org.ecoplan.loader;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away PostGIS schema for one test class, in the database named by env ECOPLAN_TEST_PG.
 * Creating it fails (and so fails the test) when the database is unreachable.
 */
final class PostGisSchema implements AutoCloseable {
    static final String BASE = System.getenv().getOrDefault("ECOPLAN_TEST_PG",
            "jdbc:postgresql://127.0.0.1:5432/ecoplan_test?user=postgres");

    final String name = "loader_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    PostGisSchema() throws SQLException {
        execute("CREATE SCHEMA " + name);
    }

    /** The store URL: tables go into this schema, PostGIS types come from public. */
    String url() {
        return BASE + (BASE.contains("?") ? "&" : "?") + "currentSchema=" + name + ",public";
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(BASE); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
}
