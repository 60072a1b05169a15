package org.ecoplan.catalog.crs;

import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Reprojects JTS geometries and envelopes between two CRSs with proj4j. Coordinates are always
 * east/north here; axis swapping for output happens only at encoding, see {@link AxisOrders}.
 * Instances are cheap; the proj4j transform is cached per CRS pair and is not thread-safe, so
 * each call creates its own working copy.
 *
 * <p>From longitude/latitude on WGS 84 or CGCS2000 to Web Mercator (EPSG:3857, the tiles of web
 * maps), the spherical Mercator equations (EPSG Guidance Note 7-2, method 1024) are applied directly:
 * proj4j reaches the same numbers through a geocentric datum step that changes nothing and costs
 * eight times as much per vertex.
 */
public final class GeometryTransformer {
    private static final ConcurrentHashMap<String, Boolean> IDENTITY = new ConcurrentHashMap<>();

    /** The radius of the Web Mercator sphere (EPSG:3857: the WGS 84 semi-major axis). */
    private static final double R = 6378137.0;
    /** Beyond this latitude (and beyond ±180° of longitude) proj4j's own handling is kept. */
    private static final double MAX_LATITUDE = 89.5;

    private final Crs source;
    private final Crs target;
    private final boolean identity;
    private final boolean webMercator;

    public GeometryTransformer(Crs source, Crs target) {
        this.source = source;
        this.target = target;
        this.identity = isIdentity(source, target);
        this.webMercator = !identity && target.epsg() == CrsRegistry.WEB_MERCATOR.epsg() && source.geographic()
                && isIdentity(source, CrsRegistry.EPSG_4326);
    }

    /** Whether the two CRSs share coordinates (same code, or CGCS2000 vs WGS 84 geographic). */
    public static boolean isIdentity(Crs a, Crs b) {
        if (a.epsg() == b.epsg()) return true;
        // CGCS2000 and WGS 84 agree to a few centimetres: EPSG and proj treat the datum shift as null
        return IDENTITY.computeIfAbsent(a.epsg() + ">" + b.epsg(),
                k -> a.geographic() && b.geographic() && sameEllipsoidNullShift(a, b));
    }

    private static boolean sameEllipsoidNullShift(Crs a, Crs b) {
        ProjCoordinate p = new ProjCoordinate(113.75, 40.1);
        ProjCoordinate q = new ProjCoordinate();
        new BasicCoordinateTransform(a.proj(), b.proj()).transform(p, q);
        return Math.abs(p.x - q.x) < 1e-7 && Math.abs(p.y - q.y) < 1e-7;
    }

    public boolean isIdentity() { return identity; }

    public Geometry transform(Geometry g) {
        if (g == null || identity) return g;
        return transformInPlace(g.copy());
    }

    /** Transforms a geometry that no one else holds (one just read), changing its coordinates. */
    public Geometry transformInPlace(Geometry g) {
        if (g == null || identity) return g;
        CoordinateTransform t = webMercator ? null : new BasicCoordinateTransform(source.proj(), target.proj());
        g.apply(new CoordinateSequenceFilter() {
            final ProjCoordinate in = new ProjCoordinate();
            final ProjCoordinate out = new ProjCoordinate();
            CoordinateTransform general = t;

            final MercatorNorthing northing = new MercatorNorthing();

            @Override
            public void filter(CoordinateSequence seq, int i) {
                double x = seq.getX(i);
                double y = seq.getY(i);
                // beyond the antimeridian or near a pole, proj4j's own handling (it clamps) is kept
                if (webMercator && Math.abs(y) < MAX_LATITUDE && Math.abs(x) <= 180) {
                    seq.setOrdinate(i, 0, R * Math.toRadians(x));
                    seq.setOrdinate(i, 1, R * northing.of(Math.toRadians(y)));
                    return;
                }
                if (general == null) general = new BasicCoordinateTransform(source.proj(), target.proj());
                in.x = x;
                in.y = y;
                general.transform(in, out);
                seq.setOrdinate(i, 0, out.x);
                seq.setOrdinate(i, 1, out.y);
            }

            @Override
            public boolean isDone() { return false; }
            @Override
            public boolean isGeometryChanged() { return true; }
        });
        g.setSRID(target.epsg());
        return g;
    }

