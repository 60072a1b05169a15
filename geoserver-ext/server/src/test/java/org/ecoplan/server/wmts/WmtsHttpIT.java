package org.ecoplan.server.wmts;

import static org.ecoplan.server.wmts.WmtsTestSupport.alpha;
import static org.ecoplan.server.wmts.WmtsTestSupport.base;
import static org.ecoplan.server.wmts.WmtsTestSupport.get;
import static org.ecoplan.server.wmts.WmtsTestSupport.image;
import static org.ecoplan.server.wmts.WmtsTestSupport.pixel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.map.tiles.TileMatrix;
import org.ecoplan.map.tiles.TileMatrixSet;
import org.ecoplan.map.tiles.TileMatrixSets;
import org.ecoplan.server.wmts.WmtsTestSupport.Pixel;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * WMTS over HTTP against the fixture server with the plan data: capabilities (schema-valid, every
 * layer and group), GetTile in KVP and REST for each tile matrix set (a 256×256 PNG with the
 * restoration zones drawn where they are and nothing far outside them), limits, caching headers
 * and 304, XYZ and TileJSON, GetFeatureInfo, and the 天地图 grid check against WMS GetMap.
 */
class WmtsHttpIT {
    private static final String LAYER = "restoration_zones";

    /** A matrix whose tiles are about 1.4 degrees wide: the county (under one degree) fits in a tile or two. */
    private static TileMatrix coarse(TileMatrixSet set) {
        String id = set == TileMatrixSets.WEB_MERCATOR_QUAD ? "8" : set == TileMatrixSets.WORLD_CRS84_QUAD ? "7" : "8";
        return set.matrix(id).orElseThrow();
    }

