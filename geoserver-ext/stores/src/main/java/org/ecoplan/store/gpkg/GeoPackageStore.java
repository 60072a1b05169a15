package org.ecoplan.store.gpkg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.catalog.store.StoreException;
import org.ecoplan.catalog.store.StoreWriter;
import org.ecoplan.store.sql.SqlNames;

/**
 * A GeoPackage file (OGC 12-128r18) as a {@link DataStore}. Reads borrow pooled read-only
 * connections ({@link GeoPackageReadPool}, which follows the file if it is replaced between
 * reads); every writer opens its own connection. The store is thread-safe.
 */
public final class GeoPackageStore implements DataStore {
    private final Path file;
    private final GeoPackageReadPool reads;

    public GeoPackageStore(Path file) {
        this.file = file;
        this.reads = new GeoPackageReadPool(file);
    }

    public Path file() { return file; }

    @Override
    public String description() { return "gpkg:" + file; }

    @Override
    public boolean hasTable(String table) {
        return columns(table) != null;
    }

    /** gpkg_contents rows of data_type 'features' (OGC 12-128r18 clause 1.1.3). */
    @Override
    public java.util.List<String> featureTables() {
        if (!Files.isRegularFile(file)) return java.util.List.of();
        try (Connection c = reads.open();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name")) {
            java.util.List<String> out = new java.util.ArrayList<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read GeoPackage " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * PRAGMA table_info for the columns (SQLite's declared types: TEXT, INTEGER, REAL, BOOLEAN,
     * DATE) and gpkg_geometry_columns (OGC 12-128r18 clause 2.1.5) for the geometry.
     */
    @Override
    public java.util.Optional<org.ecoplan.catalog.store.TableDescription> describe(String table) {
        if (!Files.isRegularFile(file)) return java.util.Optional.empty();
        try (Connection c = reads.open()) {
            String geomColumn = null;
            String geomType = null;
            int srid = 0;
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "SELECT column_name, geometry_type_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        geomColumn = rs.getString(1);
                        geomType = rs.getString(2);
                        srid = rs.getInt(3);
                    }
                }
            }
            java.util.List<java.util.Map.Entry<String, org.ecoplan.catalog.AttributeType>> columns = new java.util.ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA table_info(" + SqlNames.quote(table) + ")")) {
                while (rs.next())
                    columns.add(java.util.Map.entry(rs.getString("name"), sqliteType(rs.getString("type"))));
            }
            return org.ecoplan.store.sql.TableDescriptions.of(table, geomColumn, geomType, srid, columns);
        } catch (SQLException e) {
            throw new StoreException("cannot read GeoPackage " + file + ": " + e.getMessage(), e);
        }
    }

    private static org.ecoplan.catalog.AttributeType sqliteType(String declared) {
        String t = declared == null ? "" : declared.toUpperCase(java.util.Locale.ROOT);
        if (t.contains("INT")) return org.ecoplan.catalog.AttributeType.INTEGER;
        if (t.contains("REAL") || t.contains("DOUB") || t.contains("FLOA"))
            return org.ecoplan.catalog.AttributeType.DOUBLE;
        if (t.startsWith("BOOL")) return org.ecoplan.catalog.AttributeType.BOOLEAN;
        if (t.equals("DATE")) return org.ecoplan.catalog.AttributeType.DATE;
        return org.ecoplan.catalog.AttributeType.STRING;
    }

    /** The column names of the table, or null when the file or the table does not exist. */
    private Set<String> columns(String table) {
        if (!Files.isRegularFile(file)) return null;
        try (Connection c = reads.open();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA table_info(" + SqlNames.quote(table) + ")")) {
            Set<String> names = new HashSet<>();
            while (rs.next()) names.add(rs.getString("name"));
            return names.isEmpty() ? null : names;
        } catch (SQLException e) {
            throw new StoreException("cannot read GeoPackage " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public FeatureSource featureSource(FeatureType type, String table) {
        Set<String> cols = columns(table);
        if (cols == null) throw new StoreException("GeoPackage " + file + " has no table '" + table + "'");
        for (AttributeDescriptor a : type.attributes()) {
            if (!cols.contains(a.name())) {
                throw new StoreException(
                        "GeoPackage " + file + " table '" + table + "' has no column '" + a.name() + "'");
            }
        }
        if (type.hasGeometry() && !cols.contains(type.geometry().name())) {
            throw new StoreException("GeoPackage " + file + " table '" + table + "' has no geometry column '"
                    + type.geometry().name() + "'");
        }
        return new GeoPackageFeatureSource(file, reads, type, table);
    }

    @Override
    public StoreWriter writer() {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the directory of " + file + ": " + e.getMessage(), e);
        }
        return new GeoPackageWriter(file);
    }

    @Override
    public void close() {
        reads.close();
    }
}
