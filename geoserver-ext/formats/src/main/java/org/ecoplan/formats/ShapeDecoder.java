package org.ecoplan.formats;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;

/**
 * Decodes the content of one main-file record (ESRI Shapefile Technical Description, July 1998,
 * "Shape Types in X,Y Space", "… in X,Y,M Space", "… in X,Y,Z Space"): Null, Point, MultiPoint,
 * PolyLine and Polygon and their M and Z variants. X and Y are kept, Z as the coordinate's z;
 * measures (M) are dropped. A PolyLine of one part is a LineString, of several a
 * MultiLineString; a Polygon's rings are grouped by {@link RingAssembler#byOrientation}.
 * MultiPatch is not a Simple Features type and is refused.
 */
final class ShapeDecoder {
    /** The outcome: a geometry (null for a Null shape) or why there is none. */
    record Decoded(Geometry geometry, String problem) {}

    private final GeometryFactory factory;
    private final RingAssembler rings;

    ShapeDecoder(GeometryFactory factory) {
        this.factory = factory;
        this.rings = new RingAssembler(factory);
    }

    /**
     * @param content the record content, shape type first, little-endian as the specification says
     * @throws BufferUnderflowException when the content is shorter than its own counts say
     */
    Decoded decode(byte[] content) {
        ByteBuffer b = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        int type = b.getInt();
        return switch (type) {
            case 0 -> new Decoded(null, null);
            case 1, 11, 21 -> new Decoded(point(b, type == 11), null);
            case 8, 18, 28 -> new Decoded(multiPoint(b, type == 18), null);
            case 3, 13, 23 -> parts(b, false, type == 13);
            case 5, 15, 25 -> parts(b, true, type == 15);
            case 31 -> new Decoded(null, "MultiPatch shapes are not supported");
            default -> new Decoded(null, "unknown shape type " + type);
        };
    }

    private Geometry point(ByteBuffer b, boolean z) {
        double x = b.getDouble();
        double y = b.getDouble();
        return factory.createPoint(z ? new Coordinate(x, y, b.getDouble()) : new Coordinate(x, y));
    }

    private Geometry multiPoint(ByteBuffer b, boolean z) {
        skipBox(b);
        int n = count(b, b.remaining() / 16);
        Coordinate[] cs = xy(b, n);
        if (z) readZ(b, cs);
        return factory.createMultiPointFromCoords(cs);
    }

    private Decoded parts(ByteBuffer b, boolean polygon, boolean z) {
        skipBox(b);
        int numParts = count(b, b.remaining() / 4);
        int numPoints = count(b, b.remaining() / 16);
        int[] starts = new int[numParts];
        for (int i = 0; i < numParts; i++) {
            starts[i] = b.getInt();
            if (starts[i] < 0 || starts[i] > numPoints || (i > 0 && starts[i] < starts[i - 1])) {
                return new Decoded(null, "part " + (i + 1) + " starts at point " + starts[i] + " of " + numPoints);
            }
        }
        Coordinate[] cs = xy(b, numPoints);
        if (z) readZ(b, cs);
        if (numParts == 0 || numPoints == 0) return new Decoded(null, null);
        List<Coordinate[]> partCoords = new ArrayList<>();
        for (int i = 0; i < numParts; i++) {
            int end = i + 1 < numParts ? starts[i + 1] : numPoints;
            Coordinate[] p = new Coordinate[end - starts[i]];
            System.arraycopy(cs, starts[i], p, 0, p.length);
            partCoords.add(p);
        }
        return polygon ? polygon(partCoords) : line(partCoords);
    }

    private Decoded line(List<Coordinate[]> parts) {
        LineString[] lines = new LineString[parts.size()];
        for (int i = 0; i < lines.length; i++) {
            if (parts.get(i).length < 2) return new Decoded(null, "line part " + (i + 1) + " has fewer than 2 points");
            lines[i] = factory.createLineString(parts.get(i));
        }
        return new Decoded(lines.length == 1 ? lines[0] : factory.createMultiLineString(lines), null);
    }

    private Decoded polygon(List<Coordinate[]> parts) {
        List<LinearRing> list = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Coordinate[] p = parts.get(i);
            if (p.length > 0 && !p[0].equals2D(p[p.length - 1])) {
                // the specification requires closed rings; some writers omit the last point
                Coordinate[] closed = new Coordinate[p.length + 1];
                System.arraycopy(p, 0, closed, 0, p.length);
                closed[p.length] = p[0].copy();
                p = closed;
            }
            if (p.length < 4) return new Decoded(null, "ring " + (i + 1) + " has fewer than 4 points");
            list.add(factory.createLinearRing(p));
        }
        return new Decoded(rings.byOrientation(list), null);
    }

    private static int count(ByteBuffer b, int max) {
        int n = b.getInt();
        if (n < 0 || n > max) throw new BufferUnderflowException();
        return n;
    }

    private static void skipBox(ByteBuffer b) {
        skip(b, 32);
    }

    private static void skip(ByteBuffer b, int n) {
        if (b.remaining() < n) throw new BufferUnderflowException();
        b.position(b.position() + n);
    }

    private static Coordinate[] xy(ByteBuffer b, int n) {
        Coordinate[] cs = new Coordinate[n];
        for (int i = 0; i < n; i++) cs[i] = new Coordinate(b.getDouble(), b.getDouble());
        return cs;
    }

    /** Z range then one z per point; the optional M block after it is ignored. */
    private static void readZ(ByteBuffer b, Coordinate[] cs) {
        skip(b, 16);
        for (Coordinate c : cs) c.setZ(b.getDouble());
    }
}
