package org.ecoplan.ows.encode;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a JTS geometry as a GeoJSON geometry object (RFC 7946 clause 3.1). Positions are always
 * x/y (longitude/latitude, easting/northing), the engine's internal order; polygon rings are
 * written with the exterior counter-clockwise and holes clockwise (RFC 7946 clause 3.1.6).
 * One instance serves one response (it keeps a scratch buffer), never several threads.
 */
public final class GeoJsonGeometryWriter {
    private final CoordinatePrecision precision;
    private final char[] digits = new char[CoordinatePrecision.MAX_CHARS];

    public GeoJsonGeometryWriter(CoordinatePrecision precision) {
        this.precision = precision;
    }

    /** Writes the geometry, or JSON null for a null geometry. */
    public void write(JsonGenerator g, Geometry geom) throws IOException {
        if (geom == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("type", typeName(geom));
        if (geom instanceof GeometryCollection && !(geom instanceof MultiPoint || geom instanceof MultiLineString
                || geom instanceof MultiPolygon)) {
            g.writeArrayFieldStart("geometries");
            for (int i = 0; i < geom.getNumGeometries(); i++) write(g, geom.getGeometryN(i));
            g.writeEndArray();
        } else {
            g.writeFieldName("coordinates");
            coordinates(g, geom);
        }
        g.writeEndObject();
    }

    private static String typeName(Geometry geom) {
        // JTS names agree with GeoJSON's for every type but the rings JTS treats as LineStrings
        return geom instanceof LineString ? "LineString" : geom.getGeometryType();
    }

    private void coordinates(JsonGenerator g, Geometry geom) throws IOException {
        if (geom instanceof Point p) {
            if (p.isEmpty()) {
                g.writeStartArray();
                g.writeEndArray();
            } else {
                position(g, p.getCoordinateSequence(), 0);
            }
        } else if (geom instanceof LineString l) {
            sequence(g, l.getCoordinateSequence(), false);
        } else if (geom instanceof Polygon p) {
            polygon(g, p);
        } else {
            g.writeStartArray();
            for (int i = 0; i < geom.getNumGeometries(); i++) coordinates(g, geom.getGeometryN(i));
            g.writeEndArray();
        }
    }

    private void polygon(JsonGenerator g, Polygon p) throws IOException {
        g.writeStartArray();
        if (!p.isEmpty()) {
            CoordinateSequence shell = p.getExteriorRing().getCoordinateSequence();
            sequence(g, shell, !isCCW(shell));
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                CoordinateSequence hole = p.getInteriorRingN(i).getCoordinateSequence();
                sequence(g, hole, isCCW(hole));
            }
        }
        g.writeEndArray();
    }

    private static boolean isCCW(CoordinateSequence ring) {
        return ring.size() >= 4 && Orientation.isCCW(ring);
    }

    private void sequence(JsonGenerator g, CoordinateSequence seq, boolean reversed) throws IOException {
        g.writeStartArray();
        int n = seq.size();
        for (int k = 0; k < n; k++) position(g, seq, reversed ? n - 1 - k : k);
        g.writeEndArray();
    }

    private void position(JsonGenerator g, CoordinateSequence seq, int i) throws IOException {
        g.writeStartArray();
        number(g, seq.getX(i));
        number(g, seq.getY(i));
        double z = seq.hasZ() ? seq.getZ(i) : Double.NaN;
        if (!Double.isNaN(z)) number(g, z);
        g.writeEndArray();
    }

    private void number(JsonGenerator g, double v) throws IOException {
        int n = precision.write(v, digits, 0);
        if (n >= 0) g.writeNumber(digits, 0, n);
        else g.writeNumber(precision.round(v));
    }
}
