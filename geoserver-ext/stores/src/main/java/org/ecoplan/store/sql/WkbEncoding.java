package org.ecoplan.store.sql;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * 2D well-known binary (OGC 06-103r4, clause 8.2; ISO 13249-3), little-endian, written straight into
 * a buffer of the exact size: the stores encode a geometry per row of a load, and a growing stream per
 * geometry cost a fifth of a million-row load. Optionally the PostGIS extended form (EWKB) with the
 * SRID on the outermost geometry. The bytes are those JTS's {@code WKBWriter} writes, without SRID or
 * (for an SRID &gt; 0) with it (tested).
 */
public final class WkbEncoding {
    private static final int EWKB_SRID_FLAG = 0x20000000;

    private WkbEncoding() {}

    /** The geometry's WKB, or its EWKB carrying {@code srid} when srid &gt; 0. */
    public static byte[] encode(Geometry g, int srid) {
        ByteBuffer b = ByteBuffer.allocate(size(g) + (srid > 0 ? 4 : 0)).order(ByteOrder.LITTLE_ENDIAN);
        write(b, g, srid);
        return b.array();
    }

    /** Bytes of the geometry's (plain) WKB. */
    public static int size(Geometry g) {
        if (g instanceof Point) return 5 + 16;
        if (g instanceof LineString l) return 9 + 16 * l.getNumPoints();
        if (g instanceof Polygon p) {
            if (p.isEmpty()) return 9;
            int size = 9 + 4 + 16 * p.getExteriorRing().getNumPoints();
            for (int i = 0; i < p.getNumInteriorRing(); i++) size += 4 + 16 * p.getInteriorRingN(i).getNumPoints();
            return size;
        }
        int size = 9;
        for (int i = 0; i < g.getNumGeometries(); i++) size += size(g.getGeometryN(i));
        return size;
    }

    /** Writes the WKB (EWKB with {@code srid} when &gt; 0) into a little-endian buffer. */
    public static void write(ByteBuffer b, Geometry g, int srid) {
        b.put((byte) 1); // little-endian
        int type = g instanceof Point
                ? 1
                : g instanceof LineString
                        ? 2
                        : g instanceof Polygon
                                ? 3
                                : g instanceof MultiPoint
                                        ? 4
                                        : g instanceof MultiLineString
                                                ? 5
                                                : g instanceof MultiPolygon ? 6 : 7;
        if (srid > 0) b.putInt(type | EWKB_SRID_FLAG).putInt(srid);
        else b.putInt(type);
        if (g instanceof Point p) {
            // an empty point has no coordinates in WKB: NaN x/y by convention
            if (p.isEmpty()) b.putDouble(Double.NaN).putDouble(Double.NaN);
            else b.putDouble(p.getX()).putDouble(p.getY());
        } else if (g instanceof LineString l) {
            writeSequence(b, l.getCoordinateSequence());
        } else if (g instanceof Polygon p) {
            if (p.isEmpty()) {
                b.putInt(0);
                return;
            }
            b.putInt(1 + p.getNumInteriorRing());
            writeSequence(b, p.getExteriorRing().getCoordinateSequence());
            for (int i = 0; i < p.getNumInteriorRing(); i++)
                writeSequence(b, p.getInteriorRingN(i).getCoordinateSequence());
        } else {
            b.putInt(g.getNumGeometries());
            for (int i = 0; i < g.getNumGeometries(); i++) write(b, g.getGeometryN(i), 0);
        }
    }

    private static void writeSequence(ByteBuffer b, CoordinateSequence seq) {
        int n = seq.size();
        b.putInt(n);
        for (int i = 0; i < n; i++) b.putDouble(seq.getX(i)).putDouble(seq.getY(i));
    }
}
