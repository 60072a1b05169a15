package org.ecoplan.ows.encode;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Arrays;
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
 *
 * <p>A position or a whole coordinate array is composed as text and handed to the generator as one
 * raw value: the generator's per-value bookkeeping, not the digits, was the cost of many small
 * geometries.
 */
public final class GeoJsonGeometryWriter {
    private final CoordinatePrecision precision;
    private char[] text = new char[256];
    private int length;

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
            length = 0;
            if (p.isEmpty()) {
                append('[');
                append(']');
            } else {
                position(p.getCoordinateSequence(), 0);
            }
            g.writeRawValue(text, 0, length);
        } else if (geom instanceof LineString l) {
            length = 0;
            sequence(l.getCoordinateSequence(), false);
            g.writeRawValue(text, 0, length);
        } else if (geom instanceof Polygon p) {
            length = 0;
            polygon(p);
            g.writeRawValue(text, 0, length);
        } else {
            g.writeStartArray();
            for (int i = 0; i < geom.getNumGeometries(); i++) coordinates(g, geom.getGeometryN(i));
            g.writeEndArray();
        }
    }

    private void polygon(Polygon p) {
        append('[');
        if (!p.isEmpty()) {
            CoordinateSequence shell = p.getExteriorRing().getCoordinateSequence();
            sequence(shell, !isCCW(shell));
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                append(',');
                CoordinateSequence hole = p.getInteriorRingN(i).getCoordinateSequence();
                sequence(hole, isCCW(hole));
            }
        }
        append(']');
    }

    private static boolean isCCW(CoordinateSequence ring) {
        return ring.size() >= 4 && Orientation.isCCW(ring);
    }

    private void sequence(CoordinateSequence seq, boolean reversed) {
        append('[');
        int n = seq.size();
        for (int k = 0; k < n; k++) {
            if (k > 0) append(',');
            position(seq, reversed ? n - 1 - k : k);
        }
        append(']');
    }

    private void position(CoordinateSequence seq, int i) {
        append('[');
        number(seq.getX(i));
        append(',');
        number(seq.getY(i));
        double z = seq.hasZ() ? seq.getZ(i) : Double.NaN;
        if (!Double.isNaN(z)) {
            append(',');
            number(z);
        }
        append(']');
    }

    private void number(double v) {
        room(CoordinatePrecision.MAX_CHARS);
        int n = precision.write(v, text, length);
        if (n >= 0) {
            length += n;
        } else {
            // JSON has no NaN or Infinity; a finite value with too many digits keeps its own text
            String s = Double.isFinite(v) ? Double.toString(precision.round(v)) : "null";
            room(s.length());
            s.getChars(0, s.length(), text, length);
            length += s.length();
        }
    }

    private void append(char c) {
        room(1);
        text[length++] = c;
    }

    private void room(int more) {
        if (length + more > text.length) text = Arrays.copyOf(text, Math.max(text.length * 2, length + more));
    }
}
