package org.ecoplan.catalog;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as it flows from a store to an encoder.
 *
 * @param id         feature identifier, "{layer}.{fid}" (stable: fid is the source order)
 * @param attributes attribute values by name in schema order; values are of the attribute
 *                   type's Java class, or null
 * @param geometry   the geometry in the query's target CRS (east/north internally), or null
 */
public record Feature(String id, Map<String, Object> attributes, Geometry geometry) {
    public Object get(String name) { return attributes.get(name); }
}
