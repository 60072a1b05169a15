package org.ecoplan.catalog.crs;

/** The order of the two horizontal axes of coordinates as written in a request or response. */
public enum AxisOrder {
    /** x = longitude / easting first. Also the internal order of every geometry in this engine. */
    EAST_NORTH,
    /** latitude / northing first (EPSG:4326, 4490 and the CGCS2000 Gauss–Krüger CRSs). */
    NORTH_EAST
}
