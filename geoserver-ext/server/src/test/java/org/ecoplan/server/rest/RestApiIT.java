package org.ecoplan.server.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.server.EcoplanServer;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin REST API in GeoServer's shape against a server of its own over a copy of the data
 * directory: only the administrator gets in (401 with the challenge, 403 for another user);
 * workspaces are listed, created (and survive a restart) and deleted; a style is uploaded as SLD,
 * made a layer's default and then draws in WMS; a broken SLD, a style the layer's attributes do
 * not fit, a workspace name with path characters, malformed JSON and the removal of the default
 * workspace are refused with nothing changed on disk or in service; every change is in the audit log.
 */
class RestApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dataDir;
    private static Path security;
    private static Path auditLog;
    private static EcoplanServer server;
    private static String rest;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("ecoplan-rest");
        for (String d : new String[]{"layers", "styles", "data"})
            copy(ServerFixture.workspace().resolve(d), dataDir.resolve(d));
        security = Files.createTempDirectory("ecoplan-rest-security");
        auditLog = security.resolve("audit.log");
        Files.writeString(security.resolve("users.yaml"), "users:\n"
                + "  - {name: admin, password: \"" + hash("admin-pass") + "\", roles: [ADMIN]}\n"
                + "  - {name: planner, password: \"" + hash("planner-pass") + "\", roles: [PLANNER]}\n");
        server = startServer();
        rest = "http://localhost:" + server.port() + "/rest";
    }

    private static EcoplanServer startServer() throws Exception {
        return ServerFixture.startPrivate(dataDir, Map.of("ECOPLAN_SECURITY_DIR", security.toString(),
                "ECOPLAN_AUDIT_LOG", auditLog.toString()), ServerSettings.fromEnvironment());
    }

    private static String hash(String password) {
        return new String(BCrypt.withDefaults().hashToChar(10, password.toCharArray()));
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    private static RequestSpecification admin() { return given().auth().preemptive().basic("admin", "admin-pass"); }

    @Test
    void onlyTheAdministratorGetsIn() throws Exception {
        Response anonymous = given().get(rest + "/workspaces.json");
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.header("WWW-Authenticate").startsWith("Basic"));
        assertEquals(403, given().auth().preemptive().basic("planner", "planner-pass").get(rest + "/workspaces.json")
                .statusCode());
        JsonNode ws = JSON.readTree(admin().get(rest + "/workspaces.json").asByteArray());
        assertTrue(ws.path("workspaces").path("workspace").toString().contains("\"name\":\"yanggao\""), ws.toString());
        String xml = admin().get(rest + "/workspaces.xml").asString();
        assertTrue(xml.contains("<workspaces") && xml.contains("<name>yanggao</name>"), xml);
        JsonNode about = JSON.readTree(admin().get(rest + "/about/version.json").asByteArray());
        assertEquals("ecoplan", about.path("about").path("resource").get(0).path("@name").asText());
        // GeoServer's own spelling of the path
        assertEquals(200, admin().get("http://localhost:" + server.port() + "/geoserver/rest/workspaces.json")
                .statusCode());
        JsonNode layers = JSON.readTree(admin().get(rest + "/workspaces/yanggao/layers.json").asByteArray());
        assertTrue(layers.toString().contains("yanggao:restoration_zones"));
        assertEquals(404, admin().get(rest + "/workspaces/nowhere.json").statusCode());
    }

    @Test
    void aWorkspaceIsCreatedServedPersistedAndDeleted() throws Exception {
        Response created = admin().contentType("application/json").body("{\"workspace\": {\"name\": \"county2\"}}")
                .post(rest + "/workspaces");
        assertEquals(201, created.statusCode(), created.asString());
        assertTrue(created.header("Location").endsWith("/rest/workspaces/county2"));
        assertTrue(Files.isRegularFile(dataDir.resolve("layers/county2/workspace.yaml")));
        assertEquals(200, given().get("http://localhost:" + server.port()
                + "/county2/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities").statusCode());
        assertEquals(409, admin().contentType("application/json").body("{\"workspace\": {\"name\": \"county2\"}}")
                .post(rest + "/workspaces").statusCode());
        // a restart reads it from the files
        EcoplanServer again = startServer();
        try {
            assertTrue(given().auth().preemptive().basic("admin", "admin-pass").get("http://localhost:" + again.port()
                    + "/rest/workspaces.json").asString().contains("county2"));
        } finally {
            again.close();
        }
        assertEquals(200, admin().delete(rest + "/workspaces/county2").statusCode());
        assertFalse(Files.exists(dataDir.resolve("layers/county2")));
        assertEquals(404, admin().get(rest + "/workspaces/county2.json").statusCode());
        assertTrue(Files.readString(auditLog).contains("\"user\":\"admin\",\"request\":\"POST /rest/workspaces\""),
                Files.readString(auditLog));
    }

    @Test
    void badChangesAreRefusedWithNothingLeftBehind() throws Exception {
        for (String name : new String[]{"../evil", "a/b", "x y", "1abc"}) {
            Response r = admin().contentType("application/json").body(JSON.writeValueAsString(
                    Map.of("workspace", Map.of("name", name)))).post(rest + "/workspaces");
            assertEquals(400, r.statusCode(), name + ": " + r.asString());
        }
        assertFalse(Files.exists(dataDir.resolve("evil")) || Files.exists(dataDir.resolve("layers/a")));
        assertEquals(400, admin().contentType("application/json").body("{\"workspace\": ").post(rest + "/workspaces")
                .statusCode());
        // the default workspace cannot go: the catalog would not validate, so every file is put back
        assertEquals(403, admin().delete(rest + "/workspaces/yanggao").statusCode());
        Response refused = admin().delete(rest + "/workspaces/yanggao?recurse=true");
        assertEquals(400, refused.statusCode(), refused.asString());
        assertTrue(refused.asString().contains("defaultWorkspace"), refused.asString());
        assertTrue(Files.isRegularFile(dataDir.resolve("layers/yanggao/workspace.yaml")));
        assertTrue(Files.isRegularFile(dataDir.resolve("styles/yanggao/restoration_zones.sld")));
        assertEquals(200, given().get("http://localhost:" + server.port()
                + "/yanggao/ogcapi/collections/restoration_zones/items?limit=1").statusCode());
        assertTrue(Files.readString(auditLog).contains("refused"));
    }

    @Test
    void theTileCacheIsSeededAndTruncatedThroughGeoWebCachesApi() throws Exception {
        String gwc = "http://localhost:" + server.port() + "/geoserver/gwc/rest";
        assertEquals(401, given().get(gwc + "/seed/yanggao:restoration_zones.json").statusCode());
        Response seed = admin().contentType("application/json").body("{\"seedRequest\": {\"name\": "
                + "\"yanggao:restoration_zones\", \"gridSetId\": \"WebMercatorQuad\", \"zoomStart\": 7, "
                + "\"zoomStop\": 8, \"format\": \"image/png\", \"type\": \"seed\", \"threadCount\": 1}}")
                .post(gwc + "/seed/yanggao:restoration_zones.json");
        assertEquals(200, seed.statusCode(), seed.asString());
        // poll until the task is no longer listed (bounded; the seed of two levels takes a moment)
        JsonNode tasks = null;
        for (int i = 0; i < 600; i++) {
            tasks = JSON.readTree(admin().get(gwc + "/seed/yanggao:restoration_zones.json").asByteArray());
            if (tasks.path("long-array-array").isEmpty()) break;
            Thread.sleep(100);
        }
        assertTrue(tasks.path("long-array-array").isEmpty(), tasks.toString());
        Path cache = dataDir.resolve("var/tiles");
        long files;
        try (Stream<Path> all = Files.walk(cache)) {
            files = all.filter(Files::isRegularFile).count();
        }
        assertTrue(files > 0, "seeded tiles in " + cache);
        Response truncate = admin().contentType("text/xml")
                .body("<truncateLayer><layerName>yanggao:restoration_zones</layerName></truncateLayer>")
                .post(gwc + "/masstruncate");
        assertEquals(200, truncate.statusCode(), truncate.asString());
        assertTrue(truncate.asString().matches("(?s)[1-9]\\d* tiles removed.*"), truncate.asString());
        assertEquals(404, admin().contentType("text/xml").body("<truncateLayer><layerName>nothing</layerName>"
                + "</truncateLayer>").post(gwc + "/masstruncate").statusCode());
    }

    /** geoserver-node-client, the npm package written for GeoServer's REST API, drives this one unchanged. */
    @Test
    void geoserverNodeClientDrivesTheApi() throws Exception {
        Path frontend = ServerFixture.workspace().resolve("geoserver-ext/viewer/frontend");
        boolean ready = new ProcessBuilder("sh", "-c", "command -v node").start().waitFor() == 0
                && Files.isDirectory(frontend.resolve("node_modules/geoserver-node-client"));
        org.ecoplan.server.ClientCommands.require(ready, "node and geoserver-node-client (viewer frontend npm ci)");
        ProcessBuilder pb = new ProcessBuilder("node", "test/geoserver-rest-client.test.mjs")
                .directory(frontend.toFile())
                .redirectErrorStream(true);
        pb.environment().put("REST_URL", rest + "/");
        pb.environment().put("BASE_URL", "http://localhost:" + server.port() + "/yanggao");
        pb.environment().put("USER", "admin");
        pb.environment().put("PASSWORD", "admin-pass");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("\"ok\":true"), out);
        // what the client made is in the files: the new default style and the group
        assertTrue(Files.readString(dataDir.resolve("layers/yanggao/restoration_zones.yaml"))
                .contains("default: nc_zones"));
        assertTrue(Files.isRegularFile(dataDir.resolve("layers/yanggao/groups/nc_group.yaml")));
        assertFalse(Files.exists(dataDir.resolve("layers/nodeclient")));
    }

    private static final String RED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" version="1.0.0">
              <NamedLayer><Name>restoration_zones</Name><UserStyle><Name>zones_red</Name><FeatureTypeStyle><Rule>
                %s
                <PolygonSymbolizer><Fill><CssParameter name="fill">#FF0000</CssParameter></Fill></PolygonSymbolizer>
              </Rule></FeatureTypeStyle></UserStyle></NamedLayer>
            </StyledLayerDescriptor>
            """;

    @Test
    void anUploadedStyleBecomesALayersDefaultAndDraws() throws Exception {
        String sld = RED.formatted("");
        Response up = admin().contentType("application/vnd.ogc.sld+xml").body(sld)
                .post(rest + "/workspaces/yanggao/styles?name=zones_red");
        assertEquals(201, up.statusCode(), up.asString());
        assertEquals(sld, admin().get(rest + "/workspaces/yanggao/styles/zones_red.sld").asString());
        // a broken SLD is refused with its line, and the style stays as it was
        Response broken = admin().contentType("application/vnd.ogc.sld+xml")
                .body("<StyledLayerDescriptor>\n<NamedLayer>")
                .put(rest + "/workspaces/yanggao/styles/zones_red");
        assertEquals(400, broken.statusCode());
        assertTrue(broken.asString().contains("line"), broken.asString());
        assertEquals(sld, admin().get(rest + "/workspaces/yanggao/styles/zones_red.sld").asString());
        assertEquals(415, admin().contentType("application/json").body("{}")
                .post(rest + "/workspaces/yanggao/styles?name=x").statusCode());

        Response assign = admin().contentType("application/json")
                .body("{\"layer\": {\"defaultStyle\": {\"name\": \"yanggao:zones_red\"}}}")
                .put(rest + "/layers/yanggao:restoration_zones");
        assertEquals(200, assign.statusCode(), assign.asString());
        JsonNode layer = JSON.readTree(admin().get(rest + "/layers/yanggao:restoration_zones.json").asByteArray());
        assertEquals("yanggao:zones_red", layer.path("layer").path("defaultStyle").path("name").asText());
        JsonNode zones = JSON.readTree(given().get("http://localhost:" + server.port()
                + "/yanggao/ogcapi/collections/restoration_zones/items/restoration_zones.2").asByteArray());
        org.locationtech.jts.geom.Geometry g = new org.locationtech.jts.io.geojson.GeoJsonReader()
                .read(zones.path("geometry").toString());
        org.locationtech.jts.geom.Point inside = g.getInteriorPoint();
        double x = inside.getX();
        double y = inside.getY();
        byte[] png = given().get("http://localhost:" + server.port() + "/yanggao/wms?SERVICE=WMS&VERSION=1.3.0"
                + "&REQUEST=GetMap&LAYERS=restoration_zones&STYLES=&CRS=CRS:84&BBOX=" + (x - 0.001) + "," + (y - 0.001)
                + "," + (x + 0.001) + "," + (y + 0.001) + "&WIDTH=8&HEIGHT=8&FORMAT=image/png").asByteArray();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(0xFFFF0000, img.getRGB(4, 4), "the new default style draws");

        // a style whose filter names an attribute the layer lacks is refused at the reload; all is put back
        Response unfit = admin().contentType("application/vnd.ogc.sld+xml").body(RED.formatted(
                "<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>colour</ogc:PropertyName><ogc:Literal>x"
                        + "</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>"))
                .put(rest + "/workspaces/yanggao/styles/zones_red");
        assertEquals(400, unfit.statusCode(), unfit.asString());
        assertTrue(unfit.asString().contains("colour"), unfit.asString());
        assertEquals(sld, Files.readString(dataDir.resolve("styles/yanggao/zones_red.sld")));
        // in use: not deleted
        assertEquals(403, admin().delete(rest + "/workspaces/yanggao/styles/zones_red").statusCode());
        assertEquals(200, admin().post(rest + "/reload").statusCode());
        JsonNode acl = JSON.readTree(admin().get(rest + "/security/acl/layers.json").asByteArray());
        assertTrue(acl.isObject());
    }
}
