package org.ecoplan.catalog.crs;

/** Which rule a protocol version uses to read coordinates in a request or write them in a response. */
public enum AxisConvention {
    /** WMS 1.3.0, WMTS, WFS 1.1/2.0 with URN/URI names, GML 3.2: the authority's axis order. */
    AUTHORITY,
    /** WMS 1.1.1, WFS 1.0, GeoJSON, and WFS 1.1/2.0 with the short "EPSG:n" form: always x/y (lon/lat). */
    EAST_NORTH,
    /**
     * WFS 1.1 / 2.0: the short "EPSG:n" form is read x/y (as GeoServer and most clients do),
     * URN and http URI forms in authority order.
     */
    BY_FORM
}
