package org.ecoplan.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.store.sql.SqlFailure;
import org.ecoplan.store.sql.SqlFeatureSource;
import org.locationtech.jts.geom.Envelope;

/** A layer table in a PostGIS schema, read through the store's connection pool. */
final class PostGisFeatureSource extends SqlFeatureSource {
    private final String schema;
    private final String table;

    PostGisFeatureSource(org.ecoplan.store.sql.ConnectionSource connections, String schema, FeatureType type,
            String table, String description) {
        super(type, new PostGisDialect(schema, table, type.hasGeometry() ? type.geometry().name() : null,
                type.hasGeometry() ? type.geometry().crs().epsg() : 0), connections, description);
        this.schema = schema;
        this.table = table;
    }

    @Override
    public Envelope bounds() {
        if (!schema().hasGeometry()) return null;
        String g = dialect().geometryColumn();
        String sql = "SELECT min(ST_XMin(" + g + ")), max(ST_XMax(" + g + ")), min(ST_YMin(" + g + ")), max(ST_YMax("
                + g + ")) FROM " + dialect().table() + " WHERE " + g + " IS NOT NULL AND NOT ST_IsEmpty(" + g + ")";
        try (Connection c = connections().open();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            double minX = rs.getDouble(1);
            if (rs.wasNull()) return null;
            return new Envelope(minX, rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
        } catch (SQLException e) {
            throw SqlFailure.of("reading the extent of " + this + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String version() {
        try (Connection c = connections().open();
                PreparedStatement ps = c.prepareStatement("SELECT version FROM " + PostGisWriter.versionTable(schema)
                        + " WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        } catch (SQLException e) {
            throw SqlFailure.of("reading the version of " + this + " failed: " + e.getMessage(), e);
        }
    }
}
