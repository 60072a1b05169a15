package org.ecoplan.server.ogcapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.ecoplan.server.ServerFixture;
import org.ecoplan.vectortiles.MvtReader;
import org.junit.jupiter.api.Test;

/**
 * OGC API – Tiles (OGC 20-057) over the tile endpoints: the tile matrix sets as OGC 17-083r4 JSON,
 * a collection's vector and map tilesets with their limits and templated tile link, and tiles that
 * are byte for byte the vector-tile and XYZ endpoints' tiles (column and row in their places).
 */
class OgcApiTilesIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String api() { return ServerFixture.planUrl() + "/ogcapi"; }

    private static JsonNode json(String url) throws Exception {
        Response r = given().urlEncodingEnabled(false).get(url);
        assertEquals(200, r.statusCode(), url + " " + r.asString());
        return JSON.readTree(r.asByteArray());
    }

    private static String rel(JsonNode links, String rel) {
        for (JsonNode l : links) if (l.path("rel").asText().equals(rel)) return l.path("href").asText();
        return null;
    }

    /** The TileJSON of a tileset: its alternate in JSON (its other alternate is the HTML page). */
    private static String tileJson(JsonNode links) {
        for (JsonNode l : links) {
            if (l.path("rel").asText().equals("alternate") && l.path("type").asText().equals("application/json"))
                return l.path("href").asText();
        }
        return null;
    }

    @Test
    void tileMatrixSetsAreDescribedInTheirCrsAxisOrder() throws Exception {
        JsonNode list = json(api() + "/tileMatrixSets");
        List<String> ids = new ArrayList<>();
        list.path("tileMatrixSets").forEach(t -> ids.add(t.path("id").asText()));
        assertEquals(List.of("WebMercatorQuad", "WorldCRS84Quad", "CGCS2000Quad"), ids);
        JsonNode mercator = json(api() + "/tileMatrixSets/WebMercatorQuad");
        assertEquals("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad", mercator.path("uri").asText());
        assertEquals("http://www.opengis.net/def/crs/EPSG/0/3857", mercator.path("crs").asText());
        JsonNode z0 = mercator.path("tileMatrices").get(0);
        assertEquals(1, z0.path("matrixWidth").asInt());
        assertEquals(-20037508.342789244, z0.path("pointOfOrigin").get(0).asDouble(), 1e-6);
        assertEquals(559082264.0287178, z0.path("scaleDenominator").asDouble(), 1e-3);
        JsonNode cgcs = json(api() + "/tileMatrixSets/CGCS2000Quad");
        assertEquals("http://www.opengis.net/def/crs/EPSG/0/4490", cgcs.path("crs").asText());
        assertEquals("[\"Lat\",\"Lon\"]", cgcs.path("orderedAxes").toString());
        // EPSG:4490 is latitude first: the top-left corner is (90 N, 180 W)
        assertEquals(90.0, cgcs.path("tileMatrices").get(0).path("pointOfOrigin").get(0).asDouble());
        assertEquals(-180.0, cgcs.path("tileMatrices").get(0).path("pointOfOrigin").get(1).asDouble());
        assertEquals(404, given().get(api() + "/tileMatrixSets/NoSuchSet").statusCode());
    }

    @Test
    void aCollectionsTilesAreTheTileEndpointsTiles() throws Exception {
        JsonNode collection = json(api() + "/collections/restoration_zones");
        String vector = rel(collection.path("links"), "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector");
        String map = rel(collection.path("links"), "http://www.opengis.net/def/rel/ogc/1.0/tilesets-map");
        assertNotNull(vector);
        assertNotNull(map);
        JsonNode sets = json(vector);
        assertEquals(3, sets.path("tilesets").size());
        JsonNode tileset = json(api() + "/collections/restoration_zones/tiles/WebMercatorQuad");
        assertEquals("vector", tileset.path("dataType").asText());
        assertEquals("restoration_zones", tileset.path("layers").get(0).path("id").asText());
        assertEquals(2, tileset.path("layers").get(0).path("geometryDimension").asInt());
        JsonNode limit = null;
        for (JsonNode l : tileset.path("tileMatrixSetLimits"))
            if (l.path("tileMatrix").asText().equals("10")) limit = l;
        assertNotNull(limit, "the county has tiles at level 10");
        String template = rel(tileset.path("links"), "item");
        assertTrue(template.endsWith("/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}"), template);
        long row = (limit.path("minTileRow").asLong() + limit.path("maxTileRow").asLong()) / 2;
        long col = (limit.path("minTileCol").asLong() + limit.path("maxTileCol").asLong()) / 2;
        String tile = template.replace("{tileMatrix}", "10").replace("{tileRow}", Long.toString(row))
                .replace("{tileCol}", Long.toString(col));
        Response mvt = given().urlEncodingEnabled(false).get(tile);
        assertEquals(200, mvt.statusCode());
        assertEquals("application/vnd.mapbox-vector-tile", mvt.contentType());
        byte[] direct = given()
                .get(ServerFixture.planUrl() + "/vtiles/restoration_zones/WebMercatorQuad/10/" + col + "/"
                        + row + ".mvt")
                .asByteArray();
        assertArrayEquals(direct, mvt.asByteArray(), "the /vtiles tile, column and row in their places");

        Response png = given().get(api() + "/collections/restoration_zones/map/tiles/WebMercatorQuad/10/" + row + "/"
                + col);
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.contentType());
        assertArrayEquals(given().get(ServerFixture.planUrl() + "/tiles/restoration_zones/WebMercatorQuad/10/" + col
                + "/" + row + ".png").asByteArray(), png.asByteArray());
        assertEquals("map", json(api() + "/collections/restoration_zones/map/tiles/CGCS2000Quad").path("dataType")
                .asText());
    }

    @Test
    void tileErrorsAreProblems() throws Exception {
        String base = api() + "/collections/restoration_zones/tiles/WebMercatorQuad/";
        // a tile of the world far from the county has no features
        assertEquals(204, given().get(base + "10/0/0").statusCode());
        for (String[] c : new String[][]{{"10/5000/0", "404"}, {"99/0/0", "404"}, {"10/x/0", "400"}}) {
            Response r = given().get(base + c[0]);
            assertEquals(Integer.parseInt(c[1]), r.statusCode(), c[0]);
            assertEquals("application/problem+json", r.contentType(), c[0]);
        }
        assertEquals(404, given().get(api() + "/collections/plan_targets/tiles").statusCode(), "no geometry, no tiles");
        JsonNode global = json(
                ServerFixture.baseUrl() + "/ogcapi/collections/yanggao:restoration_zones/tiles/WebMercatorQuad");
        assertTrue(rel(global.path("links"), "item").contains("/ogcapi/collections/yanggao%3Arestoration_zones/tiles/"),
                global.toString());
        // the TileJSON of a qualified layer is reachable as linked
        assertEquals("restoration_zones", json(tileJson(global.path("links"))).path("vector_layers").get(0)
                .path("id").asText());
        JsonNode conf = json(api() + "/conformance");
        assertTrue(conf.toString().contains("ogcapi-tiles-1/1.0/conf/core"));
        assertTrue(conf.toString().contains("ogcapi-tiles-1/1.0/conf/mvt"));
    }

    /** The middle tile of a tileset at a level, as {row, col}, from its limits. */
    private static long[] middle(JsonNode tileset, String matrix) {
        for (JsonNode l : tileset.path("tileMatrixSetLimits")) {
            if (l.path("tileMatrix").asText().equals(matrix)) {
                return new long[]{(l.path("minTileRow").asLong() + l.path("maxTileRow").asLong()) / 2,
                        (l.path("minTileCol").asLong() + l.path("maxTileCol").asLong()) / 2};
            }
        }
        throw new AssertionError("no limits at level " + matrix + " in " + tileset);
    }

    private static String tileUrl(JsonNode tileset, String matrix, long[] rowCol) {
        return rel(tileset.path("links"), "item").replace("{tileMatrix}", matrix)
                .replace("{tileRow}", Long.toString(rowCol[0])).replace("{tileCol}", Long.toString(rowCol[1]));
    }

    @Test
    void eachLayerGroupHasDatasetTilesetsThatAreItsTiles() throws Exception {
        JsonNode landing = json(api());
        String maps = rel(landing.path("links"), "http://www.opengis.net/def/rel/ogc/1.0/tilesets-map");
        String vectors = rel(landing.path("links"), "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector");
        assertEquals(api() + "/map/tiles?f=json", maps);
        assertEquals(api() + "/tiles?f=json", vectors);
        JsonNode conf = json(api() + "/conformance");
        assertTrue(conf.toString().contains("ogcapi-tiles-1/1.0/conf/dataset-tilesets"), conf.toString());
        assertTrue(conf.toString().contains("ogcapi-tiles-1/1.0/conf/collections-selection"), conf.toString());

        // the whole dataset and the plan's five figures (layer groups), in each of the 3 tile matrix sets
        JsonNode list = json(maps);
        assertEquals(3 * (1 + 5), list.path("tilesets").size(), list.toString());
        String zonesTileset = null;
        for (JsonNode t : list.path("tilesets")) {
            assertEquals("map", t.path("dataType").asText());
            String self = rel(t.path("links"), "self");
            if (self.contains("/WebMercatorQuad?") && self.endsWith("&collections=plan_zones")) {
                zonesTileset = self;
                assertTrue(t.path("title").asText().startsWith("生态修复分区"), t.toString());
            }
        }
        assertNotNull(zonesTileset, list.toString());
        JsonNode zones = json(zonesTileset);
        String template = rel(zones.path("links"), "item");
        assertTrue(
                template.endsWith("/map/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}?collections=plan_zones"),
                template);
        long[] rc = middle(zones, "10");
        Response png = given().urlEncodingEnabled(false).get(tileUrl(zones, "10", rc));
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.contentType());
        assertArrayEquals(given().get(ServerFixture.planUrl() + "/tiles/plan_zones/WebMercatorQuad/10/" + rc[1] + "/"
                + rc[0] + ".png").asByteArray(), png.asByteArray(), "the group's own XYZ tile");
        // the TileJSON of the group is linked
        JsonNode tileJson = json(tileJson(zones.path("links")));
        assertTrue(tileJson.path("tiles").get(0).asText().contains("/tiles/plan_zones/WebMercatorQuad/"),
                tileJson.toString());

        // vector tiles of a group carry each member's layer
        JsonNode vectorZones = json(api() + "/tiles/WebMercatorQuad?collections=plan_zones");
        List<String> ids = new ArrayList<>();
        vectorZones.path("layers").forEach(l -> ids.add(l.path("id").asText()));
        assertEquals(List.of("county_boundary", "restoration_zones", "rivers", "townships"), ids);
        Response mvt = given().urlEncodingEnabled(false).get(tileUrl(vectorZones, "10", middle(vectorZones, "10")));
        assertEquals(200, mvt.statusCode());
        List<String> names = MvtReader.decode(mvt.asByteArray()).stream().map(MvtReader.Layer::name).toList();
        assertTrue(names.containsAll(List.of("county_boundary", "restoration_zones")), names.toString());
        assertTrue(ids.containsAll(names), names.toString());
    }

    @Test
    void collectionsSelectsWhatADatasetTileDrawsInTheOrderNamed() throws Exception {
        // two collections, one by identifier and one by URL
        String rivers = api() + "/collections/rivers";
        JsonNode two = json(api() + "/tiles/WebMercatorQuad?collections=restoration_zones,"
                + java.net.URLEncoder.encode(rivers, java.nio.charset.StandardCharsets.UTF_8));
        List<String> ids = new ArrayList<>();
        two.path("layers").forEach(l -> ids.add(l.path("id").asText()));
        assertEquals(List.of("restoration_zones", "rivers"), ids);
        long[] rc = middle(two, "10");
        Response mvt = given().urlEncodingEnabled(false).get(tileUrl(two, "10", rc));
        assertEquals(200, mvt.statusCode(), mvt.asString());
        List<String> names = MvtReader.decode(mvt.asByteArray()).stream().map(MvtReader.Layer::name).toList();
        assertTrue(names.contains("restoration_zones") && !names.contains("townships"), names.toString());

        // bottom to top: the map of "zones, then boundary" is not the map of "boundary, then zones"
        String base = api() + "/map/tiles/WebMercatorQuad/10/" + rc[0] + "/" + rc[1] + "?collections=";
        byte[] a = given().urlEncodingEnabled(false).get(base + "restoration_zones,county_boundary").asByteArray();
        byte[] b = given().urlEncodingEnabled(false).get(base + "county_boundary,restoration_zones").asByteArray();
        assertEquals(200, given().urlEncodingEnabled(false).get(base + "restoration_zones,county_boundary")
                .statusCode());
        assertTrue(!java.util.Arrays.equals(a, b), "the order of collections is the drawing order");
        // the same list is a layer name of the XYZ endpoint (column before row), as WMS LAYERS
        assertArrayEquals(a, given().get(ServerFixture.planUrl() + "/tiles/restoration_zones,county_boundary/"
                + "WebMercatorQuad/10/" + rc[1] + "/" + rc[0] + ".png").asByteArray());
        assertEquals(404, given().get(ServerFixture.planUrl() + "/tiles/restoration_zones,restoration_zones/"
                + "WebMercatorQuad/10/" + rc[1] + "/" + rc[0] + ".png").statusCode());
        assertEquals(404, given().get(ServerFixture.planUrl() + "/tiles/restoration_zones,no_such_layer/"
                + "WebMercatorQuad/10/" + rc[1] + "/" + rc[0] + ".png").statusCode());

        // the whole dataset when nothing is selected
        JsonNode all = json(api() + "/map/tiles/WebMercatorQuad");
        Response whole = given().urlEncodingEnabled(false).get(tileUrl(all, "10", middle(all, "10")));
        assertEquals(200, whole.statusCode());
        assertEquals("image/png", whole.contentType());
    }

    /** Every tiles metadata document has its HTML page, linked from the JSON as its alternate. */
    @Test
    void tilesDocumentsHaveHtmlPages() throws Exception {
        for (String path : List.of("/tileMatrixSets", "/tileMatrixSets/CGCS2000Quad", "/map/tiles",
                "/tiles/WebMercatorQuad?collections=plan_zones", "/collections/restoration_zones/tiles",
                "/collections/restoration_zones/map/tiles/WorldCRS84Quad")) {
            String sep = path.contains("?") ? "&" : "?";
            Response page = given().urlEncodingEnabled(false).get(api() + path + sep + "f=html");
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.contentType().startsWith("text/html"), path + " " + page.contentType());
            assertTrue(page.asString().contains("<table>"), path);
            Response byAccept = given().urlEncodingEnabled(false).header("Accept", "text/html").get(api() + path);
            assertTrue(byAccept.contentType().startsWith("text/html"), path + " by Accept");
        }
        String list = given().get(api() + "/map/tiles?f=html").asString();
        assertTrue(
                list.contains("collections=plan_zones&amp;f=html")
                        || list.contains("f=html&amp;collections=plan_zones"),
                "a group's tileset is linked as a page");
        assertTrue(list.contains("生态修复分区"), "the group's title");
        JsonNode json = json(api() + "/collections/restoration_zones/map/tiles/WorldCRS84Quad");
        boolean html = false;
        for (JsonNode l : json.path("links"))
            html |= l.path("rel").asText().equals("alternate") && l.path("type").asText().equals("text/html");
        assertTrue(html, json.toString());
    }

    @Test
    void aBadSelectionIsAProblemNamingTheParameter() throws Exception {
        String[][] cases = {
                {"/map/tiles/WebMercatorQuad?collections=no_such_layer", "collections"},
                {"/map/tiles/WebMercatorQuad?collections=", "collections"},
                {"/map/tiles/WebMercatorQuad?collections=rivers,,townships", "collections"},
                // a list names each once: the same drawing under another name would be cached again
                {"/map/tiles/WebMercatorQuad?collections=rivers,townships,rivers", "collections"},
                // plan targets have no geometry: nothing to draw
                {"/tiles/WebMercatorQuad?collections=plan_targets", "collections"},
                {"/map/tiles/WebMercatorQuad/10/0/0?collections=%27%3B%20DROP%20TABLE%20x", "collections"},
                {"/map/tiles/WebMercatorQuad?layers=rivers", "layers"},
                {"/map/tiles/WebMercatorQuad/10/x/0", "tileRow"},
        };
        for (String[] c : cases) {
            Response r = given().urlEncodingEnabled(false).get(api() + c[0]);
            assertEquals(400, r.statusCode(), c[0] + " " + r.asString());
            assertEquals("application/problem+json", r.contentType(), c[0]);
            assertEquals(c[1], JSON.readTree(r.asByteArray()).path("parameter").asText(), c[0]);
        }
        assertEquals(404, given().get(api() + "/map/tiles/NoSuchSet").statusCode());
        assertEquals(404, given().get(api() + "/map/tiles/WebMercatorQuad/10/5000/0").statusCode());
    }
}
