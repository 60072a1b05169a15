package org.ecoplan.store.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/** {@link WkbDecoding} reads what JTS's WKBReader reads, in both byte orders, and refuses what it cannot. */
class WkbDecodingTest {
    private static final GeometryFactory PACKED = new GeometryFactory(PackedCoordinateSequenceFactory.DOUBLE_FACTORY);
    private static final GeometryFactory PLAIN = new GeometryFactory();

    private static Coordinate[] ring(Random r, double cx, double cy, double size) {
        int n = 3 + r.nextInt(12);
        Coordinate[] c = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n, d = size * (0.5 + r.nextDouble() / 2);
            c[i] = new Coordinate(cx + d * Math.cos(a), cy + d * Math.sin(a));
        }
        c[n] = c[0];
        return c;
    }

    private static Polygon polygon(Random r) {
        double cx = r.nextDouble() * 360 - 180, cy = r.nextDouble() * 180 - 90;
        LinearRing shell = PLAIN.createLinearRing(ring(r, cx, cy, 1));
        LinearRing[] holes = new LinearRing[r.nextInt(3)];
        for (int i = 0; i < holes.length; i++) holes[i] = PLAIN.createLinearRing(ring(r, cx, cy, 0.2));
        return PLAIN.createPolygon(shell, holes);
    }

    private static List<Geometry> samples() {
        Random r = new Random(4);
        List<Geometry> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Point p = PLAIN.createPoint(new Coordinate(r.nextDouble() * 1e6, -r.nextDouble() * 1e6));
            LineString l = PLAIN.createLineString(ring(r, r.nextDouble(), r.nextDouble(), 5));
            Polygon a = polygon(r), b = polygon(r);
            all.add(p);
            all.add(l);
            all.add(a);
            all.add(PLAIN.createMultiPoint(new Point[]{p, PLAIN.createPoint(new Coordinate(1, 2))}));
            all.add(PLAIN.createMultiLineString(new LineString[]{l, l}));
            all.add(PLAIN.createMultiPolygon(new Polygon[]{a, b}));
            all.add(PLAIN.createGeometryCollection(new Geometry[]{p, a, PLAIN.createMultiPolygon(new Polygon[]{b})}));
        }
        all.add(PLAIN.createPoint());
        all.add(PLAIN.createLineString());
        all.add(PLAIN.createPolygon());
        all.add(PLAIN.createMultiPolygon());
        all.add(PLAIN.createGeometryCollection());
        return all;
    }

    @Test
    void readsWhatJtsReadsInBothByteOrders() throws ParseException {
        for (int order : new int[]{ByteOrderValues.LITTLE_ENDIAN, ByteOrderValues.BIG_ENDIAN}) {
            for (Geometry g : samples()) {
                byte[] wkb = new WKBWriter(2, order).write(g);
                Geometry ours = WkbDecoding.decode(wkb, 0, PACKED);
                Geometry theirs = new WKBReader(PACKED).read(wkb);
                assertEquals(theirs.getGeometryType(), ours.getGeometryType());
                assertTrue(theirs.equalsExact(ours), theirs + " / " + ours);
                assertEquals(theirs.isEmpty(), ours.isEmpty());
            }
        }
    }

    @Test
    void coordinatesArePackedAndReadFromAnOffset() throws ParseException {
        Polygon p = polygon(new Random(8));
        byte[] wkb = new WKBWriter(2).write(p);
        byte[] padded = new byte[wkb.length + 11];
        System.arraycopy(wkb, 0, padded, 11, wkb.length);
        Polygon read = (Polygon) WkbDecoding.decode(padded, 11, PACKED);
        assertTrue(p.equalsExact(read));
        assertTrue(read.getExteriorRing().getCoordinateSequence() instanceof PackedCoordinateSequence.Double);
    }

    /** Z ordinates and the extended form with an SRID are left to JTS, which reads them. */
    @Test
    void otherFormsAreReadByJts() throws ParseException {
        Geometry z = PLAIN.createLineString(new Coordinate[]{new Coordinate(1, 2, 3), new Coordinate(4, 5, 6)});
        Geometry read = WkbDecoding.decode(new WKBWriter(3).write(z), 0, PACKED);
        assertEquals(6.0, read.getCoordinates()[1].getZ());
        Geometry withSrid = polygon(new Random(3));
        withSrid.setSRID(4490);
        assertTrue(withSrid.equalsExact(WkbDecoding.decode(new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true)
                .write(withSrid), 0, PACKED)));
    }

    @Test
    void brokenWkbIsRefusedWithAParseException() {
        byte[] wkb = new WKBWriter(2).write(polygon(new Random(5)));
        // cut short
        assertThrows(ParseException.class, () -> WkbDecoding.decode(java.util.Arrays.copyOf(wkb, wkb.length - 5), 0,
                PACKED));
        // a count far beyond the bytes there are (ring count of the polygon, big-endian WKBWriter default)
        byte[] huge = wkb.clone();
        huge[5] = 0x7f;
        ParseException e = assertThrows(ParseException.class, () -> WkbDecoding.decode(huge, 0, PACKED));
        assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
    }

    /**
     * What JTS's reader repairs or decides (a ring left open, a line of one point, a half-empty point, a
     * member of the wrong type, an unknown byte order) comes out as JTS reads it, or fails as JTS fails.
     */
    @Test
    void whatJtsRepairsOrDecidesIsReadAsJtsReadsIt() throws ParseException {
        Coordinate[] open = {new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(1, 1), new Coordinate(0, 1)};
        byte[] line = new WKBWriter(2).write(PLAIN.createLineString(open));
        byte[] notClosed = new byte[line.length + 4];
        System.arraycopy(line, 0, notClosed, 0, 5);
        notClosed[4] = 3; // polygon (big-endian type)
        notClosed[8] = 1; // one ring
        System.arraycopy(line, 5, notClosed, 9, line.length - 5);
        byte[] onePoint = java.nio.ByteBuffer.allocate(25).put((byte) 0).putInt(2).putInt(1).putDouble(3).putDouble(4)
                .array();
        byte[] halfEmpty = java.nio.ByteBuffer.allocate(21).put((byte) 0).putInt(1).putDouble(Double.NaN).putDouble(5)
                .array();
        // a multipolygon whose member is a point
        byte[] point = new WKBWriter(2).write(PLAIN.createPoint(new Coordinate(1, 2)));
        byte[] wrongMember = java.nio.ByteBuffer.allocate(9 + point.length).put((byte) 0).putInt(6).putInt(1).put(point)
                .array();
        byte[] unknownOrder = new WKBWriter(2).write(PLAIN.createPoint(new Coordinate(1, 2)));
        unknownOrder[0] = 7;
        for (byte[] wkb : new byte[][]{notClosed, onePoint, halfEmpty, wrongMember, unknownOrder}) {
            Geometry theirs;
            try {
                theirs = new WKBReader(PACKED).read(wkb);
            } catch (Exception jtsFails) {
                assertThrows(jtsFails.getClass(), () -> WkbDecoding.decode(wkb, 0, PACKED));
                continue;
            }
            Geometry ours = WkbDecoding.decode(wkb, 0, PACKED);
            assertTrue(theirs.equalsExact(ours) || theirs.isEmpty() && ours.isEmpty(), theirs + " / " + ours);
            assertEquals(theirs.getGeometryType(), ours.getGeometryType());
        }
        assertTrue(WkbDecoding.decode(notClosed, 0, PACKED).isValid(), "the open ring is closed as JTS closes it");
        assertTrue(WkbDecoding.decode(halfEmpty, 0, PACKED).isEmpty());
    }
}
