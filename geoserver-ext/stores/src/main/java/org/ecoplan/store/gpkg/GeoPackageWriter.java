package org.ecoplan.store.gpkg;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * gpkg_contents and gpkg_geometry_columns rows and R-tree index.
 *
 * <p>The work happens in a copy next to the file, which replaces the file by an atomic rename at
 * commit. So a server reading the file is never locked out by a load (a reader still streaming from
 * the old file finishes on it), and a load killed at any instant leaves the served file untouched:
 * only its working copy, which the next load removes.
 */
final class GeoPackageWriter implements StoreWriter {
    private static final int BATCH = 500;
    private static final int CACHE_KIB = 131_072;

    private static final String WORK = ".loading-";

    private final Path file;
    private final Path work;
    private final Connection c;
    private boolean committed;

    GeoPackageWriter(Path file) {
        this.file = file;
        this.work = startWork(file);
        Connection conn = null;
        try {
            conn = GeoPackageConnections.open(work, true);
            GeoPackageSchema.identify(conn);
            try (Statement s = conn.createStatement()) {
                // a large page cache lets a load finish before SQLite must lock readers out to spill pages
                s.execute("PRAGMA cache_size = -" + CACHE_KIB);
            }
            conn.setAutoCommit(false);
            GeoPackageSchema.createCoreTables(conn);
        } catch (SQLException e) {
            closeQuietly(conn);
            deleteWork(work);
            throw new StoreException("cannot write GeoPackage " + file + ": " + e.getMessage(), e);
        }
        this.c = conn;
    }

    /**
     * The working copy: the current file as it is committed (a hot journal left by an older writer is
     * rolled back first), or nothing for a new file. Copies left by killed loads are removed.
     */
    private static Path startWork(Path file) {
        Path name = file.getFileName();
        try (var old = Files.newDirectoryStream(file.toAbsolutePath().getParent(), "." + name + WORK + "*")) {
            for (Path p : old) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new StoreException("cannot clean up after an earlier load of " + file + ": " + e.getMessage(), e);
        }
        Path work = file.resolveSibling("." + name + WORK + ProcessHandle.current().pid());
        try {
            if (Files.exists(file)) {
                // the copy must hold committed data only
                GeoPackageConnections.rollBackHotJournal(file);
                Files.copy(file, work, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot copy " + file + " to load into it: " + e.getMessage(), e);
        }
        return work;
    }

    private static void deleteWork(Path work) {
        RtreeBuilder.deleteScratch(work);
        try {
            Files.deleteIfExists(work);
            Files.deleteIfExists(work.resolveSibling(work.getFileName() + "-journal"));
        } catch (IOException ignored) {
            // the next load removes it
        }
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
            if (gd != null) RtreeIndex.createTriggers(c, table, gd.name());
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
        try (PreparedStatement ps = c.prepareStatement(sql.toString());
                RtreeBuilder index = gd == null
                        ? null
                        : new RtreeBuilder(RtreeBuilder.scratchFile(work), RtreeIndex.name(table, gd.name()),
                                pageSize())) {
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
                        if (!g.isEmpty()) {
                            Envelope e = g.getEnvelopeInternal();
                            extent.expandToInclude(e);
                            index.add(fid, e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY());
                        }
                    }
                }
                ps.addBatch();
                if (fid % BATCH == 0) {
                    ps.executeBatch();
                    if (progress != null) progress.accept(fid);
                }
            }
            ps.executeBatch();
            if (index != null) index.copyInto(c, RtreeIndex.name(table, gd.name()));
        }
        if (progress != null) progress.accept(fid);
        return extent;
    }

    private int pageSize() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA page_size")) {
            rs.next();
            return rs.getInt(1);
        }
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
            c.close();
            // the rename is the commit readers see: all of the load or none of it
            try {
                Files.move(work, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(work, file, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
            RtreeBuilder.deleteScratch(work);
        } catch (SQLException | IOException e) {
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
        if (!committed) deleteWork(work);
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
