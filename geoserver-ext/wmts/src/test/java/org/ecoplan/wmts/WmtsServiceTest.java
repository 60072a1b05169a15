package org.ecoplan.wmts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.map.MapCore;
import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.map.tiles.ContentVersions;
import org.ecoplan.map.tiles.TileCache;
import org.ecoplan.map.tiles.TileEngine;
import org.ecoplan.map.tiles.TileKey;
import org.ecoplan.map.tiles.TileLayer;
import org.ecoplan.map.tiles.TileMatrix;
import org.ecoplan.map.tiles.TileMatrixSet;
import org.ecoplan.map.tiles.TileMatrixSets;
import org.ecoplan.map.tiles.TileRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.testkit.TestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

class WmtsServiceTest {
    @TempDir
    Path dir;
    TestTiles ws;
    TileEngine engine;
    WmtsService wmts;
    WmtsRestEndpoint rest;
    XyzTileEndpoint xyz;

    @BeforeEach
    void setUp() throws Exception {
        ws = new TestTiles(dir);
        MapCore core = ws.core(new TileCache(8 << 20, dir.resolve("tiles")));
        engine = core.tiles();
        wmts = new WmtsService(ws.context, core);
        rest = new WmtsRestEndpoint(ws.context, core);
        xyz = new XyzTileEndpoint(ws.context, engine);
    }

    /** Tile column, row and pixel of a lon/lat point in a matrix. */
    record Pixel(long col, long row, int x, int y) {}

    static Pixel pixel(TileMatrixSet set, String matrix, double lon, double lat) {
        TileMatrix m = set.matrix(matrix).orElseThrow();
        Coordinate c = new GeometryTransformer(CrsRegistry.CGCS2000, set.crs()).transform(new Coordinate(lon, lat));
        double px = (c.x - set.originX()) / m.resolution();
        double py = (set.originY() - c.y) / m.resolution();
        return new Pixel((long) Math.floor(px / 256), (long) Math.floor(py / 256), (int) (px % 256), (int) (py % 256));
    }

    OwsResponse kvpTile(String layer, String style, String set, String matrix, long row, long col,
            Map<String, String> headers) {
        return wmts.handle(
                TestTiles.get("/wmts", headers, "SERVICE=WMTS", "REQUEST=GetTile", "VERSION=1.0.0", "LAYER=" + layer,
                        "STYLE=" + style, "FORMAT=image/png", "TILEMATRIXSET=" + set, "TILEMATRIX=" + matrix,
                        "TILEROW=" + row, "TILECOL=" + col));
    }

