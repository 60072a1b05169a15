package org.ecoplan.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.GeometryDescriptor;
import org.ecoplan.catalog.store.StoreException;
import org.ecoplan.catalog.store.StoreWriter;
import org.ecoplan.store.sql.RowValues;
import org.ecoplan.store.sql.SqlNames;
import org.ecoplan.store.sql.WkbEncoding;
import org.locationtech.jts.geom.Geometry;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One write transaction on a PostGIS schema. Each replaced table is loaded into a staging table
 * (typed geometry column, GiST index, ANALYZE) inside the transaction; {@link #commit()} then drops
 * the old tables, renames the staged ones into place and records their versions, and commits.
 * Readers keep reading the old tables during the load: the exclusive locks of DROP and RENAME are
 * held only for the moment of the swap.
 *
 * <p>A reader that stalls (a client that stops reading a streamed answer keeps its cursor, and so
 * its lock, open) must not stall the swap, and a swap waiting in PostgreSQL's lock queue would make
 * every new reader of the table wait behind it. So the exclusive lock is only ever asked for in
 * short attempts ({@code lock_timeout}), readers get through between them, and after a grace period
 * the sessions of this service's readers holding the table in a transaction older than it are ended
 * ({@code pg_terminate_backend}): their answers are cut, the load goes on. Other applications'
 * sessions are never ended; if they hold the table past the wait limit the load fails and rolls
 * back, and the old data stays served.
 */
final class PostGisWriter implements StoreWriter {
    private static final int PROGRESS_EVERY = 1000;
    /** {@code application_name} of the server's reading connections, followed by the request id while one is served. */
    static final String READER_APPLICATION = "ecoplan-reader";
    /** PostgreSQL keeps 63 bytes of an {@code application_name}. */
    private static final int APPLICATION_NAME_MAX = 63;
    static final String WRITER_APPLICATION = "ecoplan-loader";
    private static final long ATTEMPT_MILLIS = 100;
    private static final long WAIT_MILLIS = 60_000;

    /** A table loaded under a staging name, waiting for the swap at commit. */
    private record Staged(String stage, String geometryColumn, String version) {}

    private final Connection c;
    private final String schema;
    private final long graceMillis;
    private final java.util.Map<String, Staged> staged = new java.util.LinkedHashMap<>();
    private boolean committed;

    /**
     * @param graceMillis how long readers holding a replaced table may go on before the swap ends
     *                    their sessions
     */
    PostGisWriter(Connection c, String schema, long graceMillis) {
        this.c = c;
        this.schema = schema;
        this.graceMillis = graceMillis;
        try {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // for this transaction only: the connection goes back to the readers' pool afterwards
                s.execute("SET LOCAL application_name = '" + WRITER_APPLICATION + "'");
                s.execute("CREATE SCHEMA IF NOT EXISTS " + SqlNames.quote(schema));
                s.execute("CREATE TABLE IF NOT EXISTS " + versionTable(schema)
                        + " (table_name text PRIMARY KEY, version text NOT NULL)");
            }
        } catch (SQLException e) {
            close();
            throw new StoreException("cannot start writing to schema '" + schema + "': " + e.getMessage(), e);
        }
    }

    /** The {@code application_name} of a reader serving the request with this id (null: none). */
    static String readerApplication(String requestId) {
        if (requestId == null || requestId.isEmpty()) return READER_APPLICATION;
        String name = READER_APPLICATION + " " + requestId.replaceAll("[^A-Za-z0-9._:-]", "_");
        return name.length() <= APPLICATION_NAME_MAX ? name : name.substring(0, APPLICATION_NAME_MAX);
    }

    static String versionTable(String schema) {
        return SqlNames.quote(schema) + ".ecoplan_layer_version";
    }

    @Override
    public void replaceTable(FeatureType type, String table, Iterator<Feature> features, String version,
            LongConsumer progress) {
        SqlNames.check(table);
        // random, so concurrent writers on one schema never share a staging name
        String stage = "ecoplan_stage_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String qs = SqlNames.quote(schema) + "." + SqlNames.quote(stage);
        GeometryDescriptor gd = type.geometry();
        try (Statement s = c.createStatement()) {
            Staged previous = staged.remove(table);
            if (previous != null)
                s.execute("DROP TABLE " + SqlNames.quote(schema) + "." + SqlNames.quote(previous.stage()));
            s.execute("DROP TABLE IF EXISTS " + qs);
            s.execute(createTable(type, qs));
            long n = insert(type, table, qs, features, progress);
            s.execute(
                    "ALTER TABLE " + qs + " ADD CONSTRAINT " + SqlNames.quote(stage + "_pkey") + " PRIMARY KEY (fid)");
            if (gd != null) {
                s.execute("CREATE INDEX " + SqlNames.quote(indexName(stage, gd.name())) + " ON " + qs
                        + " USING GIST (" + SqlNames.quote(gd.name()) + ")");
            }
            s.execute("ANALYZE " + qs);
            staged.put(table, new Staged(stage, gd == null ? null : gd.name(), version == null ? "" : version));
            if (progress != null) progress.accept(n);
        } catch (SQLException e) {
            throw new StoreException(
                    "writing table '" + table + "' to schema '" + schema + "' failed: " + e.getMessage(), e);
        }
    }

    /** Puts the staged tables in place of the old ones, still inside the transaction. */
    private void swap() throws SQLException {
        String q = SqlNames.quote(schema) + ".";
        try (Statement s = c.createStatement();
                PreparedStatement ps = c.prepareStatement("INSERT INTO " + versionTable(schema)
                        + " (table_name, version) VALUES (?, ?) ON CONFLICT (table_name) DO UPDATE SET version = EXCLUDED.version")) {
            for (var e : staged.entrySet()) {
                String table = e.getKey();
                Staged st = e.getValue();
                lockForSwap(q + SqlNames.quote(table));
                s.execute("DROP TABLE IF EXISTS " + q + SqlNames.quote(table));
                s.execute("ALTER TABLE " + q + SqlNames.quote(st.stage()) + " RENAME TO " + SqlNames.quote(table));
                s.execute("ALTER TABLE " + q + SqlNames.quote(table) + " RENAME CONSTRAINT "
                        + SqlNames.quote(st.stage() + "_pkey") + " TO " + SqlNames.quote(indexName(table, "pkey")));
                if (st.geometryColumn() != null) {
                    s.execute("ALTER INDEX " + q + SqlNames.quote(indexName(st.stage(), st.geometryColumn()))
                            + " RENAME TO " + SqlNames.quote(indexName(table, st.geometryColumn())));
                }
                ps.setString(1, table);
                ps.setString(2, st.version());
                ps.executeUpdate();
            }
        }
    }

    /** Takes the exclusive lock on an existing table without queueing readers behind the wait. */
    private void lockForSwap(String qualified) throws SQLException {
        long start = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '" + ATTEMPT_MILLIS + "ms'");
            while (true) {
                java.sql.Savepoint attempt = c.setSavepoint();
                try {
                    if (!exists(qualified)) return;
                    s.execute("LOCK TABLE " + qualified + " IN ACCESS EXCLUSIVE MODE");
                    c.releaseSavepoint(attempt);
                    return;
                } catch (SQLException e) {
                    if (!"55P03".equals(e.getSQLState())) throw e;
                    c.rollback(attempt);
                }
                long waited = (System.nanoTime() - start) / 1_000_000;
                if (waited > WAIT_MILLIS) {
                    throw new SQLException("table " + qualified + " is still held by other sessions after "
                            + waited + " ms; the load is rolled back and the old data stays served");
                }
                if (waited >= graceMillis) endStalledReaders(qualified);
                pause();
            }
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = DEFAULT");
            }
        }
    }

    private boolean exists(String qualified) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, qualified);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * Ends this service's reading sessions that hold a lock on the table in a transaction older than
     * the grace period; readers that came in between the attempts are short and left alone.
     */
    private void endStalledReaders(String qualified) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(l.pid) FROM pg_locks l "
                + "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.relation = to_regclass(?) AND l.granted "
                + "AND l.pid <> pg_backend_pid() AND (a.application_name = ? OR a.application_name LIKE ?) "
                + "AND a.xact_start < clock_timestamp() - make_interval(secs => ?)")) {
            ps.setString(1, qualified);
            ps.setString(2, READER_APPLICATION);
            ps.setString(3, READER_APPLICATION + " %");
            ps.setDouble(4, graceMillis / 1000.0);
            ps.executeQuery().close();
        }
    }

    private static void pause() throws SQLException {
        try {
            // the readers queued behind the last attempt get their turn
            Thread.sleep(ATTEMPT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting to replace a table", e);
        }
    }

    private static String indexName(String table, String column) {
        String name = table + "_" + column + (column.equals("pkey") ? "" : "_gix");
        return name.length() <= 63 ? name : name.substring(0, 63);
    }

    private static String createTable(FeatureType type, String qt) {
        // the primary key is added once the rows are in (PostgreSQL's advice for populating a table):
        // one sorted index build instead of a million insertions
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(qt).append(" (fid bigint NOT NULL");
        for (AttributeDescriptor a : type.attributes()) {
            ddl.append(", ").append(SqlNames.quote(a.name())).append(' ').append(switch (a.type()) {
                case STRING -> "text";
                case INTEGER -> "bigint";
                case DOUBLE -> "double precision";
                case BOOLEAN -> "boolean";
                case DATE -> "date";
            });
        }
        GeometryDescriptor gd = type.geometry();
        if (gd != null) {
            ddl.append(", ").append(SqlNames.quote(gd.name())).append(" geometry(").append(gd.type().sfName())
                    .append(", ").append(gd.crs().epsg()).append(')');
        }
        return ddl.append(')').toString();
    }

    /**
     * Streams the features into the staging table with {@code COPY ... FROM STDIN} in the binary
     * format ({@link CopyRows}): one statement per table, rows sent in 64 KiB chunks, geometry as EWKB
     * carrying its SRID, so a million rows load at the pace of the network and the server, in
     * constant memory.
     */
    private long insert(FeatureType type, String table, String qt, Iterator<Feature> features, LongConsumer progress)
            throws SQLException {
        GeometryDescriptor gd = type.geometry();
        int n = type.attributes().size();
        StringBuilder sql = new StringBuilder("COPY ").append(qt).append(" (fid");
        for (AttributeDescriptor a : type.attributes()) sql.append(", ").append(SqlNames.quote(a.name()));
        if (gd != null) sql.append(", ").append(SqlNames.quote(gd.name()));
        sql.append(") FROM STDIN WITH (FORMAT binary)");
        int fields = 1 + n + (gd == null ? 0 : 1);
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.toString());
        long fid = 0;
        try {
            CopyRows rows = new CopyRows(copy);
            while (features.hasNext()) {
                Feature f = features.next();
                fid++;
                rows.startRow(fields);
                rows.int8(fid);
                for (int i = 0; i < n; i++) {
                    AttributeDescriptor a = type.attributes().get(i);
                    rows.value(a.type(), RowValues.attribute(a, f.attributes().get(a.name()), table, fid));
                }
                if (gd != null) {
                    Geometry g = RowValues.geometry(gd, f.geometry(), table, fid);
                    if (g == null) rows.nullValue();
                    else rows.bytes(WkbEncoding.encode(g, gd.crs().epsg()));
                }
                rows.endRow();
                if (fid % PROGRESS_EVERY == 0 && progress != null) progress.accept(fid);
            }
            rows.finish();
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException cancel) {
                    // the failure that ended the COPY is the one to report; the transaction is rolled back anyway
                }
            }
        }
        return fid;
    }

    @Override
    public void commit() {
        try {
            swap();
            c.commit();
            committed = true;
        } catch (SQLException e) {
            throw new StoreException("committing to schema '" + schema + "' failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (!committed && !c.isClosed()) c.rollback();
        } catch (SQLException ignored) {
            // closing discards the transaction anyway
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // returned to the pool or already gone
        }
    }

    @Override
    public String toString() { return "PostGIS writer on schema " + schema.toLowerCase(Locale.ROOT); }
}
