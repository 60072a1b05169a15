package org.ecoplan.catalog.store;

import java.util.List;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.GeometryType;

/**
 * What a store says of one of its tables, for publishing it as a layer (GeoServer's "publish a
 * feature type"): its plain columns with their types, and its geometry column, type and SRID.
 *
 * @param columns        the attribute columns, the feature id ({@code fid}) and geometry left out
 * @param geometryColumn the geometry column, or null for a table without geometry
 * @param geometryType   its type (GEOMETRY where the store says no more)
 * @param srid           its EPSG code, or 0 when unknown
 */
public record TableDescription(String table, List<Column> columns, String geometryColumn, GeometryType geometryType,
        int srid) {
    public TableDescription {
        columns = List.copyOf(columns);
    }

    /** A plain column and the attribute type its values map to. */
    public record Column(String name, AttributeType type) {}
}
