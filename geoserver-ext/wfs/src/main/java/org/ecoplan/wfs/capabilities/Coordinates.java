package org.ecoplan.wfs.capabilities;

import org.ecoplan.ows.encode.CoordinatePrecision;

/** Coordinate pairs as capabilities write them (bounding-box corners, degrees to 8 decimals). */
final class Coordinates {
    private static final CoordinatePrecision DEGREES = new CoordinatePrecision(8);

    private Coordinates() {}

    static String pair(double a, double b) {
        return DEGREES.format(a) + " " + DEGREES.format(b);
    }
}
