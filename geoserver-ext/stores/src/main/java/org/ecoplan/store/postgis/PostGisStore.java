package org.ecoplan.store.postgis;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.store.ConnectionPoolState;
import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.catalog.store.RequestTag;
import org.ecoplan.catalog.store.StoreException;
import org.ecoplan.catalog.store.StoreWriter;
import org.ecoplan.store.sql.SqlFailure;
import org.slf4j.MDC;

/** A PostGIS schema as a {@link DataStore}, with a small connection pool shared by its layers. */
public final class PostGisStore implements DataStore {
    private static final int POOL_SIZE = 4;

    private final PostGisUrl url;
    private final HikariDataSource pool;

    public PostGisStore(String jdbcUrl) {
        this.url = PostGisUrl.parse(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(0);
        config.setPoolName("ecoplan-" + url.schema());
        config.setInitializationFailTimeout(-1);
        // a database that is down must fail a request quickly (503), not hold its thread for the default 30 s
        config.setConnectionTimeout(connectTimeoutMillis());
        // named, so a load's swap can tell this server's stalled readers from other sessions
        config.addDataSourceProperty("ApplicationName", PostGisWriter.READER_APPLICATION);
        // currentSchema alone would hide the PostGIS types and functions installed in another schema.
        // Reads here are many and short, and a replica already answers requests side by side: a parallel
        // gather per map only multiplies processes beyond the cores, and JIT compiling a map's query
        // (its cost is high when it spans a million rows) took longer than it saved.
        config.setConnectionInitSql("SELECT set_config('search_path', quote_ident('" + url.schema() + "') || ',' || "
                + "coalesce((SELECT string_agg(quote_ident(n.nspname), ',') FROM pg_extension e "
                + "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'postgis'), 'public'), false), "
                + "set_config('max_parallel_workers_per_gather', '0', false), "
                + "(SELECT set_config('jit', 'off', false) FROM pg_settings WHERE name = 'jit')");
        this.pool = new HikariDataSource(config);
    }

    public String schema() { return url.schema(); }

    @Override
    public String description() { return url.withoutCredentials(); }

    @Override
    public boolean hasTable(String table) {
        return !columns(table).isEmpty();
    }

    @Override
    public java.util.List<String> featureTables() {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT f_table_name FROM geometry_columns WHERE f_table_schema = ? ORDER BY f_table_name")) {
            ps.setString(1, url.schema());
            java.util.List<String> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw SqlFailure.of("cannot read " + description() + ": " + e.getMessage(), e);
        }
    }

    /** information_schema.columns for the columns and PostGIS' geometry_columns view for the geometry. */
    @Override
    public java.util.Optional<org.ecoplan.catalog.store.TableDescription> describe(String table) {
        try (Connection c = pool.getConnection()) {
            String geomColumn = null;
            String geomType = null;
            int srid = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT f_geometry_column, type, srid FROM geometry_columns "
                    + "WHERE f_table_schema = ? AND f_table_name = ?")) {
                ps.setString(1, url.schema());
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        geomColumn = rs.getString(1);
                        geomType = rs.getString(2);
                        srid = rs.getInt(3);
                    }
                }
            }
            java.util.List<java.util.Map.Entry<String, org.ecoplan.catalog.AttributeType>> columns = new java.util.ArrayList<>();
            try (PreparedStatement ps = c
                    .prepareStatement("SELECT column_name, data_type FROM information_schema.columns "
                            + "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
                ps.setString(1, url.schema());
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) columns.add(java.util.Map.entry(rs.getString(1), pgType(rs.getString(2))));
                }
            }
            return org.ecoplan.store.sql.TableDescriptions.of(table, geomColumn, geomType, srid, columns);
        } catch (SQLException e) {
            throw SqlFailure.of("cannot read " + description() + ": " + e.getMessage(), e);
        }
    }

    private static org.ecoplan.catalog.AttributeType pgType(String dataType) {
        String t = dataType == null ? "" : dataType.toLowerCase(java.util.Locale.ROOT);
        if (t.equals("integer") || t.equals("bigint") || t.equals("smallint"))
            return org.ecoplan.catalog.AttributeType.INTEGER;
        if (t.equals("double precision") || t.equals("real") || t.equals("numeric")) {
            return org.ecoplan.catalog.AttributeType.DOUBLE;
        }
        if (t.equals("boolean")) return org.ecoplan.catalog.AttributeType.BOOLEAN;
        if (t.equals("date")) return org.ecoplan.catalog.AttributeType.DATE;
        return org.ecoplan.catalog.AttributeType.STRING;
    }

    private Set<String> columns(String table) {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?")) {
            ps.setString(1, url.schema());
            ps.setString(2, table);
            Set<String> names = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw SqlFailure.of("cannot read " + description() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public FeatureSource featureSource(FeatureType type, String table) {
        Set<String> cols = columns(table);
        if (cols.isEmpty()) throw new StoreException(description() + " has no table '" + table + "'");
        for (AttributeDescriptor a : type.attributes()) {
            if (!cols.contains(a.name())) {
                throw new StoreException(description() + " table '" + table + "' has no column '" + a.name() + "'");
            }
        }
        if (type.hasGeometry() && !cols.contains(type.geometry().name())) {
            throw new StoreException(description() + " table '" + table + "' has no geometry column '"
                    + type.geometry().name() + "'");
        }
        return new PostGisFeatureSource(this::readConnection, url.schema(), type, table,
                description() + " table '" + url.schema() + "." + table + "'");
    }

    /**
     * A pooled connection labelled with the request it serves: {@code application_name} becomes
     * "ecoplan-reader &lt;request id&gt;", so {@code pg_stat_activity} and the database's log tie a query to
     * the request's log lines. The driver sends the SET only when the label changes.
     */
    private Connection readConnection() throws SQLException {
        Connection c = pool.getConnection();
        try {
            c.setClientInfo("ApplicationName", PostGisWriter.readerApplication(MDC.get(RequestTag.MDC_KEY)));
        } catch (java.sql.SQLClientInfoException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    public java.util.Optional<ConnectionPoolState> connectionPool() {
        var bean = pool.getHikariPoolMXBean();
        if (bean == null) return java.util.Optional.empty();
        return java.util.Optional.of(new ConnectionPoolState(bean.getActiveConnections(), bean.getIdleConnections(),
                bean.getThreadsAwaitingConnection(), pool.getMaximumPoolSize()));
    }

    @Override
    public StoreWriter writer() {
        try {
            return new PostGisWriter(pool.getConnection(), url.schema(), swapGraceMillis());
        } catch (SQLException e) {
            throw SqlFailure.of("cannot connect to " + description() + ": " + e.getMessage(), e);
        }
    }

    /** ECOPLAN_PG_SWAP_GRACE_MS (5000): how long a load lets readers of a replaced table finish. */
    static long swapGraceMillis() {
        return millis("ECOPLAN_PG_SWAP_GRACE_MS", 5_000, 0);
    }

    /** ECOPLAN_PG_CONNECT_TIMEOUT_MS (3000): how long a request waits for a connection before 503. */
    static long connectTimeoutMillis() {
        return millis("ECOPLAN_PG_CONNECT_TIMEOUT_MS", 3_000, 250);
    }

    /** A duration in milliseconds from a system property or the environment, at least {@code min}. */
    private static long millis(String name, long fallback, long min) {
        String v = System.getProperty(name, System.getenv(name));
        if (v == null || v.isBlank()) return fallback;
        try {
            long n = Long.parseLong(v.trim());
            if (n < min) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new StoreException(name + " must be a whole number of milliseconds >= " + min + ", not '" + v + "'");
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