    private static Map<String, Object> getTile(String layer, String set, String matrix, long row, long col) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("SERVICE", "WMTS");
        p.put("REQUEST", "GetTile");
        p.put("VERSION", "1.0.0");
        p.put("LAYER", layer);
        p.put("STYLE", "");
        p.put("FORMAT", "image/png");
        p.put("TILEMATRIXSET", set);
        p.put("TILEMATRIX", matrix);
        p.put("TILEROW", row);
        p.put("TILECOL", col);
        return p;
    }

    @Test
    void capabilitiesAreValidAndListEveryLayerAndGroup() throws Exception {
        Response r = get(base() + "/wmts", Map.of("SERVICE", "WMTS", "REQUEST", "GetCapabilities"));
        assertEquals(200, r.statusCode());
        byte[] xml = r.asByteArray();
        assertEquals(List.of(), WmtsTestSupport.capabilitiesErrors(xml));
        String text = new String(xml, StandardCharsets.UTF_8);
        var catalog = org.ecoplan.server.ServerFixture.plan();
        for (var l : catalog.layers()) {
            if (l.featureType().hasGeometry())
                assertTrue(text.contains("<ows:Identifier>" + l.id() + "</ows:Identifier>"), l.id());
        }
        for (var g : catalog.groups())
            assertTrue(text.contains("<ows:Identifier>" + g.id() + "</ows:Identifier>"), g.id());
        assertTrue(text.contains("<TopLeftCorner>90 -180</TopLeftCorner>"));
        assertTrue(text.contains("<ows:WGS84BoundingBox"));
        assertTrue(text.contains(
                base() + "/wmts/rest/" + LAYER + "/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png"));
        Response rest = get(base() + "/wmts/rest/1.0.0/WMTSCapabilities.xml");
        assertEquals(200, rest.statusCode());
        assertEquals(List.of(), WmtsTestSupport.capabilitiesErrors(rest.asByteArray()));
    }

    @Test
    void getTileKvpAndRestDrawTheZonesInEverySet() throws Exception {
        Coordinate inside = WmtsTestSupport.interiorPoint(LAYER);
        Envelope county = WmtsTestSupport.bounds(LAYER);
        for (TileMatrixSet set : TileMatrixSets.all()) {
            TileMatrix m = coarse(set);
            Pixel p = pixel(set, m, inside.x, inside.y);
            Response kvp = get(base() + "/wmts", getTile(LAYER, set.identifier(), m.identifier(), p.row(), p.col()));
            assertEquals(200, kvp.statusCode(), set.identifier() + ": " + kvp.asString());
            assertEquals("image/png", kvp.contentType());
            BufferedImage img = image(kvp.asByteArray());
            assertEquals(256, img.getWidth());
            assertEquals(256, img.getHeight());
            assertTrue(alpha(img, p.x(), p.y()) > 0, set.identifier() + ": a zone is drawn at its own position");
            // a pixel a degree west of the county lies in no zone: transparent wherever it falls in this tile
            Pixel far = pixel(set, m, county.getMinX() - 0.5, inside.y);
            if (far.col() == p.col() && far.row() == p.row()) {
                assertEquals(0, alpha(img, far.x(), far.y()), set.identifier() + ": nothing drawn west of the county");
            }
            Response rest = get(
                    base() + "/wmts/rest/" + LAYER + "/default/" + set.identifier() + "/" + m.identifier() + "/"
                            + p.row() + "/" + p.col() + ".png");
            assertEquals(200, rest.statusCode());
            assertTrue(java.util.Arrays.equals(kvp.asByteArray(), rest.asByteArray()),
                    set.identifier() + ": REST and KVP serve the same tile");
        }
    }

    @Test
    void tilesOutsideTheLimits() throws Exception {
        TileMatrix m = TileMatrixSets.WEB_MERCATOR_QUAD.matrix("8").orElseThrow();
        // KVP outside the TileMatrixSetLimits: TileOutOfRange, as the CITE suite ets-wmts10 requires
        Response outsideLimits = get(base() + "/wmts", getTile(LAYER, "WebMercatorQuad", "8", 10, 10));
        assertEquals(400, outsideLimits.statusCode());
        assertTrue(outsideLimits.asString().contains("exceptionCode=\"TileOutOfRange\""), outsideLimits.asString());
        Response rest = get(base() + "/wmts/rest/" + LAYER + "/default/WebMercatorQuad/8/10/10.png");
        assertEquals(404, rest.statusCode());
        assertTrue(rest.asString().contains("TileOutOfRange"));
        Response outOfMatrix = get(base() + "/wmts", getTile(LAYER, "WebMercatorQuad", "8", m.matrixHeight(), 0));
        assertEquals(400, outOfMatrix.statusCode());
        assertTrue(outOfMatrix.asString().contains("exceptionCode=\"TileOutOfRange\""), outOfMatrix.asString());
        Response badLayer = get(base() + "/wmts", getTile("no_such_layer", "WebMercatorQuad", "8", 0, 0));
        assertEquals(400, badLayer.statusCode());
        assertTrue(badLayer.asString().contains("locator=\"Layer\""));
    }

    @Test
    void etagAndLastModifiedRevalidate() throws Exception {
        Coordinate inside = WmtsTestSupport.interiorPoint(LAYER);
        TileMatrixSet set = TileMatrixSets.WEB_MERCATOR_QUAD;
        TileMatrix m = set.matrix("11").orElseThrow();
        Pixel p = pixel(set, m, inside.x, inside.y);
        String url = base() + "/tiles/" + LAYER + "/WebMercatorQuad/11/" + p.col() + "/" + p.row() + ".png";
        Response first = get(url);
        assertEquals(200, first.statusCode());
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertNotNull(first.header("Last-Modified"));
        assertTrue(first.header("Cache-Control").startsWith("public, max-age="));
        assertEquals("*", first.header("Access-Control-Allow-Origin"));
        Response second = get(url);
        assertEquals(etag, second.header("ETag"));
        assertTrue(java.util.Arrays.equals(first.asByteArray(), second.asByteArray()));
        Response notModified = io.restassured.RestAssured.given().header("If-None-Match", etag).get(url);
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.asByteArray().length);
        Response since = io.restassured.RestAssured.given().header("If-Modified-Since", first.header("Last-Modified"))
                .get(url);
        assertEquals(304, since.statusCode());
        Response changed = io.restassured.RestAssured.given().header("If-None-Match", "\"other\"").get(url);
        assertEquals(200, changed.statusCode());
    }

    @Test
    void xyzTilesAndTileJsonForAGroup() throws Exception {
        var catalog = org.ecoplan.server.ServerFixture.plan();
        String group = catalog.groups().get(0).id();
        Response tj = get(base() + "/tiles/" + group + "/WebMercatorQuad/tilejson.json");
        assertEquals(200, tj.statusCode(), tj.asString());
        assertEquals("3.0.0", tj.jsonPath().getString("tilejson"));
        String template = tj.jsonPath().getString("tiles[0]");
        assertEquals(base() + "/tiles/" + group + "/WebMercatorQuad/{z}/{x}/{y}.png", template);
        List<Float> bounds = tj.jsonPath().getList("bounds", Float.class);
        assertTrue(bounds.get(0) > 113 && bounds.get(2) < 115 && bounds.get(1) > 39.5 && bounds.get(3) < 41,
                "bounds around Yanggao: " + bounds);
        int center = tj.jsonPath().getInt("center[2]");
        TileMatrix m = TileMatrixSets.WEB_MERCATOR_QUAD.matrix(Integer.toString(center)).orElseThrow();
        Coordinate inside = WmtsTestSupport.interiorPoint(LAYER);
        Pixel p = pixel(TileMatrixSets.WEB_MERCATOR_QUAD, m, inside.x, inside.y);
        Response tile = get(template.replace("{z}", Integer.toString(center)).replace("{x}", Long.toString(p.col()))
                .replace("{y}", Long.toString(p.row())));
        assertEquals(200, tile.statusCode());
        assertTrue(WmtsTestSupport.opaquePixels(image(tile.asByteArray())) > 0,
                "the group draws something over the county");
        assertEquals(404, get(base() + "/tiles/" + group + "/NoSuchSet/1/0/0.png").statusCode());
    }

    @Test
    void getFeatureInfoAnswersWithTheZoneUnderThePixel() throws Exception {
        Coordinate inside = WmtsTestSupport.interiorPoint(LAYER);
        TileMatrixSet set = TileMatrixSets.CGCS2000_QUAD;
        TileMatrix m = set.matrix("12").orElseThrow();
        Pixel p = pixel(set, m, inside.x, inside.y);
        Map<String, Object> params = getTile(LAYER, "CGCS2000Quad", "12", p.row(), p.col());
        params.put("REQUEST", "GetFeatureInfo");
        params.put("I", p.x());
        params.put("J", p.y());
        params.put("INFOFORMAT", "application/json");
        Response r = get(base() + "/wmts", params);
        assertEquals(200, r.statusCode(), r.asString());
        assertTrue(r.jsonPath().getList("features").size() >= 1, r.asString());
        Response html = get(base() + "/wmts/rest/" + LAYER + "/default/CGCS2000Quad/12/" + p.row() + "/" + p.col() + "/"
                + p.y() + "/" + p.x() + ".html");
        assertEquals(200, html.statusCode());
        assertTrue(html.asString().contains("<th title=\"Zone code (zone_code)\">分区编码</th>"), html.asString());
    }

    /**
     * 天地图's c grid: tile (x, y) of level z covers lon -180 + x·s .. -180 + (x+1)·s and
     * lat 90 - (y+1)·s .. 90 - y·s with s = 180 / 2^(z-1). A WMS GetMap of exactly that envelope
     * must draw the same pixels as the tile.
     */
    @Test
    void cgcs2000TileCoversTheTianDiTuEnvelope() throws Exception {
        Envelope county = WmtsTestSupport.bounds(LAYER);
        int z = 11;
        double s = 180.0 / (1L << (z - 1));
        long x0 = (long) Math.floor((county.getMinX() + 180) / s);
        long x1 = (long) Math.floor((county.getMaxX() + 180) / s);
        long y0 = (long) Math.floor((90 - county.getMaxY()) / s);
        long y1 = (long) Math.floor((90 - county.getMinY()) / s);
        boolean compared = false;
        for (long y = y0; y <= y1 && !compared; y++) {
            for (long x = x0; x <= x1 && !compared; x++) {
                double minLon = -180 + x * s;
                double maxLat = 90 - y * s;
                Map<String, Object> wms = new LinkedHashMap<>();
                wms.put("SERVICE", "WMS");
                wms.put("VERSION", "1.3.0");
                wms.put("REQUEST", "GetMap");
                wms.put("LAYERS", LAYER);
                wms.put("STYLES", "");
                wms.put("CRS", "EPSG:4490");
                wms.put("BBOX", (maxLat - s) + "," + minLon + "," + maxLat + "," + (minLon + s));
                wms.put("WIDTH", 256);
                wms.put("HEIGHT", 256);
                wms.put("FORMAT", "image/png");
                wms.put("TRANSPARENT", "TRUE");
                BufferedImage map = image(get(base() + "/wms", wms).asByteArray());
                int opaque = WmtsTestSupport.opaquePixels(map);
                if (opaque < 256 * 256 / 5 || opaque > 256 * 256 * 4 / 5) continue; // want a tile with zone edges in it
                BufferedImage tile = image(
                        get(base() + "/tiles/" + LAYER + "/c/" + z + "/" + x + "/" + y + ".png").asByteArray());
                int same = 0;
                for (int j = 0; j < 256; j++)
                    for (int i = 0; i < 256; i++) if ((alpha(map, i, j) > 0) == (alpha(tile, i, j) > 0)) same++;
                assertTrue(same > 256 * 256 * 0.97,
                        "tile " + x + "/" + y + " matches the WMS map of the 天地图 envelope: " + same + " of 65536");
                compared = true;
            }
        }
        assertTrue(compared, "found a level-" + z + " tile with zone edges to compare");
    }
}
