package org.ecoplan.wfs.capabilities;

import org.ecoplan.ows.encode.CoordinatePrecision;
import org.ecoplan.ows.encode.XmlDocument;
import org.locationtech.jts.geom.Envelope;

/** Coordinates as capabilities write them (bounding boxes in degrees, to 8 decimals). */
final class Coordinates {
    private static final CoordinatePrecision DEGREES = new CoordinatePrecision(8);

    private Coordinates() {}

    static String pair(double a, double b) {
        return DEGREES.format(a) + " " + DEGREES.format(b);
    }

    /** An ows:WGS84BoundingBox (OWS 1.1 clause 10.2.2) of a type's extent in degrees; nothing for no extent. */
    static void wgs84BoundingBox(XmlDocument x, Envelope e) {
        if (e == null) return;
        x.start("ows", "WGS84BoundingBox");
        x.element("ows", "LowerCorner", pair(e.getMinX(), e.getMinY()));
        x.element("ows", "UpperCorner", pair(e.getMaxX(), e.getMaxY()));
        x.end();
    }
}
