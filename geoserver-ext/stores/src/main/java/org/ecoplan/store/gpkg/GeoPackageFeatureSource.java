package org.ecoplan.store.gpkg;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.store.StoreException;
import org.ecoplan.store.sql.SqlFeatureSource;
import org.locationtech.jts.geom.Envelope;

/**
 * A feature or attributes table of a GeoPackage; its extent comes from gpkg_contents (written
 * exactly by the writer), its version from the engine's version table.
 */
final class GeoPackageFeatureSource extends SqlFeatureSource {
    private final Path file;
    private final String table;

    GeoPackageFeatureSource(Path file, GeoPackageReadPool reads, FeatureType type, String table) {
        super(type, new GeoPackageDialect(table, type.hasGeometry() ? type.geometry().name() : null),
                reads::open, "GeoPackage " + file + " table '" + table + "'");
        this.file = file;
        this.table = table;
    }

    @Override
    public Envelope bounds() {
        if (!schema().hasGeometry()) return null;
        try (Connection c = connections().open();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT min_x, max_x, min_y, max_y FROM gpkg_contents WHERE table_name = ? AND min_x IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new Envelope(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4))
                        : null;
            }
        } catch (SQLException e) {
            throw new StoreException("reading the extent of '" + table + "' in " + file + " failed: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public String version() {
        try (Connection c = connections().open();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT version FROM " + GeoPackageSchema.VERSION_TABLE + " WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        } catch (SQLException e) {
            throw new StoreException("reading the version of '" + table + "' in " + file + " failed: " + e.getMessage(),
                    e);
        }
    }
}
