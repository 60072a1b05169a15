package org.ecoplan.ogcapi;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A site as the plan check reads it: its geometry in CGCS2000 longitude / latitude (EPSG:4490,
 * east then north), the format and CRS it came in, and what the reader noticed on the way.
 *
 * @param geometry a valid, non-empty Polygon, MultiPolygon, Point or MultiPoint
 * @param format   geojson, wkt, jzd, shapefile, kml or point
 * @param crs      the CRS of the input, as named or declared
 * @param notes    remarks for the report (parts merged, a CRS taken from the file)
 */
record Site(Geometry geometry, String format, String crs, List<String> notes) {
    Site {
        notes = List.copyOf(notes);
    }

    boolean isPoint() { return geometry.getDimension() == 0; }
}
