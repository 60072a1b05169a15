package org.ecoplan.catalog.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

class GeometryTransformerTest {
    private static final GeometryFactory GF = new GeometryFactory();

    /** The direct Web Mercator equations give proj4j's numbers, to the millimetre, over the globe (proj4j's geocentric round trip moves high latitudes by a fraction of that). */
    @Test
    void webMercatorEquationsAgreeWithProj4j() {
        for (Crs source : new Crs[]{CrsRegistry.CGCS2000, CrsRegistry.EPSG_4326, CrsRegistry.CRS84_CRS}) {
            BasicCoordinateTransform proj = new BasicCoordinateTransform(source.proj(),
                    CrsRegistry.WEB_MERCATOR.proj());
            GeometryTransformer fast = new GeometryTransformer(source, CrsRegistry.WEB_MERCATOR);
            for (double lon = -180; lon <= 180; lon += 7.5) {
                for (double lat = -89.75; lat <= 89.75; lat += 3.25) {
                    Geometry p = fast.transform(GF.createPoint(new Coordinate(lon, lat)));
                    ProjCoordinate q = new ProjCoordinate();
                    proj.transform(new ProjCoordinate(lon, lat), q);
                    assertEquals(q.x, p.getCoordinate().x, 1e-3, source + " " + lon + "," + lat);
                    assertEquals(q.y, p.getCoordinate().y, 1e-3, source + " " + lon + "," + lat);
                }
            }
        }
    }

    /**
     * The polynomial near each anchor gives the exact northing to a micrometre, over all latitudes up to
     * 85 degrees, cell edges included; and a latitude's northing is the same whatever came before it.
     */
    @Test
    void mercatorNorthingsAreExactAndDependOnTheLatitudeAlone() {
        java.util.Random random = new java.util.Random(6);
        GeometryTransformer.MercatorNorthing walked = new GeometryTransformer.MercatorNorthing();
        double reach = GeometryTransformer.MercatorNorthing.REACH;
        for (int walk = 0; walk < 2000; walk++) {
            double phi = Math.toRadians(random.nextDouble() * 170 - 85);
            for (int step = 0; step < 20; step++) {
                double expected = 6378137.0 * GeometryTransformer.MercatorNorthing.exact(phi);
                double y = walked.of(phi);
                assertEquals(expected, 6378137.0 * y, 1e-6, "latitude " + Math.toDegrees(phi));
                // bit for bit what a fresh instance, with no history, gives
                assertEquals(Double.doubleToLongBits(new GeometryTransformer.MercatorNorthing().of(phi)),
                        Double.doubleToLongBits(y), "latitude " + Math.toDegrees(phi));
                double move = step % 7 == 6
                        ? reach * (random.nextBoolean() ? 1 : -1)
                        : (random.nextDouble() - 0.5) * 1e-3;
                if (Math.abs(phi + move) < Math.toRadians(85)) phi += move;
            }
        }
    }

    /** A ring that leaves its start's cell and comes back closes exactly, and its polygon stays valid. */
    @Test
    void ringsStayClosedInWebMercator() {
        GeometryTransformer t = new GeometryTransformer(CrsRegistry.EPSG_4326, CrsRegistry.WEB_MERCATOR);
        Coordinate[] ring = new Coordinate[41];
        for (int i = 0; i < 40; i++) {
            double a = 2 * Math.PI * i / 40;
            ring[i] = new Coordinate(113.5 + 0.6 * Math.cos(a), 30.0001 + 0.5 * Math.sin(a));
        }
        ring[40] = ring[0].copy();
        Geometry p = t.transformInPlace(GF.createPolygon(ring));
        Coordinate[] out = p.getCoordinates();
        assertEquals(out[0], out[out.length - 1]);
        assertEquals(Double.doubleToLongBits(out[0].y), Double.doubleToLongBits(out[out.length - 1].y));
        assertTrue(p.isValid());
    }

    /** Past the antimeridian the answer is proj4j's, as before the direct equations. */
    @Test
    void longitudesBeyond180AreLeftToProj4j() {
        BasicCoordinateTransform proj = new BasicCoordinateTransform(CrsRegistry.EPSG_4326.proj(),
                CrsRegistry.WEB_MERCATOR.proj());
        GeometryTransformer fast = new GeometryTransformer(CrsRegistry.EPSG_4326, CrsRegistry.WEB_MERCATOR);
        for (double lon : new double[]{-540, -190, 190, 360}) {
            ProjCoordinate q = new ProjCoordinate();
            proj.transform(new ProjCoordinate(lon, 40), q);
            assertEquals(q.x, fast.transform(GF.createPoint(new Coordinate(lon, 40))).getCoordinate().x, 1e-6,
                    "longitude " + lon);
        }
    }

    @Test
    void transformCopiesAndTransformInPlaceDoesNot() {
        GeometryTransformer t = new GeometryTransformer(CrsRegistry.CGCS2000, CrsRegistry.WEB_MERCATOR);
        LineString line = GF.createLineString(new Coordinate[]{new Coordinate(113.5, 40.0), new Coordinate(114, 40.5)});
        Geometry copied = t.transform(line);
        assertNotSame(line, copied);
        assertEquals(113.5, line.getCoordinateN(0).x, "the original is left as it was");
        assertEquals(3857, copied.getSRID());
        assertEquals(12_634_762.2, copied.getCoordinates()[0].x, 1.0);
        Geometry moved = t.transformInPlace(line);
        assertSame(line, moved);
        assertEquals(copied.getCoordinates()[1].y, line.getCoordinateN(1).y, 1e-9);
        assertEquals(copied.getEnvelopeInternal(), line.getEnvelopeInternal(), "the envelope follows the change");
    }

    @Test
    void otherPairsStillGoThroughProj4j() {
        GeometryTransformer gk = new GeometryTransformer(CrsRegistry.CGCS2000, CrsRegistry.CGCS2000_GK_114E);
        Geometry p = gk.transform(GF.createPoint(new Coordinate(114, 40)));
        assertEquals(500_000.0, p.getCoordinate().x, 1e-3, "on the central meridian");
        assertEquals(4_429_000.0, p.getCoordinate().y, 2_000.0);
    }
}
