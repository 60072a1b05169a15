package org.ecoplan.store.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.GeometryType;
import org.ecoplan.catalog.store.TableDescription;

/**
 * A table's description assembled from what a database's own catalog says of it (a GeoPackage's
 * gpkg_geometry_columns and PRAGMA table_info, PostGIS' geometry_columns and information_schema),
 * the same way for every store: the {@code fid} key required, the geometry column kept apart from
 * the attributes, a geometry type the model does not know read as GEOMETRY.
 */
public final class TableDescriptions {
    private TableDescriptions() {}

    /**
     * @param geometryColumn the geometry column, or null for a table without one
     * @param geometryType   its type as the database names it
     * @param columns        every column in table order, with the attribute type it maps to
     * @return empty when the table has no {@code fid} column to serve features by
     */
    public static Optional<TableDescription> of(String table, String geometryColumn, String geometryType, int srid,
            List<Map.Entry<String, AttributeType>> columns) {
        List<TableDescription.Column> attributes = new ArrayList<>();
        boolean fid = false;
        for (var c : columns) {
            if (c.getKey().equals(SqlDialect.FID)) fid = true;
            else
                if (!c.getKey().equals(geometryColumn))
                    attributes.add(new TableDescription.Column(c.getKey(), c.getValue()));
        }
        if (!fid) return Optional.empty();
        GeometryType type = null;
        if (geometryColumn != null) {
            type = GeometryType.fromConfig(geometryType);
            if (type == null) type = GeometryType.GEOMETRY;
        }
        return Optional.of(new TableDescription(table, attributes, geometryColumn, type, srid));
    }
}
