package org.ecoplan.vectortiles;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/**
 * Encodes a geometry already in integer tile coordinates (y down) as the MVT command stream of
 * the Mapbox Vector Tile Specification 2.1, §4.3: MoveTo / LineTo / ClosePath with zig-zag
 * delta parameters, exterior rings with positive and interior rings with negative area
 * (§4.3.4.4). Repeated points are dropped; lines and rings that collapse are left out.
 */
final class GeometryCommands {
    /** MVT GeomType values (§4.3.5). */
    static final int POINT = 1;
    static final int LINESTRING = 2;
    static final int POLYGON = 3;

    private static final int MOVE_TO = 1;
    private static final int LINE_TO = 2;
    private static final int CLOSE_PATH = 7;

    private int[] buf = new int[64];
    private int size;
    private long cx;
    private long cy;

    /** The MVT type of a geometry, or 0 if it has no single MVT type (a mixed collection). */
    static int typeOf(Geometry g) {
        if (g instanceof Puntal) return POINT;
        if (g instanceof Polygonal) return POLYGON;
        if (g instanceof LineString || g instanceof org.locationtech.jts.geom.MultiLineString) return LINESTRING;
        return 0;
    }

    /** The command integers of a geometry of {@link #typeOf} type; empty when nothing is left to draw. */
    static int[] encode(Geometry g) {
        GeometryCommands c = new GeometryCommands();
        int type = typeOf(g);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            switch (type) {
                case POINT -> c.points(g);
                case LINESTRING -> c.line(((LineString) part).getCoordinates());
                case POLYGON -> c.polygon((Polygon) part);
                default -> {}
            }
            if (type == POINT) break;
        }
        return Arrays.copyOf(c.buf, c.size);
    }

    private void points(Geometry g) {
        int n = g.getNumGeometries();
        int count = 0;
        int header = size;
        add(0);
        for (int i = 0; i < n; i++) {
            Coordinate p = ((Point) g.getGeometryN(i)).getCoordinate();
            if (p == null) continue;
            delta(p);
            count++;
        }
        if (count == 0) size = header;
        else buf[header] = command(MOVE_TO, count);
    }

    private void line(Coordinate[] coords) {
        Coordinate[] pts = distinct(coords);
        if (pts.length < 2) return;
        add(command(MOVE_TO, 1));
        delta(pts[0]);
        add(command(LINE_TO, pts.length - 1));
        for (int i = 1; i < pts.length; i++) delta(pts[i]);
    }

    private void polygon(Polygon p) {
        if (!ring(p.getExteriorRing().getCoordinates(), true)) return;
        for (int i = 0; i < p.getNumInteriorRing(); i++) ring(p.getInteriorRingN(i).getCoordinates(), false);
    }

    private boolean ring(Coordinate[] coords, boolean exterior) {
        Coordinate[] pts = distinct(coords);
        // the closing point repeats the first and is implied by ClosePath
        int n = pts.length > 1 && pts[0].equals2D(pts[pts.length - 1]) ? pts.length - 1 : pts.length;
        if (n < 3) return false;
        double area = 0;
        for (int i = 0; i < n; i++) {
            Coordinate a = pts[i];
            Coordinate b = pts[(i + 1) % n];
            area += a.x * b.y - b.x * a.y;
        }
        if (area == 0) return false;
        boolean reverse = exterior ? area < 0 : area > 0;
        add(command(MOVE_TO, 1));
        delta(pts[reverse ? n - 1 : 0]);
        add(command(LINE_TO, n - 1));
        for (int i = 1; i < n; i++) delta(pts[reverse ? n - 1 - i : i]);
        add(command(CLOSE_PATH, 1));
        return true;
    }

    private static Coordinate[] distinct(Coordinate[] coords) {
        Coordinate[] out = new Coordinate[coords.length];
        int n = 0;
        for (Coordinate c : coords) if (n == 0 || !c.equals2D(out[n - 1])) out[n++] = c;
        return Arrays.copyOf(out, n);
    }

    private void delta(Coordinate p) {
        long x = Math.round(p.x);
        long y = Math.round(p.y);
        add(zigzag(x - cx));
        add(zigzag(y - cy));
        cx = x;
        cy = y;
    }

    private static int command(int id, int count) { return (id & 0x7) | (count << 3); }

    private static int zigzag(long v) { return (int) ((v << 1) ^ (v >> 63)); }

    private void add(int v) {
        if (size == buf.length) buf = Arrays.copyOf(buf, size * 2);
        buf[size++] = v;
    }
}
