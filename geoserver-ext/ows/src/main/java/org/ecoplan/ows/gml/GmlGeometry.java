package org.ecoplan.ows.gml;

import org.ecoplan.catalog.crs.CrsName;
import org.locationtech.jts.geom.Geometry;

/**
 * A geometry read from GML together with the CRS it was written in.
 *
 * @param geometry the geometry, coordinates already in east/north order (the engine's internal
 *                 order) but still in {@code crs}: the caller transforms it to where it is needed
 * @param crs      the CRS as named by the srsName (or the reader's default), form included
 */
public record GmlGeometry(Geometry geometry, CrsName crs) {
}
