package org.ecoplan.catalog.query.xml;

import org.ecoplan.catalog.query.Filter;
import org.w3c.dom.Element;

/**
 * Parses a spatial operator element of OGC Filter 1.x / FES 2.0 (BBOX, Intersects, DWithin, ...)
 * with its GML geometry into {@link Filter.BBox} or {@link Filter.Spatial}, in the layer's native
 * CRS. Plugged into {@link FilterXmlParser} by protocols that can read GML (WFS).
 */
@FunctionalInterface
public interface SpatialOperatorParser {
    /**
     * @param operator the operator's local name as written ("BBOX", "Intersects", "DWithin", ...)
     * @param element  the operator element
     * @throws org.ecoplan.catalog.query.QueryException for bad geometry, CRS or distance
     */
    Filter parse(String operator, Element element);
}
