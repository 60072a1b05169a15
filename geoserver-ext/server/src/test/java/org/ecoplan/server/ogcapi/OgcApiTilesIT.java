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
        assertEquals("restoration_zones", json(rel(global.path("links"), "alternate")).path("vector_layers").get(0)
                .path("id").asText());
        JsonNode conf = json(api() + "/conformance");
        assertTrue(conf.toString().contains("ogcapi-tiles-1/1.0/conf/core"));
        assertTrue(conf.toString().contains("ogcapi-tiles-1/1.0/conf/mvt"));
    }
}
