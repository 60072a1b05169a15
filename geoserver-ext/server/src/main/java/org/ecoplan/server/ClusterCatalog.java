package org.ecoplan.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.ecoplan.catalog.store.StoreUnavailableException;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceException;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog of a cluster of replicas, kept in PostgreSQL: the configuration files
 * ({@link CatalogFiles}) in one table and a version number beside them. A replica that changes its
 * catalog (admin API or reload) publishes the files, the version and a {@code NOTIFY} in one
 * transaction — PostgreSQL delivers the notification only at commit, so no replica hears of a change
 * it cannot read — and every replica {@code LISTEN}s and applies a version newer than its own. No
 * broker besides the database the replicas share already.
 *
 * <p>ECOPLAN_CLUSTER_DB (a PostgreSQL JDBC URL) turns it on; ECOPLAN_CLUSTER_SCHEMA
 * ({@code ecoplan_cluster}) names the schema of its tables and its channel, so several clusters
 * can share a database. Concurrent changes on two replicas are serialized by a lock on the version
 * row; the later one wins whole.
 */
final class ClusterCatalog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("ecoplan.cluster");
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,40}");
    /** How long the listener waits before connecting again after losing the database. */
    private static final long RECONNECT_MILLIS = 1000;
    /** How often the listener asks for the version besides the notifications. */
    private static final long CHECK_NANOS = 10_000_000_000L;

    /** The files of one version. */
    record Snapshot(long version, String origin, Map<String, byte[]> files) {}

    private final String url;
    private final String schema;
    private final String origin;
    private volatile boolean running = true;
    private Thread listener;

    ClusterCatalog(String url, String schema, String origin) {
        if (!NAME.matcher(schema).matches())
            throw new IllegalArgumentException("ECOPLAN_CLUSTER_SCHEMA must be a lower-case SQL name, not '" + schema
                    + "'");
        this.url = url;
        this.schema = schema;
        this.origin = origin;
    }

    /** The cluster the environment names, or null when this server runs alone. */
    static ClusterCatalog fromEnvironment(String origin) {
        String url = ServerSettings.setting("ECOPLAN_CLUSTER_DB", null);
        if (url == null || url.isBlank()) return null;
        return new ClusterCatalog(url, ServerSettings.setting("ECOPLAN_CLUSTER_SCHEMA", "ecoplan_cluster"), origin);
    }

    String channel() { return schema + "_catalog"; }

    /**
     * Joins the cluster: the first replica ever seeds it with its own files (version 1); any other
     * gets the cluster's files, to write over its own before reading a catalog.
     */
    Snapshot join(Map<String, byte[]> local) {
        try (Connection c = connect()) {
            try (Statement s = c.createStatement()) {
                // two replicas starting together must not both create the tables or both seed them; held
                // for the session (it ends with this connection), taken before the snapshot below is
                s.execute("SELECT pg_advisory_lock(hashtext('" + schema + "'))");
            }
            c.setAutoCommit(false);
            // the version and the files from one snapshot
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                s.execute("CREATE TABLE IF NOT EXISTS " + schema + ".catalog_file (name text PRIMARY KEY, "
                        + "content bytea NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS " + schema + ".catalog_version (id int PRIMARY KEY "
                        + "CHECK (id = 1), version bigint NOT NULL, origin text NOT NULL, "
                        + "changed timestamptz NOT NULL DEFAULT now())");
            }
            Snapshot current = read(c);
            if (current != null) {
                c.commit();
                CatalogFiles.checkNames(current.files().keySet());
                return current;
            }
            long v = write(c, local, 0);
            c.commit();
            LOG.info("cluster {}: seeded with {} catalog files of {} (version {})", schema, local.size(), origin, v);
            return new Snapshot(v, origin, local);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot join the cluster catalog (" + schema + "): " + e.getMessage(),
                    e);
        }
    }

    /**
     * Publishes the files as the next version and notifies every replica at commit; the new version.
     * Only over the version the change was made on: had another replica published meanwhile, the
     * files here lack its change, and writing them would undo it.
     *
     * @param base the cluster version this replica serves
     * @throws ServiceException 409 when the cluster has moved on; nothing is written
     */
    long publish(Map<String, byte[]> files, long base) {
        CatalogFiles.checkNames(files.keySet());
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            long current;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version FROM " + schema + ".catalog_version WHERE id = 1 "
                            + "FOR UPDATE")) {
                current = rs.next() ? rs.getLong(1) : 0;
            }
            if (current != base) {
                c.rollback();
                throw new ServiceException("Conflict", null, "The catalog was changed on another replica meanwhile "
                        + "(version " + current + ", this replica has " + base + "); nothing was changed, retry", 409);
            }
            long v = write(c, files, current);
            c.commit();
            LOG.info("cluster {}: published version {} ({} files) from {}", schema, v, files.size(), origin);
            return v;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot publish the change to the cluster catalog (" + schema
                    + "); nothing was changed: " + e.getMessage(), e);
        }
    }

    /** The cluster's current files. */
    Snapshot read() {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Snapshot s = read(c);
            c.commit();
            if (s != null) CatalogFiles.checkNames(s.files().keySet());
            if (s == null) throw new IllegalStateException("the cluster catalog " + schema + " is empty");
            return s;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the cluster catalog (" + schema + "): " + e.getMessage(),
                    e);
        }
    }

    /**
     * Listens for new versions on a connection of its own, in a daemon thread, and hands each one to
     * {@code onVersion} — also the current version after every (re)connection, so a change published
     * while this replica could not listen is caught up.
     */
    void listen(LongConsumer onVersion) {
        listener = new Thread(() -> {
            boolean warned = false;
            while (running) {
                try (Connection c = connect(); Statement s = c.createStatement()) {
                    s.execute("LISTEN " + channel());
                    if (warned) LOG.info("cluster {}: listening again", schema);
                    warned = false;
                    onVersion.accept(version(c));
                    PGConnection pg = c.unwrap(PGConnection.class);
                    long checked = System.nanoTime();
                    while (running) {
                        PGNotification[] got = pg.getNotifications(1000);
                        long newest = -1;
                        if (got != null) {
                            for (PGNotification n : got) newest = Math.max(newest, parse(n.getParameter()));
                        }
                        // a query now and then: it finds a dead connection, and it retries a version that
                        // could not be applied the first time
                        if (newest < 0 && System.nanoTime() - checked > CHECK_NANOS) newest = version(c);
                        if (newest >= 0) {
                            checked = System.nanoTime();
                            onVersion.accept(newest);
                        }
                    }
                } catch (SQLException | RuntimeException | LinkageError e) {
                    if (!running) return;
                    if (!warned) LOG.warn("cluster {}: not listening ({}); retrying", schema, e.getMessage());
                    warned = true;
                    try {
                        Thread.sleep(RECONNECT_MILLIS);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }, "ecoplan-cluster-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void close() {
        running = false;
        if (listener == null) return;
        listener.interrupt();
        try {
            // a version being applied finishes before the stores it reloads are closed
            listener.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Connection connect() throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("ApplicationName", "ecoplan-cluster");
        // a database that stops answering (a network partition) must end a call, not hold the catalog lock
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "30");
        p.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, p);
    }

    private long write(Connection c, Map<String, byte[]> files, long current) throws SQLException {
        long next = current + 1;
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM " + schema + ".catalog_file");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema
                + ".catalog_file (name, content) VALUES (?, ?)")) {
            for (var e : files.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setBytes(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema
                + ".catalog_version (id, version, origin) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                + "version = EXCLUDED.version, origin = EXCLUDED.origin, changed = now()")) {
            ps.setLong(1, next);
            ps.setString(2, origin);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, channel());
            ps.setString(2, Long.toString(next));
            ps.executeQuery().close();
        }
        return next;
    }

    private Snapshot read(Connection c) throws SQLException {
        long version;
        String from;
        try (Statement s = c.createStatement();
                ResultSet rs = s
                        .executeQuery("SELECT version, origin FROM " + schema + ".catalog_version WHERE id = 1")) {
            if (!rs.next()) return null;
            version = rs.getLong(1);
            from = rs.getString(2);
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, content FROM " + schema + ".catalog_file")) {
            while (rs.next()) files.put(rs.getString(1), rs.getBytes(2));
        }
        return new Snapshot(version, from, files);
    }

    private long version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM " + schema + ".catalog_version WHERE id = 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static long parse(String payload) {
        try {
            return Long.parseLong(payload.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
