package org.ecoplan.server.wmts;

import static io.restassured.RestAssured.given;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.map.tiles.TileMatrix;
import org.ecoplan.map.tiles.TileMatrixSet;
import org.ecoplan.server.ServerFixture;
import org.ecoplan.testkit.OgcSchemas;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/** Shared helpers of the WMTS and tile integration tests. */
final class WmtsTestSupport {
    static final String CAPS_XSD = "http://schemas.opengis.net/wmts/1.0/wmtsGetCapabilities_response.xsd";

    private WmtsTestSupport() {}

    /** The plan workspace's own endpoints (its virtual services publish its layers unqualified). */
    static String base() {
        return ServerFixture.planUrl();
    }

    static io.restassured.response.Response get(String url, Map<String, ?> params) {
        return given().urlEncodingEnabled(true).queryParams(params).when().get(url).then().extract().response();
    }

    static io.restassured.response.Response get(String url) {
        return given().urlEncodingEnabled(false).when().get(url).then().extract().response();
    }

    static BufferedImage image(byte[] b) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(b));
        if (img == null)
            throw new AssertionError(
                    "not an image: " + new String(b, 0, Math.min(400, b.length), StandardCharsets.UTF_8));
        return img;
    }

    static int alpha(BufferedImage img, int x, int y) { return img.getRGB(x, y) >>> 24; }

    static int opaquePixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) if (alpha(img, x, y) > 0) n++;
        return n;
    }

    /** A lon/lat point inside the first feature of a layer (read from the server's own store). */
    static Coordinate interiorPoint(String layerId) {
        return interiorPoint(ServerFixture.server(), layerId, 0);
    }

    /** A lon/lat point inside the n-th feature (store order) of a layer of a server. */
    static Coordinate interiorPoint(org.ecoplan.server.EcoplanServer server, String layerId, int n) {
        LayerConfig l = server.context().catalog().layer(ServerFixture.PLAN, layerId).orElseThrow();
        try (FeatureCursor c = server.context().featureSource(l)
                .features(FeatureQuery.ALL.withTargetCrs(CrsRegistry.CGCS2000))) {
            Feature f = c.next();
            for (int i = 0; i < n; i++) f = c.next();
            Point p = f.geometry().getInteriorPoint();
            return p.getCoordinate();
        }
    }

    /** The lon/lat bounds of a layer's data. */
    static Envelope bounds(String layerId) {
        LayerConfig l = ServerFixture.plan().layer(layerId).orElseThrow();
        return new GeometryTransformer(l.featureType().geometry().crs(), CrsRegistry.CGCS2000)
                .transform(ServerFixture.server().context().featureSource(l).bounds());
    }

    /** Tile column/row and pixel of a lon/lat point in a matrix. */
    record Pixel(long col, long row, int x, int y) {}

    static Pixel pixel(TileMatrixSet set, TileMatrix m, double lon, double lat) {
        Coordinate c = new GeometryTransformer(CrsRegistry.CGCS2000, set.crs()).transform(new Coordinate(lon, lat));
        double px = (c.x - set.originX()) / m.resolution();
        double py = (set.originY() - c.y) / m.resolution();
        return new Pixel((long) Math.floor(px / 256), (long) Math.floor(py / 256), (int) Math.floor(px % 256),
                (int) Math.floor(py % 256));
    }

    /**
     * Capabilities schema errors; the ogc-schemas copy types the TileMatrixLimits indices as
     * positiveInteger although OGC 07-057r7 Table 9 counts rows and columns from 0 (the schema the
     * OGC publishes now says nonNegativeInteger), so that one type is corrected before validating.
     */
    static List<String> capabilitiesErrors(byte[] xml) throws Exception {
        String xsd;
        try (InputStream in = OgcSchemas.open(CAPS_XSD, Map.of())) {
            xsd = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String e : List.of("MinTileRow", "MaxTileRow", "MinTileCol", "MaxTileCol")) {
            xsd = xsd.replace("<element name=\"" + e + "\" type=\"positiveInteger\">",
                    "<element name=\"" + e + "\" type=\"nonNegativeInteger\">");
        }
        return OgcSchemas.validate(xml, List.of(CAPS_XSD), Map.of(CAPS_XSD, xsd.getBytes(StandardCharsets.UTF_8)));
    }
}
