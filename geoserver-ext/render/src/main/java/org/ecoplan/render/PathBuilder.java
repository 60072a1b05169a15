package org.ecoplan.render;

import java.awt.geom.Path2D;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns JTS geometries into one reused Java2D path in pixel coordinates, dropping vertices that
 * move less than half a pixel (invisible detail that only costs time) and whole parts smaller
 * than a pixel. Not thread-safe: one per rendering.
 */
final class PathBuilder {
    private static final double MIN_STEP = 0.5;
    private final Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD, 1024);
    private final MapViewport viewport;

    PathBuilder(MapViewport viewport) {
        this.viewport = viewport;
    }

    /** The geometry's outline in pixels; the returned path is overwritten by the next call. */
    Path2D.Double build(Geometry g) {
        path.reset();
        append(g);
        return path;
    }

    private void append(Geometry g) {
        if (g instanceof Polygon p) {
            if (tooSmall(p)) return;
            appendSequence(p.getExteriorRing().getCoordinateSequence(), true);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                if (!tooSmall(p.getInteriorRingN(i)))
                    appendSequence(p.getInteriorRingN(i).getCoordinateSequence(), true);
            }
        } else if (g instanceof LineString l) {
            appendSequence(l.getCoordinateSequence(), false);
        } else if (g instanceof Point) {
            return;
        } else {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part != g) append(part);
            }
        }
    }

    private boolean tooSmall(Geometry g) {
        var e = g.getEnvelopeInternal();
        return e.getWidth() * viewport.scaleX() < MIN_STEP && e.getHeight() * viewport.scaleY() < MIN_STEP;
    }

    private void appendSequence(CoordinateSequence seq, boolean ring) {
        int n = seq.size();
        if (n == 0) return;
        double lx = viewport.toPixelX(seq.getX(0));
        double ly = viewport.toPixelY(seq.getY(0));
        path.moveTo(lx, ly);
        int written = 1;
        for (int i = 1; i < n; i++) {
            double x = viewport.toPixelX(seq.getX(i));
            double y = viewport.toPixelY(seq.getY(i));
            boolean last = i == n - 1;
            if (!last && Math.abs(x - lx) < MIN_STEP && Math.abs(y - ly) < MIN_STEP) continue;
            path.lineTo(x, y);
            lx = x;
            ly = y;
            written++;
        }
        if (ring) path.closePath();
        else if (written == 1) path.lineTo(lx + 0.01, ly); // a line shorter than half a pixel still shows a dot
    }
}