    static BufferedImage image(OwsResponse r) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(TestTiles.body(r)));
    }

    @Test
    void getTileDrawsTheLayerAtTheRightPixelsInEverySet() throws Exception {
        for (TileMatrixSet set : TileMatrixSets.all()) {
            String matrix = set == TileMatrixSets.CGCS2000_QUAD ? "10" : "9";
            Pixel inside = pixel(set, matrix, 113.9, 40.2);
            OwsResponse r = kvpTile("zones", "", set.identifier(), matrix, inside.row(), inside.col(), Map.of());
            assertEquals(200, r.status(), set.identifier());
            assertEquals("image/png", r.contentType());
            BufferedImage img = image(r);
            assertEquals(256, img.getWidth());
            assertEquals(256, img.getHeight());
            assertEquals(0xFFFF0000, img.getRGB(inside.x(), inside.y()),
                    set.identifier() + " pixel inside the square is red");
            Pixel outside = pixel(set, matrix, 113.5, 40.2);
            if (outside.col() == inside.col() && outside.row() == inside.row()) {
                assertEquals(0, img.getRGB(outside.x(), outside.y()) >>> 24,
                        set.identifier() + " pixel west of the square is transparent");
            }
        }
    }

    @Test
    void aliasesAndStylesSelectWhatIsDrawn() throws Exception {
        Pixel p = pixel(TileMatrixSets.CGCS2000_QUAD, "10", 113.9, 40.2);
        BufferedImage blue = image(kvpTile("zones", "zones_blue", "c", "10", p.row(), p.col(), Map.of()));
        assertEquals(0xFF0000FF, blue.getRGB(p.x(), p.y()));
        BufferedImage group = image(kvpTile("plan", "default", "EPSG:4490", "10", p.row(), p.col(), Map.of()));
        assertEquals(0xFFFF0000, group.getRGB(p.x(), p.y()));
    }

    @Test
    void secondRequestIsServedFromTheCacheAndRevalidates() throws Exception {
        Pixel p = pixel(TileMatrixSets.WEB_MERCATOR_QUAD, "9", 113.9, 40.2);
        OwsResponse first = kvpTile("zones", "zones", "WebMercatorQuad", "9", p.row(), p.col(), Map.of());
        String etag = first.headers().get("ETag");
        assertTrue(etag.startsWith("\""));
        assertEquals("public, max-age=600", first.headers().get("Cache-Control"));
        assertTrue(first.headers().containsKey("Last-Modified"));
        TileRequest tr = TileRequest.resolve(
                TileLayer.of(ws.context.catalog().view(TestContext.WORKSPACE), "zones").orElseThrow(), "zones",
                "WebMercatorQuad", "9",
                Long.toString(p.row()), Long.toString(p.col()), ImageFormat.PNG);
        TileKey key = tr.key(engine.versions().version(tr.layer(), "zones"));
        assertTrue(engine.cache().inMemory(key));
        // the neighbour in the same metatile was rendered with it
        long ncol = p.col() % 4 == 3 ? p.col() - 1 : p.col() + 1;
        assertTrue(engine.cache()
                .inMemory(new TileKey(key.layer(), key.style(), key.matrixSet(), key.matrix(), ncol, p.row(),
                        key.format(), key.version())));
        assertTrue(Files.isRegularFile(dir.resolve("tiles").resolve(key.diskPath())));
        OwsResponse again = kvpTile("zones", "zones", "WebMercatorQuad", "9", p.row(), p.col(), Map.of());
        assertArrayEquals(TestTiles.body(first), TestTiles.body(again));
        assertEquals(etag, again.headers().get("ETag"));
        OwsResponse notModified = kvpTile("zones", "zones", "WebMercatorQuad", "9", p.row(), p.col(),
                Map.of("if-none-match", etag));
        assertEquals(304, notModified.status());
        OwsResponse since = kvpTile("zones", "zones", "WebMercatorQuad", "9", p.row(), p.col(),
                Map.of("if-modified-since", first.headers().get("Last-Modified")));
        assertEquals(304, since.status());
        OwsResponse otherTag = kvpTile("zones", "zones", "WebMercatorQuad", "9", p.row(), p.col(),
                Map.of("if-none-match", "\"x\""));
        assertEquals(200, otherTag.status());
        engine.cache().clearMemory();
        OwsResponse fromDisk = kvpTile("zones", "zones", "WebMercatorQuad", "9", p.row(), p.col(), Map.of());
        assertArrayEquals(TestTiles.body(first), TestTiles.body(fromDisk));
    }

    @Test
    void dataReloadAndStyleEditNeverServeAnOldTile() throws Exception {
        Pixel p = pixel(TileMatrixSets.WEB_MERCATOR_QUAD, "9", 113.9, 40.2);
        OwsResponse before = kvpTile("zones", "", "WebMercatorQuad", "9", p.row(), p.col(), Map.of());
        assertEquals(0xFFFF0000, image(before).getRGB(p.x(), p.y()));
        // reload: the square moves west, away from the sampled point
        ws.zones.replace(List.of(new Feature("zones.1", Map.of("name", "林地"),
                TestTiles.geom("POLYGON((113.6 40.0, 113.8 40.0, 113.8 40.4, 113.6 40.4, 113.6 40.0))"))), "v2");
        OwsResponse after = kvpTile("zones", "", "WebMercatorQuad", "9", p.row(), p.col(),
                Map.of("if-none-match", before.headers().get("ETag")));
        assertEquals(200, after.status(), "the old ETag no longer matches");
        assertNotEquals(before.headers().get("ETag"), after.headers().get("ETag"));
        assertEquals(0, image(after).getRGB(p.x(), p.y()) >>> 24, "the moved square is no longer drawn there");
        // style edit: red becomes green
        ws.zones.replace(List.of(new Feature("zones.1", Map.of("name", "林地"), TestTiles.geom(TestTiles.SQUARE))), "v3");
        OwsResponse red = kvpTile("zones", "", "WebMercatorQuad", "9", p.row(), p.col(), Map.of());
        assertEquals(0xFFFF0000, image(red).getRGB(p.x(), p.y()));
        ws.writeStyle("zones", "#00FF00");
        OwsResponse green = kvpTile("zones", "", "WebMercatorQuad", "9", p.row(), p.col(), Map.of());
        assertEquals(0xFF00FF00, image(green).getRGB(p.x(), p.y()));
        assertNotEquals(red.headers().get("ETag"), green.headers().get("ETag"));
    }

    @Test
    void versionsAreReadAtMostOncePerInterval() {
        long[] now = {0};
        ContentVersions v = new ContentVersions(ws.context, 1000, () -> now[0]);
        TileLayer zones = TileLayer.of(ws.context.catalog().view(TestContext.WORKSPACE), "zones").orElseThrow();
        String first = v.version(zones, "zones");
        int reads = ws.zones.versionReads();
        ws.zones.replace(List.of(new Feature("zones.1", Map.of(), TestTiles.geom(TestTiles.SQUARE))), "v9");
        now[0] += 500_000_000L;
        assertEquals(first, v.version(zones, "zones"));
        assertEquals(reads, ws.zones.versionReads(), "no data-version read within the interval");
        now[0] += 600_000_000L;
        assertNotEquals(first, v.version(zones, "zones"));
        v.invalidate();
        v.version(zones, "zones");
        assertEquals(reads + 2, ws.zones.versionReads());
    }

    @Test
    void concurrentRequestsForOneMetatileRenderItOnce() throws Exception {
        Pixel p = pixel(TileMatrixSets.WEB_MERCATOR_QUAD, "11", 113.9, 40.2);
        long c0 = p.col() / 4 * 4;
        long r0 = p.row() / 4 * 4;
        int readsBefore = ws.zones.queries();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<OwsResponse>> all = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                long col = c0 + i % 4;
                long row = r0 + i / 4;
                all.add(pool.submit(() -> {
                    try {
                        return kvpTile("zones", "", "WebMercatorQuad", "11", row, col, Map.of());
                    } catch (org.ecoplan.ows.ServiceException e) {
                        // tiles of the metatile outside the layer's limits are TileOutOfRange and render nothing
                        assertEquals("TileOutOfRange", e.code());
                        return null;
                    }
                }));
            }
            int served = 0;
            for (Future<OwsResponse> f : all) {
                OwsResponse r = f.get();
                if (r != null) {
                    assertEquals(200, r.status());
                    served++;
                }
            }
            assertTrue(served >= 4, "most of the metatile is inside the square's limits: " + served);
        } finally {
            pool.shutdown();
        }
        assertEquals(readsBefore + 1, ws.zones.queries(),
                "one render (one feature read) for the 16 tiles of the metatile");
    }

    @Test
    void outsideLimitsAndOutsideTheMatrix() throws Exception {
        org.ecoplan.ows.ServiceException outsideLimits = org.junit.jupiter.api.Assertions.assertThrows(
                org.ecoplan.ows.ServiceException.class,
                () -> kvpTile("zones", "", "WebMercatorQuad", "9", 10, 10, Map.of()));
        assertEquals("TileOutOfRange", outsideLimits.code(), "KVP tile outside the TileMatrixSetLimits (CITE wmts10)");
        assertEquals("TileRow", outsideLimits.locator(), "row 10 is north of the square's rows");
        assertEquals(400, wmts.exception(outsideLimits, null).status());
        OwsResponse notFound = TestTiles.answer(rest,
                TestTiles.get("/wmts/rest/zones/zones/WebMercatorQuad/9/10/10.png", Map.of()));
        assertEquals(404, notFound.status());
        OwsResponse outOfRange;
        try {
            outOfRange = kvpTile("zones", "", "WebMercatorQuad", "2", 4, 0, Map.of());
        } catch (org.ecoplan.ows.ServiceException e) {
            outOfRange = wmts.exception(e, null);
            assertEquals("TileOutOfRange", e.code());
            assertEquals("TileRow", e.locator());
        }
        assertEquals(400, outOfRange.status());
        assertTrue(TestTiles.text(outOfRange).contains("exceptionCode=\"TileOutOfRange\""));
    }

    @Test
    void kvpRulesTheConformanceSuiteChecks() {
        org.ecoplan.ows.ServiceException noStyle = org.junit.jupiter.api.Assertions.assertThrows(
                org.ecoplan.ows.ServiceException.class,
                () -> wmts.handle(TestTiles.get("/wmts", Map.of(), "SERVICE=WMTS", "REQUEST=GetTile", "VERSION=1.0.0",
                        "LAYER=zones",
                        "FORMAT=image/png", "TILEMATRIXSET=WebMercatorQuad", "TILEMATRIX=9", "TILEROW=10",
                        "TILECOL=10")));
        assertEquals("MissingParameterValue", noStyle.code());
        assertEquals("Style", noStyle.locator());
        org.ecoplan.ows.ServiceException noService = org.junit.jupiter.api.Assertions.assertThrows(
                org.ecoplan.ows.ServiceException.class,
                () -> wmts.handle(TestTiles.get("/wmts", Map.of(), "REQUEST=GetCapabilities")));
        assertEquals("MissingParameterValue", noService.code());
        assertEquals("SERVICE", noService.locator());
        org.ecoplan.ows.ServiceException bogus = org.junit.jupiter.api.Assertions.assertThrows(
                org.ecoplan.ows.ServiceException.class,
                () -> wmts
                        .handle(TestTiles.get("/wmts", Map.of(), "SERVICE=WMTS", "REQUEST=GetBogus", "VERSION=1.0.0")));
        assertEquals("InvalidParameterValue", bogus.code());
        assertEquals(400, wmts.exception(bogus, null).status());
        assertEquals("urn:ogc:def:crs:EPSG:6.18:3:3857", TileMatrixSets.WEB_MERCATOR_QUAD.supportedCrs(),
                "the CRS 07-057r7 Annex E.4 requires for GoogleMapsCompatible");
    }

    @Test
    void headOfAnUncachedTileDrawsNothing() throws Exception {
        Pixel p = pixel(TileMatrixSets.CGCS2000_QUAD, "11", 113.9, 40.2);
        int reads = ws.zones.queries();
        org.ecoplan.ows.OwsRequest get = TestTiles.get("/tiles/zones/c/11/" + p.col() + "/" + p.row() + ".png",
                Map.of());
        org.ecoplan.ows.OwsRequest head = new org.ecoplan.ows.OwsRequest("HEAD", get.path(), get.params(), null, null,
                get.baseUrl(), get.headers(), get.workspace());
        OwsResponse h = TestTiles.answer(xyz, head);
        assertEquals(200, h.status());
        assertEquals("image/png", h.contentType());
        assertEquals(reads, ws.zones.queries(), "a HEAD draws no tile");
        assertEquals(200, TestTiles.answer(xyz, get).status());
        assertTrue(ws.zones.queries() > reads, "a GET does");
        org.ecoplan.ows.OwsRequest outside = new org.ecoplan.ows.OwsRequest("HEAD", "/tiles/zones/c/11/99999999/0.png",
                get.params(), null, null, get.baseUrl(), get.headers(), get.workspace());
        assertEquals(404, TestTiles.answer(xyz, outside).status(), "a HEAD is checked like a GET");
    }

    @Test
    void restAndXyzServeTheSameTileAsKvp() throws Exception {
        Pixel p = pixel(TileMatrixSets.CGCS2000_QUAD, "12", 113.9, 40.2);
        OwsResponse kvp = kvpTile("zones", "zones", "CGCS2000Quad", "12", p.row(), p.col(), Map.of());
        OwsResponse r = TestTiles.answer(rest,
                TestTiles.get("/wmts/rest/zones/zones/CGCS2000Quad/12/" + p.row() + "/" + p.col() + ".png", Map.of()));
        OwsResponse x = TestTiles.answer(xyz,
                TestTiles.get("/tiles/zones/c/12/" + p.col() + "/" + p.row() + ".png", Map.of()));
        assertEquals(200, r.status());
        assertEquals(200, x.status());
        assertArrayEquals(TestTiles.body(kvp), TestTiles.body(r));
        assertArrayEquals(TestTiles.body(kvp), TestTiles.body(x));
        long tmsRow = (1L << 11) - 1 - p.row();
        OwsResponse tms = TestTiles.answer(xyz,
                TestTiles.get("/tiles/zones/c/12/" + p.col() + "/" + tmsRow + ".png", Map.of(), "scheme=tms"));
        assertArrayEquals(TestTiles.body(kvp), TestTiles.body(tms));
        OwsResponse jpeg = TestTiles.answer(xyz,
                TestTiles.get("/tiles/zones/c/12/" + p.col() + "/" + p.row() + ".jpg", Map.of()));
        assertEquals("image/jpeg", jpeg.contentType());
        assertEquals(404, TestTiles.answer(xyz, TestTiles.get("/tiles/nope/c/12/1/1.png", Map.of())).status());
        assertEquals(404, TestTiles.answer(xyz, TestTiles.get("/tiles/zones/c/99/1/1.png", Map.of())).status());
    }

    @Test
    void tileJsonDescribesTheLayer() throws Exception {
        String json = TestTiles
                .text(TestTiles.answer(xyz, TestTiles.get("/tiles/plan/WebMercatorQuad/tilejson.json", Map.of())));
        assertTrue(json.contains("\"tilejson\":\"3.0.0\""), json);
        assertTrue(
                json.contains("\"tiles\":[\"http://localhost:8080/test/tiles/plan/WebMercatorQuad/{z}/{x}/{y}.png\"]"),
                json);
        assertTrue(json.contains("\"minzoom\":0"), json);
        assertTrue(json.contains("\"maxzoom\":" + TileMatrixSets.MERCATOR_MAX_ZOOM), json);
        assertTrue(json.contains("\"bounds\":[113.6,40.0,114.2,40.4]"), json);
        assertTrue(json.contains("© test zones; © test sites"), json);
    }

    @Test
    void capabilitiesAreSchemaValid() throws Exception {
        OwsResponse r = wmts.handle(TestTiles.get("/wmts", Map.of(), "SERVICE=WMTS", "REQUEST=GetCapabilities"));
        byte[] xml = TestTiles.body(r);
        String text = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
        List<String> errors = WmtsSchema.validate(xml);
        assertEquals(List.of(), errors, text);
        assertTrue(text.contains("<ows:Identifier>CGCS2000Quad</ows:Identifier>"));
        assertTrue(text.contains("<TopLeftCorner>90 -180</TopLeftCorner>"));
        assertTrue(text.contains("<ows:Title xml:lang=\"zh\">修复分区</ows:Title>"));
        assertTrue(text.contains(
                "template=\"http://localhost:8080/test/wmts/rest/zones/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png\""));
        assertTrue(text.contains(
                "<TileMatrix>1</TileMatrix><MinTileRow>0</MinTileRow><MaxTileRow>0</MaxTileRow><MinTileCol>1</MinTileCol>"));
        assertTrue(text.contains("REQUEST=GetLegendGraphic"));
        assertFalse(text.contains("<ows:Identifier>nope"));
    }

    @Test
    void featureInfoFindsTheFeatureUnderThePixel() throws Exception {
        Pixel p = pixel(TileMatrixSets.WEB_MERCATOR_QUAD, "9", 113.9, 40.2);
        OwsResponse r = wmts.handle(TestTiles.get("/wmts", Map.of(), "SERVICE=WMTS", "REQUEST=GetFeatureInfo",
                "VERSION=1.0.0",
                "LAYER=plan", "STYLE=default", "FORMAT=image/png", "TILEMATRIXSET=WebMercatorQuad", "TILEMATRIX=9",
                "TILEROW=" + p.row(), "TILECOL=" + p.col(), "I=" + p.x(), "J=" + p.y(), "INFOFORMAT=application/json"));
        String json = TestTiles.text(r);
        assertTrue(json.contains("\"id\":\"zones.1\""), json);
        assertTrue(json.contains("林地"), json);
        assertTrue(json.contains("113."), "GeoJSON in lon/lat: " + json);
        OwsResponse html = TestTiles.answer(rest,
                TestTiles.get("/wmts/rest/zones/zones/WebMercatorQuad/9/" + p.row() + "/" + p.col() + "/"
                        + p.y() + "/" + p.x() + ".html", Map.of()));
        String page = TestTiles.text(html);
        assertTrue(page.contains("<th title=\"Name (name)\">名称</th>") && page.contains("<td>林地</td>"), page);
        Pixel away = pixel(TileMatrixSets.WEB_MERCATOR_QUAD, "9", 113.5, 40.2);
        OwsResponse none = TestTiles.answer(rest,
                TestTiles.get("/wmts/rest/zones/zones/WebMercatorQuad/9/" + away.row() + "/" + away.col() + "/"
                        + away.y() + "/" + away.x() + ".json", Map.of()));
        assertFalse(TestTiles.text(none).contains("zones.1"));
    }

    @Test
    void badParametersAreNamed() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.ecoplan.ows.ServiceException.class,
                () -> kvpTile("zones", "nostyle", "WebMercatorQuad", "9", 1, 1, Map.of()));
        assertEquals("Style", e.locator());
        e = org.junit.jupiter.api.Assertions.assertThrows(org.ecoplan.ows.ServiceException.class,
                () -> kvpTile("zones", "", "Nope", "9", 1, 1, Map.of()));
        assertEquals("TileMatrixSet", e.locator());
        e = org.junit.jupiter.api.Assertions.assertThrows(org.ecoplan.ows.ServiceException.class,
                () -> kvpTile("zones", "", "WebMercatorQuad", "x", 1, 1, Map.of()));
        assertEquals("TileMatrix", e.locator());
        e = org.junit.jupiter.api.Assertions.assertThrows(org.ecoplan.ows.ServiceException.class,
                () -> kvpTile("nolayer", "", "WebMercatorQuad", "9", 1, 1, Map.of()));
        assertEquals("Layer", e.locator());
    }
}