    /**
     * The isometric latitude ln tan(&pi;/4 + &phi;/2) of the spherical Mercator (EPSG Guidance Note 7-2,
     * method 1024), for the vertices of one geometry, one after another. Latitudes are divided into cells
     * of twice {@link #REACH} (0.23&deg;); at each cell's centre (its anchor) the function is expanded once,
     * exactly, and the latitudes of the cell are evaluated by its Taylor polynomial of degree 5, whose
     * derivatives in sec &phi; and tan &phi; are s, st, s(1 + 2t&sup2;), st(5 + 6t&sup2;), s(5 + 28t&sup2; + 24t&#8308;).
     * Within {@link #REACH} of an anchor no further than 70&deg; from the equator, the next term bounds the
     * error below 10&#8315;&sup1;&#8308; radians (under a tenth of a micrometre on the sphere); beyond, the exact
     * function is used. The anchor depends on the latitude alone, so equal latitudes give equal
     * northings (a ring stays closed, neighbours keep their shared vertices), and the vertices of a
     * geometry, which mostly share a cell, cost one logarithm and tangent per cell instead of one each.
     */
    static final class MercatorNorthing {
        /** Half a cell (radians of latitude): no vertex lies further from its anchor. */
        static final double REACH = 0.002;
        private static final double CELL = 2 * REACH;
        private static final double MAX_ANCHOR = Math.toRadians(70);
        private long cell = Long.MIN_VALUE;
        private double anchor, f0, c1, c2, c3, c4, c5;

        double of(double phi) {
            long k = Math.round(phi / CELL);
            if (k != cell) {
                double a = k * CELL;
                if (!(Math.abs(a) <= MAX_ANCHOR)) return exact(phi);
                double sec = 1 / Math.cos(a), t = Math.tan(a), t2 = t * t;
                cell = k;
                anchor = a;
                f0 = exact(a);
                c1 = sec;
                c2 = sec * t / 2;
                c3 = sec * (1 + 2 * t2) / 6;
                c4 = sec * t * (5 + 6 * t2) / 24;
                c5 = sec * (5 + 28 * t2 + 24 * t2 * t2) / 120;
            }
            double d = phi - anchor;
            return f0 + d * (c1 + d * (c2 + d * (c3 + d * (c4 + d * c5))));
        }

        static double exact(double phi) {
            return Math.log(Math.tan(Math.PI / 4 + phi / 2));
        }
    }

    public Coordinate transform(Coordinate c) {
        if (identity) return new Coordinate(c);
        ProjCoordinate out = new ProjCoordinate();
        new BasicCoordinateTransform(source.proj(), target.proj()).transform(new ProjCoordinate(c.x, c.y), out);
        return new Coordinate(out.x, out.y);
    }

    /**
     * Transforms an envelope by densifying its edges (so a lat/lon box maps to the full projected
     * extent, not just its corners).
     */
    public Envelope transform(Envelope e) {
        if (identity || e.isNull()) return new Envelope(e);
        CoordinateTransform t = new BasicCoordinateTransform(source.proj(), target.proj());
        Envelope r = new Envelope();
        int n = 16;
        ProjCoordinate out = new ProjCoordinate();
        for (int i = 0; i <= n; i++) {
            double fx = e.getMinX() + e.getWidth() * i / n;
            double fy = e.getMinY() + e.getHeight() * i / n;
            for (double[] p : new double[][]{{fx, e.getMinY()}, {fx, e.getMaxY()}, {e.getMinX(), fy},
                    {e.getMaxX(), fy}}) {
                t.transform(new ProjCoordinate(p[0], p[1]), out);
                if (Double.isFinite(out.x) && Double.isFinite(out.y)) r.expandToInclude(out.x, out.y);
            }
        }
        return r;
    }
}
