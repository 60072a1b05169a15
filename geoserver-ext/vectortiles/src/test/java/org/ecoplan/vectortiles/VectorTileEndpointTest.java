package org.ecoplan.vectortiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.GeometryDescriptor;
import org.ecoplan.catalog.GeometryType;
import org.ecoplan.catalog.Localized;
import org.ecoplan.catalog.config.StyleRefs;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.map.MapCore;
import org.ecoplan.map.tiles.TileCache;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.testkit.MemoryFeatureSource;
import org.ecoplan.testkit.TestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

class VectorTileEndpointTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private MemoryFeatureSource sites;
    private MemoryFeatureSource zones;
    private VectorTileEndpoint endpoint;

    @BeforeEach
    void setUp() throws Exception {
        FeatureType siteType = new FeatureType("sites", List.of(
                new AttributeDescriptor("name_zh", AttributeType.STRING, true, new Localized("名称", "Name"), List.of(),
                        null),
                AttributeDescriptor.of("phase", AttributeType.STRING),
                AttributeDescriptor.of("area_km2", AttributeType.DOUBLE),
                AttributeDescriptor.of("count", AttributeType.INTEGER),
                AttributeDescriptor.of("schematic", AttributeType.BOOLEAN)),
                new GeometryDescriptor("geom", GeometryType.valueOf("POINT"), CrsRegistry.CGCS2000));
        Map<String, Object> a1 = new LinkedHashMap<>();
        a1.put("name_zh", "示意站点");
        a1.put("phase", "近期");
        a1.put("area_km2", 1.25);
        a1.put("count", 3L);
        a1.put("schematic", true);
        Map<String, Object> a2 = new LinkedHashMap<>(a1);
        a2.put("phase", "中远期");
        a2.put("area_km2", null);
        sites = new MemoryFeatureSource(siteType, List.of(
                new Feature("sites.1", a1, GF.createPoint(new Coordinate(113.75, 40.1))),
                new Feature("sites.2", a2, GF.createPoint(new Coordinate(113.76, 40.11)))));
        FeatureType zoneType = new FeatureType("zones",
                List.of(AttributeDescriptor.of("zone_code", AttributeType.STRING)),
                new GeometryDescriptor("geom", GeometryType.valueOf("MULTIPOLYGON"), CrsRegistry.CGCS2000));
        zones = new MemoryFeatureSource(zoneType, List.of(new Feature("zones.5", Map.of("zone_code", "Z1"),
                new WKTReader().read("MULTIPOLYGON(((113.5 40.0, 114.2 40.0, 114.2 40.4, 113.5 40.4, 113.5 40.0),"
                        + "(113.8 40.2, 113.9 40.2, 113.9 40.3, 113.8 40.3, 113.8 40.2)))"))));
        TestContext ctx = TestContext.in(Path.of("."))
                .layer("sites", "sites中文", "sites", sites, new StyleRefs("sites", List.of()), true)
                .layer("zones", "zones中文", "zones", zones, new StyleRefs("zones", List.of()), true)
                .group("plan", "规划", "Plan", "zones", "sites").build();
        MapCore core = MapCore.create(ctx, new TileCache(1 << 20, null), 0);
        endpoint = new VectorTileEndpoint(ctx, core.tiles(), 1 << 20);
    }

    /** XYZ tile of a lon/lat on WebMercatorQuad. */
    private static long[] mercatorTile(double lon, double lat, int z) {
        double n = 1 << z;
        double r = Math.toRadians(lat);
        return new long[]{(long) ((lon + 180) / 360 * n),
                (long) ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n)};
    }

    /** A request to the workspace's virtual service, where layer names are unqualified. */
    private OwsResponse get(String path, String ifNoneMatch) {
        return send(path, ifNoneMatch, "test");
    }

    private OwsResponse send(String path, String ifNoneMatch, String workspace) {
        Map<String, String> headers = ifNoneMatch == null ? Map.of() : Map.of("if-none-match", ifNoneMatch);
        OwsRequest request = new OwsRequest("GET", path, KvpMap.empty(), null, null, "http://test", headers)
                .inWorkspace(workspace);
        try {
            return endpoint.handle(request);
        } catch (ServiceException e) {
            return endpoint.exception(e, request); // what the server's error boundary answers
        }
    }

    private static byte[] body(OwsResponse r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.body().writeTo(out);
        return out.toByteArray();
    }

    @Test
    void layerTileHasFeaturesPropertiesAndCoordinatesInsideTheExtent() throws Exception {
        long[] t = mercatorTile(113.75, 40.1, 12);
        OwsResponse r = get("/vtiles/sites/WebMercatorQuad/12/" + t[0] + "/" + t[1] + ".mvt", null);
        assertEquals(200, r.status());
        assertEquals("application/vnd.mapbox-vector-tile", r.contentType());
        List<MvtReader.Layer> layers = MvtReader.decode(body(r));
        assertEquals(1, layers.size());
        MvtReader.Layer l = layers.get(0);
        assertEquals("sites", l.name());
        assertEquals(2, l.version());
        assertEquals(4096, l.extent());
        assertEquals(2, l.features().size());
        MvtReader.TileFeature f = l.features().get(0);
        assertEquals(1, f.id());
        assertEquals(1, f.type());
        assertEquals("示意站点", f.properties().get("name_zh"));
        assertEquals("近期", f.properties().get("phase"));
        assertEquals(1.25, f.properties().get("area_km2"));
        assertEquals(3L, f.properties().get("count"));
        assertEquals(true, f.properties().get("schematic"));
        assertTrue(!l.features().get(1).properties().containsKey("area_km2"), "null values are left out");
        for (MvtReader.TileFeature tf : l.features()) {
            long[] v = tf.vertices().get(0);
            assertTrue(v[0] >= 0 && v[0] < 4096 && v[1] >= 0 && v[1] < 4096,
                    "point inside the tile: " + v[0] + "," + v[1]);
        }
    }

    @Test
    void groupTileHasOneLayerPerMemberAndPolygonsAreClippedWithTheBuffer() throws Exception {
        long[] t = mercatorTile(113.75, 40.1, 12);
        OwsResponse r = get("/vtiles/plan/WebMercatorQuad/12/" + t[0] + "/" + t[1] + ".mvt", null);
        List<MvtReader.Layer> layers = MvtReader.decode(body(r));
        assertEquals(List.of("zones", "sites"), layers.stream().map(MvtReader.Layer::name).toList());
        MvtReader.TileFeature zone = layers.get(0).features().get(0);
        assertEquals(3, zone.type());
        assertEquals(5, zone.id());
        assertEquals("Z1", zone.properties().get("zone_code"));
        for (long[] v : zone.vertices()) {
            assertTrue(v[0] >= -64 && v[0] <= 4160 && v[1] >= -64 && v[1] <= 4160,
                    "clipped to tile + buffer: " + v[0] + "," + v[1]);
        }
        // the tile lies inside the polygon, so the clip is the buffered square: exterior ring, clockwise (positive area)
        assertEquals(4, zone.vertices().size());
        assertTrue(zone.vertices().stream().anyMatch(v -> v[0] == -64 && v[1] == -64));
    }

    @Test
    void polygonWithHoleKeepsRingOrientation() throws Exception {
        OwsResponse r = get("/vtiles/zones/WebMercatorQuad/7/104/48.mvt", null);
        assertEquals(200, r.status());
        MvtReader.TileFeature zone = MvtReader.decode(body(r)).get(0).features().get(0);
        int[] g = zone.commands();
        int closes = 0;
        for (int i = 0; i < g.length;) {
            int cmd = g[i] & 7, count = g[i] >>> 3;
            i += 1 + (cmd == 7 ? 0 : 2 * count);
            if (cmd == 7) closes++;
        }
        assertEquals(2, closes, "exterior and interior ring");
        List<long[]> v = zone.vertices();
        assertTrue(area(v.subList(0, 4)) > 0, "exterior ring positive area");
        assertTrue(area(v.subList(4, 8)) < 0, "interior ring negative area");
    }

    private static double area(List<long[]> ring) {
        double a = 0;
        for (int i = 0; i < ring.size(); i++) {
            long[] p = ring.get(i), q = ring.get((i + 1) % ring.size());
            a += p[0] * q[1] - q[0] * p[1];
        }
        return a;
    }

    @Test
    void cgcs2000GridTileCoversTheCounty() throws Exception {
        // CGCS2000Quad level 10: 1024 × 512 tiles of 360/1024 degrees from (-180, 90)
        double s = 360.0 / 1024;
        long x = (long) ((113.75 + 180) / s), y = (long) ((90 - 40.1) / s);
        OwsResponse r = get("/vtiles/sites/CGCS2000Quad/10/" + x + "/" + y + ".mvt", null);
        assertEquals(200, r.status());
        MvtReader.TileFeature f = MvtReader.decode(body(r)).get(0).features().get(0);
        long[] v = f.vertices().get(0);
        assertEquals(Math.round((113.75 - (-180 + x * s)) / s * 4096), v[0]);
        assertEquals(Math.round(((90 - y * s) - 40.1) / s * 4096), v[1]);
    }

    @Test
    void emptyTileIs204AndOutsideTheGridIs404() {
        assertEquals(204, get("/vtiles/sites/WebMercatorQuad/3/0/0.mvt", null).status());
        assertEquals(404, get("/vtiles/sites/WebMercatorQuad/3/8/0.mvt", null).status());
        assertEquals(404, get("/vtiles/nope/WebMercatorQuad/3/0/0.mvt", null).status());
        assertEquals(404, get("/vtiles/sites/NoSuchSet/3/0/0.mvt", null).status());
        assertEquals(404, get("/vtiles/sites/WebMercatorQuad/3/0/0.png", null).status());
    }

    @Test
    void headBuildsNoTile() throws Exception {
        long[] t = mercatorTile(113.75, 40.1, 12);
        String path = "/vtiles/sites/WebMercatorQuad/12/" + t[0] + "/" + t[1] + ".mvt";
        int reads = sites.queries();
        OwsResponse head = endpoint.handle(new OwsRequest("HEAD", path, KvpMap.empty(), null, null, "http://test",
                Map.of()).inWorkspace("test"));
        assertEquals(200, head.status());
        assertEquals(VectorTileEndpoint.MVT, head.contentType());
        assertEquals(reads, sites.queries(), "a HEAD builds no tile");
        OwsResponse got = get(path, null);
        assertEquals(head.headers().get("ETag"), got.headers().get("ETag"), "the same ETag as the GET");
        assertTrue(sites.queries() > reads, "a GET builds it");
    }

    @Test
    void etagRevalidatesAndChangesWithTheDataVersion() throws Exception {
        long[] t = mercatorTile(113.75, 40.1, 12);
        String path = "/vtiles/sites/WebMercatorQuad/12/" + t[0] + "/" + t[1] + ".mvt";
        OwsResponse first = get(path, null);
        String etag = first.headers().get("ETag");
        assertTrue(etag != null && etag.startsWith("\""));
        assertTrue(first.headers().get("Cache-Control").contains("max-age"));
        assertEquals(304, get(path, etag).status());
        int reads = sites.queries();
        get(path, null);
        assertEquals(reads, sites.queries(), "served from the memory cache");
        sites.setVersion("v2");
        OwsResponse after = get(path, etag);
        assertEquals(200, after.status(), "a reload invalidates the client's copy");
        assertNotEquals(etag, after.headers().get("ETag"));
        assertEquals(reads + 1, sites.queries(), "a reload is never answered from the cache");
    }

    @Test
    void tileJsonDescribesLayersAndTemplate() throws Exception {
        OwsResponse r = get("/vtiles/plan/WebMercatorQuad/tilejson.json", null);
        assertEquals(200, r.status());
        JsonNode j = new ObjectMapper().readTree(body(r));
        assertEquals("3.0.0", j.get("tilejson").asText());
        assertEquals("http://test/test/vtiles/plan/WebMercatorQuad/{z}/{x}/{y}.mvt", j.get("tiles").get(0).asText());
        assertEquals(2, j.get("vector_layers").size());
        assertEquals("String", j.get("vector_layers").get(1).get("fields").get("name_zh").asText());
        assertEquals(113.5, j.get("bounds").get(0).asDouble(), 1e-9);
        assertEquals(40.4, j.get("bounds").get(3).asDouble(), 1e-9);
    }

    @Test
    void globalTileJsonQualifiesTheLayerName() throws Exception {
        OwsResponse r = send("/vtiles/test:plan/WebMercatorQuad/tilejson.json", null, null);
        assertEquals(200, r.status());
        JsonNode j = new ObjectMapper().readTree(body(r));
        assertEquals("http://test/vtiles/test:plan/WebMercatorQuad/{z}/{x}/{y}.mvt", j.get("tiles").get(0).asText());
        assertEquals(404, send("/vtiles/other:plan/WebMercatorQuad/tilejson.json", null, null).status());
    }
}
