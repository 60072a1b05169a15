package org.ecoplan.server.wmts;

import static org.ecoplan.server.wmts.WmtsTestSupport.image;
import static org.ecoplan.server.wmts.WmtsTestSupport.pixel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.Stream;
import org.ecoplan.map.tiles.TileMatrix;
import org.ecoplan.map.tiles.TileMatrixSet;
import org.ecoplan.map.tiles.TileMatrixSets;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.server.EcoplanServer;
import org.ecoplan.server.ServerConfig;
import org.ecoplan.server.ServerFixture;
import org.ecoplan.server.wmts.WmtsTestSupport.Pixel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * No stale tile after a data reload or a style edit: a server of its own over a temporary copy of
 * the workspace and its own GeoPackage (so the shared fixture's data and the repository's style
 * files are never touched). A tile is fetched, the data is reloaded with the real data-loader CLI
 * with one feature removed, and the same tile URL must then answer with different content and a
 * different ETag (the old ETag no longer revalidates); then the SLD file is edited, and again.
 * The server re-reads data and style versions at most once per ECOPLAN_TILE_VERSION_CHECK_MS
 * (1000 ms by default), so the test waits past that interval before asking again.
 */
class TileInvalidationIT {
    private static final String LAYER = "key_areas";
    private static final long VERSION_INTERVAL_MS = 1000;

    @TempDir
    static Path dir;
    static Path workspace;
    static Path gpkg;
    static EcoplanServer server;

    @BeforeAll
    static void start() throws Exception {
        ServerFixture.baseUrl(); // the shared server reads the store URL property first; it keeps its own store
        workspace = dir.resolve("ws");
        Path repo = ServerFixture.workspace();
        for (String sub : new String[]{"layers", "styles", "data"}) copyTree(repo.resolve(sub), workspace.resolve(sub));
        gpkg = dir.resolve("plan.gpkg");
        ServerFixture.runLoader("load", "--data-dir", workspace.toString(), "--workspace", ServerFixture.PLAN,
                "--store", "gpkg:" + gpkg);
        String previous = System.getProperty("PLAN_STORE_URL");
        System.setProperty("PLAN_STORE_URL", "gpkg:" + gpkg);
        try {
            server = EcoplanServer.start(new ServerConfig(0, "127.0.0.1", workspace, ServerSettings.fromEnvironment()));
        } finally {
            if (previous == null) System.clearProperty("PLAN_STORE_URL");
            else System.setProperty("PLAN_STORE_URL", previous);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String url(TileMatrixSet set, TileMatrix m, Pixel p) {
        return "http://localhost:" + server.port() + "/tiles/" + LAYER + "/" + set.identifier() + "/" + m.identifier()
                + "/"
                + p.col() + "/" + p.row() + ".png";
    }

    @Test
    void reloadAndStyleEditNeverServeAnOldTile() throws Exception {
        TileMatrixSet set = TileMatrixSets.WEB_MERCATOR_QUAD;
        TileMatrix m = set.matrix("10").orElseThrow();
        Coordinate first = WmtsTestSupport.interiorPoint(server, LAYER, 0);
        Pixel p = pixel(set, m, first.x, first.y);
        String url = url(set, m, p);

        Response before = RestAssured.get(url);
        assertEquals(200, before.statusCode());
        BufferedImage beforeImg = image(before.asByteArray());
        assertTrue(WmtsTestSupport.opaquePixels(beforeImg) > 0, "the key areas are drawn");
        String beforeTag = before.header("ETag");
        assertEquals(304, RestAssured.given().header("If-None-Match", beforeTag).get(url).statusCode());

        // reload with the first key area removed, through the real loader into the server's own store
        Path geojson = workspace.resolve("data/yanggao/" + LAYER + ".geojson");
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = (ObjectNode) json.readTree(geojson.toFile());
        ((ArrayNode) doc.get("features")).remove(0);
        json.writeValue(geojson.toFile(), doc);
        ServerFixture.runLoader("load", "--data-dir", workspace.toString(), "--workspace", ServerFixture.PLAN,
                "--store", "gpkg:" + gpkg);
        Thread.sleep(VERSION_INTERVAL_MS + 500);

        Response reloaded = RestAssured.given().header("If-None-Match", beforeTag).get(url);
        assertEquals(200, reloaded.statusCode(), "the old ETag must not revalidate after a reload");
        assertNotEquals(beforeTag, reloaded.header("ETag"));
        assertFalse(Arrays.equals(before.asByteArray(), reloaded.asByteArray()), "the tile shows the reloaded data");
        BufferedImage reloadedImg = image(reloaded.asByteArray());
        assertTrue(WmtsTestSupport.opaquePixels(reloadedImg) < WmtsTestSupport.opaquePixels(beforeImg),
                "less is drawn once a key area is gone");

        // style edit: the hatched SLD is replaced by a solid blue fill
        Coordinate remaining = WmtsTestSupport.interiorPoint(server, LAYER, 0);
        Pixel q = pixel(set, m, remaining.x, remaining.y);
        String url2 = url(set, m, q);
        Response styled = RestAssured.get(url2);
        BufferedImage styledImg = image(styled.asByteArray());
        Path sld = workspace.resolve("styles/" + ServerFixture.PLAN + "/" + LAYER + ".sld");
        Files.writeString(sld,
                """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
                          <NamedLayer><Name>key_areas</Name><UserStyle><Name>key_areas</Name><IsDefault>1</IsDefault>
                            <FeatureTypeStyle><Rule><PolygonSymbolizer>
                              <Fill><CssParameter name="fill">#0000FF</CssParameter></Fill>
                            </PolygonSymbolizer></Rule></FeatureTypeStyle>
                          </UserStyle></NamedLayer>
                        </StyledLayerDescriptor>
                        """);
        Thread.sleep(VERSION_INTERVAL_MS + 500);
        Response edited = RestAssured.given().header("If-None-Match", styled.header("ETag")).get(url2);
        assertEquals(200, edited.statusCode(), "the old ETag must not revalidate after a style edit");
        assertNotEquals(styled.header("ETag"), edited.header("ETag"));
        int rgb = image(edited.asByteArray()).getRGB(q.x(), q.y());
        int oldRgb = styledImg.getRGB(q.x(), q.y());
        assertNotEquals(oldRgb, rgb, "the pixel changed colour");
        assertEquals(0xFF0000FF, rgb, "the area is drawn solid blue now: " + Integer.toHexString(rgb));
    }
}
