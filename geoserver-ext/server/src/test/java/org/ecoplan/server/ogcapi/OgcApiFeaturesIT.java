package org.ecoplan.server.ogcapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.Test;

/**
 * OGC API – Features Part 1 Core and Part 2 CRS at the plan's workspace ({@code /yanggao/ogcapi})
 * and for every workspace ({@code /ogcapi}): the resources, their links and media types, paging,
 * the query parameters, the CRSs with their axis order, HTML, and errors as problem+json.
 */
class OgcApiFeaturesIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String api() { return ServerFixture.planUrl() + "/ogcapi"; }

    private static JsonNode json(Response r) throws Exception {
        return JSON.readTree(r.asByteArray());
    }

    private static Response get(String path) {
        return given().urlEncodingEnabled(false).get(api() + path);
    }

    private static String rel(JsonNode links, String rel, String type) {
        for (JsonNode l : links) {
            if (l.path("rel").asText().equals(rel) && (type == null || l.path("type").asText().equals(type))) {
                return l.path("href").asText();
            }
        }
        return null;
    }

    private static long wfsHits(String layer) {
        Response r = given().get(ServerFixture.planUrl() + "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
                + "&TYPENAMES=yanggao:" + layer + "&RESULTTYPE=hits");
        return Long.parseLong(r.xmlPath().getString("FeatureCollection.@numberMatched"));
    }

    @Test
    void landingPageLinksTheApiItsConformanceAndItsData() throws Exception {
        Response r = get("");
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.contentType());
        JsonNode links = json(r).path("links");
        assertTrue(rel(links, "service-desc", "application/vnd.oai.openapi+json;version=3.0").endsWith("/api?f=json"));
        assertNotNull(rel(links, "service-doc", "text/html"));
        assertNotNull(rel(links, "conformance", null));
        assertNotNull(rel(links, "data", null));
        assertNotNull(rel(links, "self", "application/json"));
        // a browser's Accept header gets the HTML page
        Response html = given().header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").get(api());
        assertTrue(html.contentType().startsWith("text/html"), html.contentType());
        assertTrue(html.asString().contains("接口定义"), "bilingual");
        // the server's own landing page leads a department's analyst here
        assertTrue(given().get(ServerFixture.planUrl() + "/").asString().contains(api() + "?f=html"));
        JsonNode conf = json(get("/conformance")).path("conformsTo");
        Set<String> classes = new HashSet<>();
        conf.forEach(c -> classes.add(c.asText()));
        for (String c : List.of("ogcapi-features-1/1.0/conf/core", "ogcapi-features-1/1.0/conf/geojson",
                "ogcapi-features-1/1.0/conf/html", "ogcapi-features-1/1.0/conf/oas30",
                "ogcapi-features-2/1.0/conf/crs")) {
            assertTrue(classes.contains("http://www.opengis.net/spec/" + c), c);
        }
    }

    @Test
    void everyPlanLayerIsACollectionWithItsExtentCrsAndLinks() throws Exception {
        JsonNode doc = json(get("/collections"));
        List<LayerConfig> layers = ServerFixture.plan().layers();
        assertEquals(layers.size(), doc.path("collections").size());
        for (JsonNode c : doc.path("collections")) {
            String id = c.path("id").asText();
            LayerConfig layer = layers.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
            if (!layer.featureType().hasGeometry()) {
                // the plan's targets and measures have no geometry: no storage CRS, nothing to transform
                assertFalse(c.has("storageCrs"), id);
                assertEquals("[\"http://www.opengis.net/def/crs/OGC/1.3/CRS84\"]", c.path("crs").toString(), id);
                assertNotNull(rel(c.path("links"), "items", "application/geo+json"), id);
                continue;
            }
            assertEquals("http://www.opengis.net/def/crs/OGC/1.3/CRS84", c.path("crs").get(0).asText(), id);
            List<String> crs = new ArrayList<>();
            c.path("crs").forEach(x -> crs.add(x.asText()));
            assertTrue(crs.contains("http://www.opengis.net/def/crs/EPSG/0/4490"), id);
            assertTrue(crs.contains("http://www.opengis.net/def/crs/EPSG/0/4547"), id);
            assertNotNull(rel(c.path("links"), "items", "application/geo+json"), id);
            JsonNode one = json(get("/collections/" + id));
            assertEquals(id, one.path("id").asText());
            if (c.has("extent")) {
                JsonNode bbox = c.path("extent").path("spatial").path("bbox").get(0);
                // Yanggao lies at about 113.5–114.1 E, 40.1–40.5 N
                assertTrue(bbox.get(0).asDouble() > 113 && bbox.get(2).asDouble() < 115, id + " " + bbox);
                assertTrue(bbox.get(1).asDouble() > 39.5 && bbox.get(3).asDouble() < 41, id + " " + bbox);
                assertEquals("http://www.opengis.net/def/crs/EPSG/0/4490", c.path("storageCrs").asText(), id);
            }
            // 规划期 2021—2035年: the plan period as the temporal extent
            JsonNode interval = c.path("extent").path("temporal").path("interval").get(0);
            assertEquals("2021-01-01T00:00:00Z", interval.get(0).asText(), id);
            assertEquals("2035-12-31T23:59:59Z", interval.get(1).asText(), id);
        }
    }

    @Test
    void pagingWithNextLinksVisitsEveryFeatureOnce() throws Exception {
        long total = wfsHits("restoration_zones");
        String next = api() + "/collections/restoration_zones/items?limit=2";
        Set<String> ids = new HashSet<>();
        int pages = 0;
        while (next != null) {
            Response r = given().urlEncodingEnabled(false).get(next);
            assertEquals(200, r.statusCode(), r.asString());
            assertEquals("application/geo+json", r.contentType());
            assertEquals("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>", r.header("Content-Crs"));
            JsonNode page = json(r);
            assertEquals(total, page.path("numberMatched").asLong());
            assertEquals(page.path("features").size(), page.path("numberReturned").asInt());
            assertTrue(page.path("timeStamp").asText().endsWith("Z"));
            for (JsonNode f : page.path("features")) assertTrue(ids.add(f.path("id").asText()), "seen twice");
            next = rel(page.path("links"), "next", "application/geo+json");
            assertTrue(++pages <= total, "paging does not end");
        }
        assertEquals(total, ids.size());
    }

    @Test
    void limitIsBoundedAndBadParametersAreProblems() throws Exception {
        JsonNode big = json(get("/collections/townships/items?limit=99999999"));
        assertEquals(big.path("numberMatched").asInt(), big.path("numberReturned").asInt(), "the maximum applies");
        for (String[] bad : new String[][]{{"limit=0", "limit"}, {"limit=x", "limit"}, {"offset=-1", "offset"},
                {"bbox=1,2,3", "bbox"}, {"bbox=1,2,x,4", "bbox"}, {"bbox=113,41,114,40", "bbox"},
                {"crs=http://www.opengis.net/def/crs/EPSG/0/2000", "crs"}, {"bbox-crs=EPSG:99999", "bbox-crs"},
                {"datetime=2021-13-01", "datetime"}, {"datetime=../..", "datetime"}, {"unknown=1", "unknown"},
                {"f=xml", "f"}, {"name_zh=%27%20OR%201=1", null}}) {
            Response r = get("/collections/townships/items?" + bad[0]);
            if (bad[1] == null) {
                // an injection literal is a value like any other: it matches nothing
                assertEquals(200, r.statusCode(), bad[0]);
                assertEquals(0, json(r).path("numberMatched").asInt(), bad[0]);
                continue;
            }
            assertEquals(400, r.statusCode(), bad[0] + " " + r.asString());
            assertEquals("application/problem+json", r.contentType(), bad[0]);
            JsonNode p = json(r);
            assertEquals(400, p.path("status").asInt());
            assertEquals(bad[1], p.path("parameter").asText(), bad[0]);
        }
        Response missing = get("/collections/no_such_layer/items");
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.contentType());
        assertEquals(404, get("/collections/townships/items/townships.999999").statusCode());
    }

    @Test
    void crsAndBboxCrsFollowEachCrsAxisOrder() throws Exception {
        JsonNode lonLat = json(get("/collections/townships/items/townships.1"));
        JsonNode p = lonLat.path("geometry").path("coordinates");
        double lon = p.get(0).asDouble();
        double lat = p.get(1).asDouble();
        assertTrue(lon > 113 && lon < 115 && lat > 39 && lat < 41, p.toString());
        Response r = get("/collections/townships/items/townships.1?crs=http://www.opengis.net/def/crs/EPSG/0/4490");
        assertEquals("<http://www.opengis.net/def/crs/EPSG/0/4490>", r.header("Content-Crs"));
        JsonNode latLon = json(r).path("geometry").path("coordinates");
        assertEquals(lat, latLon.get(0).asDouble(), 1e-6, "EPSG:4490 is latitude first");
        assertEquals(lon, latLon.get(1).asDouble(), 1e-6);
        JsonNode gk = json(
                get("/collections/townships/items/townships.1?crs=http://www.opengis.net/def/crs/EPSG/0/4547"))
                .path("geometry").path("coordinates");
        assertTrue(gk.get(0).asDouble() > 4_000_000, "EPSG:4547 is northing first: " + gk);
        // the same box in CRS84 (lon/lat) and in EPSG:4326 (lat/lon) selects the same features
        String box = (lon - 0.01) + "," + (lat - 0.01) + "," + (lon + 0.01) + "," + (lat + 0.01);
        String swapped = (lat - 0.01) + "," + (lon - 0.01) + "," + (lat + 0.01) + "," + (lon + 0.01);
        JsonNode a = json(get("/collections/townships/items?bbox=" + box));
        JsonNode b = json(get("/collections/townships/items?bbox=" + swapped
                + "&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326"));
        assertTrue(a.path("numberMatched").asInt() >= 1);
        assertEquals(a.path("numberMatched").asInt(), b.path("numberMatched").asInt());
        assertTrue(a.path("numberMatched").asInt() < wfsHits("townships"), "the box selects");
    }

    @Test
    void bboxSelectsByGeometryNotByEnvelope() throws Exception {
        JsonNode river = json(get("/collections/rivers/items?limit=1"));
        org.locationtech.jts.geom.Geometry line = lines(river.path("features").get(0).path("geometry"));
        org.locationtech.jts.geom.Envelope e = line.getEnvelopeInternal();
        // a small box inside the river's envelope that its line does not touch
        double size = Math.min(e.getWidth(), e.getHeight()) / 20;
        org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
        org.locationtech.jts.geom.Envelope off = null;
        for (int i = 1; i < 19 && off == null; i++) {
            for (int j = 1; j < 19 && off == null; j++) {
                org.locationtech.jts.geom.Envelope b = new org.locationtech.jts.geom.Envelope(
                        e.getMinX() + i * e.getWidth() / 20, e.getMinX() + i * e.getWidth() / 20 + size,
                        e.getMinY() + j * e.getHeight() / 20, e.getMinY() + j * e.getHeight() / 20 + size);
                if (!gf.toGeometry(b).buffer(size).intersects(line)) off = b;
            }
        }
        assertNotNull(off, "a box near the river but off it");
        String box = off.getMinX() + "," + off.getMinY() + "," + off.getMaxX() + "," + off.getMaxY();
        assertEquals(0, json(get("/collections/rivers/items?bbox=" + box)).path("numberMatched").asInt(),
                "inside the envelope, off the line: " + box);
        org.locationtech.jts.geom.Coordinate on = line.getCoordinates()[line.getNumPoints() / 2];
        String touching = (on.x - size) + "," + (on.y - size) + "," + (on.x + size) + "," + (on.y + size);
        assertEquals(1, json(get("/collections/rivers/items?bbox=" + touching)).path("numberMatched").asInt());
        for (String bad : List.of("113,95,114,100", "-200,40,114,41")) {
            Response r = get("/collections/rivers/items?bbox=" + bad);
            assertEquals(400, r.statusCode(), bad);
            assertEquals("bbox", json(r).path("parameter").asText());
        }
    }

    /** A GeoJSON (Multi)LineString as JTS. */
    private static org.locationtech.jts.geom.Geometry lines(JsonNode geometry) {
        org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
        JsonNode parts = geometry.path("type").asText().equals("LineString")
                ? JSON.createArrayNode().add(geometry.path("coordinates"))
                : geometry.path("coordinates");
        List<org.locationtech.jts.geom.LineString> out = new ArrayList<>();
        for (JsonNode part : parts) {
            List<org.locationtech.jts.geom.Coordinate> cs = new ArrayList<>();
            for (JsonNode p : part)
                cs.add(new org.locationtech.jts.geom.Coordinate(p.get(0).asDouble(), p.get(1).asDouble()));
            out.add(gf.createLineString(cs.toArray(org.locationtech.jts.geom.Coordinate[]::new)));
        }
        return gf.createMultiLineString(out.toArray(org.locationtech.jts.geom.LineString[]::new));
    }

    @Test
    void datetimeMeetsThePlanPeriod() throws Exception {
        long all = wfsHits("townships");
        // the collections carry no dates of their own: the plan period (2021—2035) is their time
        for (String[] c : new String[][]{{"1990-01-01", "0"}, {"2025-06-01", "all"}, {"2000-01-01/2020-12-31", "0"},
                {"2020-01-01/2021-01-01", "all"}, {"2035-12-31T20:00:00-08:00", "0"}, {"../2021-01-01", "all"},
                {"2036-01-01/..", "0"}}) {
            JsonNode r = json(get("/collections/townships/items?datetime=" + c[0].replace("+", "%2B")));
            assertEquals(c[1].equals("all") ? all : 0, r.path("numberMatched").asLong(), c[0]);
        }
    }

    @Test
    void answersNameWhatTheyVaryByAndExposeTheirCrs() throws Exception {
        Response r = get("/collections/townships/items?limit=1");
        assertEquals("Accept", r.header("Vary"));
        assertEquals("Content-Crs", r.header("Access-Control-Expose-Headers"));
        // past the end, the previous page is the last one with features
        JsonNode past = json(get("/collections/townships/items?limit=5&offset=100"));
        long matched = past.path("numberMatched").asLong();
        assertEquals(0, past.path("numberReturned").asInt());
        String prev = rel(past.path("links"), "prev", null);
        assertTrue(prev.contains("offset=" + (matched - 5)), prev);
    }

    @Test
    void queryablesFilterByEquality() throws Exception {
        JsonNode q = json(get("/collections/townships/queryables"));
        assertEquals("object", q.path("type").asText());
        assertTrue(q.path("properties").has("name_zh"), q.toString());
        String name = json(get("/collections/townships/items/townships.1")).path("properties").path("name_zh").asText();
        JsonNode hit = json(given().queryParam("name_zh", name).get(api() + "/collections/townships/items"));
        assertEquals(1, hit.path("numberMatched").asInt());
        assertEquals("townships.1", hit.path("features").get(0).path("id").asText());
    }

    private static JsonNode filtered(String layer, String... kv) throws Exception {
        var req = given();
        for (int i = 0; i < kv.length; i += 2) req = req.queryParam(kv[i], kv[i + 1]);
        Response r = req.get(api() + "/collections/" + layer + "/items");
        assertEquals(200, r.statusCode(), r.asString());
        return json(r);
    }

    @Test
    void cql2TextAndJsonFiltersSelectInTheStore() throws Exception {
        JsonNode one = json(get("/collections/townships/items/townships.1"));
        String name = one.path("properties").path("name_zh").asText();
        double lon = one.path("geometry").path("coordinates").get(0).asDouble();
        double lat = one.path("geometry").path("coordinates").get(1).asDouble();
        long total = wfsHits("townships");
        assertEquals(1, filtered("townships", "filter", "name_zh = '" + name + "'").path("numberMatched").asLong());
        assertEquals(1, filtered("townships", "filter", "{\"op\":\"=\",\"args\":[{\"property\":\"name_zh\"},\""
                + name + "\"]}", "filter-lang", "cql2-json").path("numberMatched").asLong());
        assertEquals(total - 1, filtered("townships", "filter", "NOT name_zh = '" + name + "'").path("numberMatched")
                .asLong());
        String box = (lon - 0.001) + "," + (lat - 0.001) + "," + (lon + 0.001) + "," + (lat + 0.001);
        JsonNode spatial = filtered("townships", "filter", "S_INTERSECTS(geom, BBOX(" + box + "))");
        assertTrue(spatial.path("numberMatched").asLong() >= 1 && spatial.path("numberMatched").asLong() < total);
        String latLon = (lat - 0.001) + "," + (lon - 0.001) + "," + (lat + 0.001) + "," + (lon + 0.001);
        assertEquals(spatial.path("numberMatched").asLong(), filtered("townships", "filter",
                "S_INTERSECTS(geom, BBOX(" + latLon + "))", "filter-crs", "http://www.opengis.net/def/crs/EPSG/0/4326")
                .path("numberMatched").asLong(), "EPSG:4326 literals are latitude first");
        // the filter combines with the other parameters, and its literal stays a literal
        assertEquals(0, filtered("townships", "filter", "name_zh = 'x'' OR ''1''=''1'", "limit", "3")
                .path("numberMatched").asLong());
        for (String[] bad : new String[][]{{"filter", "nope = 1"}, {"filter", "name_zh ="},
                {"filter-lang", "cql-text"}, {"filter-crs", "http://www.opengis.net/def/crs/EPSG/0/2000"}}) {
            Response r = given().queryParam(bad[0], bad[1]).queryParam("filter", bad[0].equals("filter")
                    ? bad[1]
                    : "name_zh = 'x'").get(api() + "/collections/townships/items");
            assertEquals(400, r.statusCode(), String.join("=", bad));
            assertEquals("application/problem+json", r.contentType());
            assertEquals(bad[0], json(r).path("parameter").asText(), String.join("=", bad));
        }
        JsonNode conf = json(get("/conformance")).path("conformsTo");
        assertTrue(conf.toString().contains("ogcapi-features-3/1.0/conf/filter"), conf.toString());
        assertTrue(conf.toString().contains("cql2/1.0/conf/cql2-text"), conf.toString());
        assertFalse(conf.toString().contains("accent-insensitive"), "not implemented, not declared");
    }

    @Test
    void htmlPagesShowTheDataAndASmallMap() throws Exception {
        Response items = get("/collections/townships/items?f=html&limit=3");
        assertEquals(200, items.statusCode());
        assertTrue(items.contentType().startsWith("text/html"));
        String page = items.asString();
        assertTrue(page.contains("townships.1"), "the features are listed");
        int img = page.indexOf("<img class=\"map\" src=\"");
        assertTrue(img > 0, "a map");
        String src = page.substring(img + 22, page.indexOf('"', img + 22)).replace("&amp;", "&");
        Response map = given().urlEncodingEnabled(false).get(src);
        assertEquals(200, map.statusCode(), src);
        assertEquals("image/png", map.contentType());
        for (String path : List.of("", "/conformance", "/api", "/collections", "/collections/townships",
                "/collections/townships/queryables", "/collections/townships/items/townships.1")) {
            Response r = get(path + "?f=html");
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.asString().startsWith("<!DOCTYPE html>"), path);
        }
        Response head = given().urlEncodingEnabled(false).head(api() + "/collections/townships/items");
        assertEquals(200, head.statusCode());
        assertEquals("", head.asString());
    }

    @Test
    void theGlobalApiNamesCollectionsByWorkspace() throws Exception {
        String global = ServerFixture.baseUrl() + "/ogcapi";
        JsonNode doc = JSON.readTree(given().get(global + "/collections").asByteArray());
        Set<String> ids = new HashSet<>();
        doc.path("collections").forEach(c -> ids.add(c.path("id").asText()));
        assertTrue(ids.contains("yanggao:townships"), ids.toString());
        assertTrue(ids.contains("demo:project_sites"), ids.toString());
        assertFalse(ids.contains("townships"));
        Response item = given().urlEncodingEnabled(false)
                .get(global + "/collections/yanggao:townships/items/townships.1");
        assertEquals(200, item.statusCode(), item.asString());
        Response encoded = given().urlEncodingEnabled(false)
                .get(global + "/collections/yanggao%3Atownships/items?limit=1");
        assertEquals(200, encoded.statusCode(), encoded.asString());
    }
}
