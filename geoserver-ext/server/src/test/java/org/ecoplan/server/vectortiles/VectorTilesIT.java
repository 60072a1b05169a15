package org.ecoplan.server.vectortiles;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.ecoplan.server.ServerFixture;
import org.ecoplan.vectortiles.MvtReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Vector tiles over HTTP from the shipped plan data: content, caching headers, TileJSON, and GDAL's MVT driver. */
class VectorTilesIT {
    /** WebMercatorQuad 9/417/193 holds most of the county (113.55–114.3° E, 39.9–40.45° N). */
    private static final String TILE = "/vtiles/plan_projects/WebMercatorQuad/9/417/193.mvt";

    private static Response get(String path) {
        return given().baseUri(ServerFixture.planUrl()).when().get(path);
    }

    @Test
    void groupTileHasTheGroupLayersWithAttributes() {
        Response r = get(TILE);
        assertEquals(200, r.statusCode());
        assertEquals("application/vnd.mapbox-vector-tile", r.contentType());
        List<MvtReader.Layer> layers = MvtReader.decode(r.asByteArray());
        Set<String> names = layers.stream().map(MvtReader.Layer::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("county_boundary", "project_areas", "project_sites")), names.toString());
        MvtReader.Layer sites = layers.stream().filter(l -> l.name().equals("project_sites")).findFirst().orElseThrow();
        assertFalse(sites.features().isEmpty());
        for (MvtReader.TileFeature f : sites.features()) {
            assertEquals("未明确", f.properties().get("phase"), f.properties().toString());
            assertNotNull(f.properties().get("name_zh"));
            long[] v = f.vertices().get(0);
            assertTrue(v[0] >= -64 && v[0] <= 4160 && v[1] >= -64 && v[1] <= 4160);
        }
    }

    @Test
    void etagRevalidationAnswers304() {
        Response first = get(TILE);
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertTrue(first.header("Cache-Control").contains("max-age"));
        Response again = given().baseUri(ServerFixture.planUrl()).header("If-None-Match", etag).when().get(TILE);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.asByteArray().length);
    }

    @Test
    void emptyAndUnknownTiles() {
        assertEquals(204, get("/vtiles/plan_projects/WebMercatorQuad/9/0/0.mvt").statusCode());
        assertEquals(404, get("/vtiles/plan_projects/WebMercatorQuad/9/512/0.mvt").statusCode());
        assertEquals(404, get("/vtiles/no_such_layer/WebMercatorQuad/9/417/193.mvt").statusCode());
        assertEquals(404, get("/vtiles/plan_targets/WebMercatorQuad/9/417/193.mvt").statusCode(),
                "a table without geometry has no tiles");
    }

    @Test
    void cgcs2000TileAndTileJson() {
        // CGCS2000Quad level 9: tiles of 360/512 degrees; the project sites (113.75° E, 40.1–40.4° N) are in 417/70
        Response r = get("/vtiles/project_sites/CGCS2000Quad/9/417/70.mvt");
        assertEquals(200, r.statusCode());
        assertEquals("project_sites", MvtReader.decode(r.asByteArray()).get(0).name());
        JsonPath j = get("/vtiles/plan_projects/WebMercatorQuad/tilejson.json").jsonPath();
        assertEquals("3.0.0", j.getString("tilejson"));
        assertTrue(j.getString("tiles[0]").endsWith("/vtiles/plan_projects/WebMercatorQuad/{z}/{x}/{y}.mvt"));
        assertTrue(j.getList("vector_layers.id").contains("project_areas"));
        double west = j.getDouble("bounds[0]");
        assertTrue(west > 113 && west < 114, "bounds in degrees: " + west);
    }

    /** GDAL's MVT driver reads the tile: an independent decoder. */
    @Test
    void gdalReadsTheTile() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        boolean hasOgr = new ProcessBuilder("sh", "-c", "command -v ogrinfo").start().waitFor() == 0;
        if (ci) assertTrue(hasOgr, "ogrinfo (gdal-bin) is required when CI=true");
        Assumptions.assumeTrue(hasOgr, "ogrinfo not installed");
        Path file = Files.createTempFile("tile", ".mvt");
        Files.write(file, get(TILE).asByteArray());
        Process p = new ProcessBuilder("ogrinfo", "-ro", "-oo", "X=417", "-oo", "Y=193", "-oo", "Z=9", file.toString(),
                "project_sites")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("phase (String) = "), out);
        assertTrue(out.contains("POINT (1266"), "Web Mercator x of the county: " + out);
    }
}
