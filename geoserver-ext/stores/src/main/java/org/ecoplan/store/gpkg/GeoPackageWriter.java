package org.ecoplan.store.gpkg;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.function.LongConsumer;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.GeometryDescriptor;
import org.ecoplan.catalog.store.StoreException;
import org.ecoplan.catalog.store.StoreWriter;
import org.ecoplan.store.sql.RowValues;
import org.ecoplan.store.sql.SqlNames;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * One write transaction on a GeoPackage file (OGC 12-128r18): each replaced table is dropped and
 * recreated as a features table (or an attributes table when the type has no geometry) with its
 * gpkg_contents and gpkg_geometry_columns rows and R-tree index, all inside one SQLite transaction
 * that becomes visible at commit.
 */
final class GeoPackageWriter implements StoreWriter {
    private static final int BATCH = 500;
    private static final int CACHE_KIB = 131_072;

    private final Path file;
    private final Connection c;
    private boolean committed;

    GeoPackageWriter(Path file) {
        this.file = file;
        Connection conn = null;
        try {
            conn = GeoPackageConnections.open(file, true);
            GeoPackageSchema.identify(conn);
            try (Statement s = conn.createStatement()) {
                // a large page cache lets a load finish before SQLite must lock readers out to spill pages
                s.execute("PRAGMA cache_size = -" + CACHE_KIB);
            }
            conn.setAutoCommit(false);
            GeoPackageSchema.createCoreTables(conn);
        } catch (SQLException e) {
            closeQuietly(conn);
            throw new StoreException("cannot write GeoPackage " + file + ": " + e.getMessage(), e);
        }
        this.c = conn;
    }

    @Override
    public void replaceTable(FeatureType type, String table, Iterator<Feature> features, String version,
            LongConsumer progress) {
        SqlNames.check(table);
        for (AttributeDescriptor a : type.attributes()) SqlNames.check(a.name());
        GeometryDescriptor gd = type.geometry();
        if (gd != null) SqlNames.check(gd.name());
        try {
            drop(table);
            create(type, table);
            Envelope extent = insert(type, table, features, progress);
            if (gd != null && !extent.isNull()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?")) {
                    ps.setDouble(1, extent.getMinX());
                    ps.setDouble(2, extent.getMinY());
                    ps.setDouble(3, extent.getMaxX());
                    ps.setDouble(4, extent.getMaxY());
                    ps.setString(5, table);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + GeoPackageSchema.VERSION_TABLE
                    + " (table_name, version) VALUES (?, ?)")) {
                ps.setString(1, table);
                ps.setString(2, version == null ? "" : version);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("writing table '" + table + "' to " + file + " failed: " + e.getMessage(), e);
        }
    }

    private void drop(String table) throws SQLException {
        java.util.List<String> columns = new java.util.ArrayList<>();
        try (PreparedStatement ps = c
                .prepareStatement("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) columns.add(rs.getString(1));
            }
        }
        // dropping while the query above is open would lock the table
        for (String column : columns) RtreeIndex.drop(c, table, column);
        for (String meta : new String[]{"gpkg_extensions", "gpkg_geometry_columns", "gpkg_contents",
                GeoPackageSchema.VERSION_TABLE}) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + meta + " WHERE table_name = ?")) {
                ps.setString(1, table);
                ps.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + SqlNames.quote(table));
        }
    }

    private void create(FeatureType type, String table) throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(SqlNames.quote(table))
                .append(" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL");
        for (AttributeDescriptor a : type.attributes()) {
            ddl.append(", ").append(SqlNames.quote(a.name())).append(' ').append(columnType(a));
        }
        GeometryDescriptor gd = type.geometry();
        if (gd != null)
            ddl.append(", ").append(SqlNames.quote(gd.name())).append(' ')
                    .append(gd.type().sfName().toUpperCase(java.util.Locale.ROOT));
        ddl.append(')');
        try (Statement s = c.createStatement()) {
            s.execute(ddl.toString());
        }
        if (gd != null) GeoPackageSchema.ensureSrs(c, gd.crs());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, identifier, "
                + "description, srs_id) VALUES (?, ?, ?, '', ?)")) {
            ps.setString(1, table);
            ps.setString(2, gd == null ? "attributes" : "features");
            ps.setString(3, table);
            if (gd == null) ps.setNull(4, java.sql.Types.INTEGER);
            else ps.setInt(4, gd.crs().epsg());
            ps.executeUpdate();
        }
        if (gd == null) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_geometry_columns "
                + "(table_name, column_name, geometry_type_name, srs_id, z, m) VALUES (?, ?, ?, ?, 0, 0)")) {
            ps.setString(1, table);
            ps.setString(2, gd.name());
            ps.setString(3, gd.type().sfName().toUpperCase(java.util.Locale.ROOT));
            ps.setInt(4, gd.crs().epsg());
            ps.executeUpdate();
        }
        RtreeIndex.create(c, table, gd.name());
    }

    private static String columnType(AttributeDescriptor a) {
        return switch (a.type()) {
            case STRING -> "TEXT";
            case INTEGER -> "INTEGER";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
        };
    }

    private Envelope insert(FeatureType type, String table, Iterator<Feature> features, LongConsumer progress)
            throws SQLException {
        GeometryDescriptor gd = type.geometry();
        int n = type.attributes().size();
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(SqlNames.quote(table)).append(" (fid");
        for (AttributeDescriptor a : type.attributes()) sql.append(", ").append(SqlNames.quote(a.name()));
        if (gd != null) sql.append(", ").append(SqlNames.quote(gd.name()));
        sql.append(") VALUES (?").append(", ?".repeat(n + (gd == null ? 0 : 1))).append(')');
        Envelope extent = new Envelope();
        long fid = 0;
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            while (features.hasNext()) {
                Feature f = features.next();
                fid++;
                ps.setLong(1, fid);
                for (int i = 0; i < n; i++) {
                    AttributeDescriptor a = type.attributes().get(i);
                    bind(ps, i + 2, RowValues.attribute(a, f.attributes().get(a.name()), table, fid));
                }
                if (gd != null) {
                    Geometry g = RowValues.geometry(gd, f.geometry(), table, fid);
                    if (g == null) ps.setNull(n + 2, java.sql.Types.BLOB);
                    else {
                        ps.setBytes(n + 2, GeoPackageGeometry.encode(g, gd.crs().epsg()));
                        if (!g.isEmpty()) extent.expandToInclude(g.getEnvelopeInternal());
                    }
                }
                ps.addBatch();
                if (fid % BATCH == 0) {
                    ps.executeBatch();
                    if (progress != null) progress.accept(fid);
                }
            }
            ps.executeBatch();
        }
        if (progress != null) progress.accept(fid);
        return extent;
    }

    static void bind(PreparedStatement ps, int index, Object v) throws SQLException {
        if (v == null) ps.setNull(index, java.sql.Types.NULL);
        else if (v instanceof Long l) ps.setLong(index, l);
        else if (v instanceof Double d) ps.setDouble(index, d);
        else if (v instanceof Boolean b) ps.setInt(index, b ? 1 : 0);
        else if (v instanceof LocalDate d) ps.setString(index, d.toString());
        else if (v instanceof byte[] b) ps.setBytes(index, b);
        else ps.setString(index, v.toString());
    }

    @Override
    public void commit() {
        try {
            c.commit();
            committed = true;
        } catch (SQLException e) {
            throw new StoreException("committing to " + file + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // closing the connection discards the transaction anyway
            }
        }
        closeQuietly(c);
    }

    private static void closeQuietly(Connection conn) {
        if (conn == null) return;
        try {
            conn.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}
