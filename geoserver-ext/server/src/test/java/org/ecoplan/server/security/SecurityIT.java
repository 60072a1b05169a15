package org.ecoplan.server.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.server.EcoplanServer;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Data rules and identities against a server of the test's own over the shipped plan, with a
 * security directory that gives {@code plan_targets} to planners only and {@code project_sites}
 * to planners and the forestry bureau's system (bearer token): for the anonymous caller the
 * restricted layers are absent from every capabilities document, collection list and viewer
 * configuration, and every request for them (map, feature info, legend, features, property
 * values, stored query, XYZ, WMTS, vector and OGC API tiles, the layer group that holds one) is
 * answered exactly as for a layer that does not exist; the planner and the token see them; a tile
 * cached for the planner is never served to the anonymous caller; wrong credentials get 401 with
 * the challenge; repeated failures get 429.
 */
class SecurityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "forestry-7f3a9c21e5b84d06";
    private static EcoplanServer server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        server = startWithSecurity();
        base = "http://localhost:" + server.port() + "/yanggao";
    }

    static EcoplanServer startWithSecurity() throws Exception {
        Path dir = Files.createTempDirectory("ecoplan-security");
        String planner = new String(BCrypt.withDefaults().hashToChar(10, "planner-pass".toCharArray()));
        String admin = new String(BCrypt.withDefaults().hashToChar(10, "admin-pass".toCharArray()));
        Files.writeString(dir.resolve("users.yaml"), "users:\n"
                + "  - {name: planner, password: \"" + planner + "\", roles: [PLANNER]}\n"
                + "  - {name: admin, password: \"" + admin + "\", roles: [ADMIN]}\n"
                + "tokens:\n  - {name: forestry-system, sha256: " + sha256(TOKEN) + ", roles: [FORESTRY]}\n");
        Files.writeString(dir.resolve("layers.properties"), "mode=HIDE\n*.*.r=*\n"
                + "yanggao.plan_targets.r=PLANNER\nyanggao.project_sites.r=PLANNER,FORESTRY\n");
        return ServerFixture.startPrivate(ServerFixture.workspace(), Map.of("ECOPLAN_SECURITY_DIR", dir.toString()),
                ServerSettings.fromEnvironment());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static RequestSpecification anonymous() { return given(); }

    private static RequestSpecification planner() {
        return given().auth().preemptive().basic("planner", "planner-pass");
    }

    private static RequestSpecification forestry() { return given().header("Authorization", "Bearer " + TOKEN); }

    private static String wmsCaps(RequestSpecification as) {
        return as.get(base + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities").asString();
    }

    @Test
    void listsShowOnlyWhatTheCallerMayRead() throws Exception {
        String anon = wmsCaps(anonymous());
        assertFalse(anon.contains("<Name>project_sites</Name>"));
        assertFalse(anon.contains("<Name>plan_projects</Name>"), "a group holding a restricted layer is hidden too");
        assertTrue(anon.contains("<Name>restoration_zones</Name>"));
        assertTrue(wmsCaps(planner()).contains("<Name>project_sites</Name>"));
        assertTrue(wmsCaps(planner()).contains("<Name>plan_projects</Name>"));
        assertTrue(wmsCaps(forestry()).contains("<Name>project_sites</Name>"));

        String wfs = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities";
        String anonWfs = anonymous().get(base + wfs).asString();
        assertFalse(anonWfs.contains("yanggao:plan_targets") || anonWfs.contains("yanggao:project_sites"));
        assertTrue(planner().get(base + wfs).asString().contains("yanggao:plan_targets"));
        String forestryWfs = forestry().get(base + wfs).asString();
        assertTrue(forestryWfs.contains("yanggao:project_sites") && !forestryWfs.contains("yanggao:plan_targets"));

        String wmts = "/wmts?SERVICE=WMTS&REQUEST=GetCapabilities&VERSION=1.0.0";
        assertFalse(anonymous().get(base + wmts).asString().contains("<ows:Identifier>project_sites</ows:Identifier>"));
        assertTrue(planner().get(base + wmts).asString().contains("<ows:Identifier>project_sites</ows:Identifier>"));

        JsonNode cols = JSON.readTree(anonymous().get(base + "/ogcapi/collections").asByteArray());
        assertFalse(cols.toString().contains("\"id\":\"project_sites\""), cols.toString());
        assertTrue(planner().get(base + "/ogcapi/collections").asString().contains("\"id\":\"project_sites\""));
        String landing = anonymous().get(base + "/").asString();
        assertTrue(landing.contains("restoration_zones") && !landing.contains("project_sites"), "the landing page");
        assertTrue(planner().get(base + "/").asString().contains("project_sites"));
        String viewer = anonymous().get(base + "/viewer/config.json").asString();
        assertFalse(viewer.contains("\"project_sites\"") || viewer.contains("\"plan_projects\""));
        assertTrue(planner().get(base + "/viewer/config.json").asString().contains("\"project_sites\""));
        // the global endpoints too
        String global = anonymous().get("http://localhost:" + server.port()
                + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities").asString();
        assertFalse(global.contains("yanggao:project_sites"));
    }

    /** The answer for a restricted layer is the answer for a layer that does not exist, name aside. */
    private static void sameAsMissing(String url, String layer) {
        Response restricted = anonymous().get(url.replace("{L}", layer));
        Response missing = anonymous().get(url.replace("{L}", "no_such_layer"));
        // (WMS reports its exceptions with 200, as its clients expect; the point is that both are the same)
        assertFalse(restricted.contentType().startsWith("image/") || restricted.asString().contains("\"features\""),
                url + " " + restricted.contentType());
        assertEquals(missing.statusCode(), restricted.statusCode(), url);
        assertEquals(missing.asString().replace("no_such_layer", "X"), restricted.asString().replace(layer, "X"), url);
    }

    @Test
    void everyRequestForARestrictedLayerIsAnsweredAsForAMissingOne() throws Exception {
        JsonNode sites = JSON.readTree(planner().get(base + "/ogcapi/collections/project_sites/items").asByteArray());
        JsonNode c = sites.path("features").get(0).path("geometry").path("coordinates");
        double lon = c.get(0).asDouble();
        double lat = c.get(1).asDouble();
        int z = 12;
        int x = (int) Math.floor((lon + 180) / 360 * (1 << z));
        int y = (int) Math.floor((1 - Math.log(Math.tan(Math.toRadians(lat)) + 1 / Math.cos(Math.toRadians(lat)))
                / Math.PI) / 2 * (1 << z));
        String bbox = (lat - 0.01) + "," + (lon - 0.01) + "," + (lat + 0.01) + "," + (lon + 0.01);
        String[] urls = {
                base + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS={L}&STYLES=&CRS=EPSG:4490&BBOX=" + bbox
                        + "&WIDTH=64&HEIGHT=64&FORMAT=image/png",
                base + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS={L}&QUERY_LAYERS={L}&STYLES="
                        + "&CRS=EPSG:4490&BBOX=" + bbox + "&WIDTH=64&HEIGHT=64&I=32&J=32&INFO_FORMAT=application/json",
                base + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER={L}&FORMAT=image/png",
                base + "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES={L}&COUNT=1",
                base + "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES={L}&VALUEREFERENCE=name_zh",
                base + "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID="
                        + "urn:ogc:def:query:OGC-WFS::GetFeatureById&ID={L}.1",
                base + "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES={L}",
                base + "/tiles/{L}/WebMercatorQuad/" + z + "/" + x + "/" + y + ".png",
                base + "/vtiles/{L}/WebMercatorQuad/" + z + "/" + x + "/" + y + ".mvt",
                base + "/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={L}&STYLE=&TILEMATRIXSET=WebMercatorQuad"
                        + "&TILEMATRIX=" + z + "&TILEROW=" + y + "&TILECOL=" + x + "&FORMAT=image/png",
                base + "/ogcapi/collections/{L}", base + "/ogcapi/collections/{L}/items",
                base + "/ogcapi/collections/{L}/items/{L}.1",
                base + "/ogcapi/collections/{L}/map/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x,
        };
        for (String url : urls) sameAsMissing(url, "project_sites");
        sameAsMissing(base + "/tiles/{L}/WebMercatorQuad/" + z + "/" + x + "/" + y + ".png", "plan_projects");
        sameAsMissing(base + "/ogcapi/collections/{L}/items", "plan_targets");

        // the planner reads the same: features, tiles (now cached), and the answers are private
        Response tile = planner().get(base + "/tiles/project_sites/WebMercatorQuad/" + z + "/" + x + "/" + y + ".png");
        assertEquals(200, tile.statusCode());
        assertTrue(tile.header("Cache-Control") == null || tile.header("Cache-Control").contains("private"),
                tile.header("Cache-Control"));
        assertTrue(tile.header("Vary").contains("Authorization"), tile.header("Vary"));
        Response again = planner().get(base + "/tiles/project_sites/WebMercatorQuad/" + z + "/" + x + "/" + y + ".png");
        assertEquals(200, again.statusCode());
        // the cached tile is not served to a caller who may not read it
        assertEquals(404, anonymous().get(base + "/tiles/project_sites/WebMercatorQuad/" + z + "/" + x + "/" + y
                + ".png").statusCode());
        Response features = planner().get(base + "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
                + "&TYPENAMES=project_sites&OUTPUTFORMAT=application/json");
        assertEquals(200, features.statusCode());
        assertTrue(JSON.readTree(features.asByteArray()).path("features").size() > 0);
        assertEquals(200, forestry().get(base + "/ogcapi/collections/project_sites/items").statusCode());
        assertEquals(404, forestry().get(base + "/ogcapi/collections/plan_targets/items").statusCode());
        assertEquals(200, planner().get(base + "/ogcapi/collections/plan_targets/items").statusCode());
    }

    /**
     * At the global endpoints an unqualified name means the default workspace's layer, or, to a
     * caller who may not read that, the one other layer of the name (the demo county's): what a
     * tile answers must follow the caller, whoever asked first.
     */
    @Test
    void anUnqualifiedNameSharedByTwoWorkspacesFollowsTheCaller() throws Exception {
        String global = "http://localhost:" + server.port();
        String tilejson = global + "/vtiles/project_sites/WebMercatorQuad/tilejson.json";
        assertTrue(planner().get(tilejson).asString().contains("\"yanggao:project_sites\""));
        Response anon = anonymous().get(tilejson);
        assertFalse(anon.asString().contains("yanggao:project_sites"), anon.asString());
        assertTrue(anon.statusCode() == 404 || anon.asString().contains("demo:project_sites"), anon.asString());
        assertTrue(planner().get(tilejson).asString().contains("\"yanggao:project_sites\""), "and back again");
    }

    @Test
    void thePlanCheckReportsOnlyWhatTheCallerMayRead() throws Exception {
        JsonNode sites = JSON.readTree(planner().get(base + "/ogcapi/collections/project_sites/items").asByteArray());
        JsonNode c = sites.path("features").get(0).path("geometry").path("coordinates");
        String point = "?point=" + c.get(0).asDouble() + "," + c.get(1).asDouble();
        String url = base + "/ogcapi/processes/plan-check/execution" + point;
        assertFalse(anonymous().get(url).asString().contains("\"layer\":\"project_sites\""));
        assertTrue(planner().get(url).asString().contains("\"layer\":\"project_sites\""));
    }

    @Test
    void metricsNameLayersSoTheyAreForAdministratorsUnderSecurity() {
        String metrics = "http://localhost:" + server.port() + "/metrics";
        assertEquals(401, given().get(metrics).statusCode());
        assertEquals(403, planner().get(metrics).statusCode());
        Response admin = given().auth().preemptive().basic("admin", "admin-pass").get(metrics);
        assertEquals(200, admin.statusCode());
        assertTrue(admin.asString().contains("ecoplan_requests_seconds"));
    }

    @Test
    void wrongCredentialsGet401WithTheChallengeInTheServicesFormat() {
        Response wms = given().auth().preemptive().basic("planner", "wrong").get(base
                + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities");
        assertEquals(401, wms.statusCode());
        assertTrue(wms.header("WWW-Authenticate").startsWith("Basic realm="), wms.header("WWW-Authenticate"));
        assertTrue(wms.asString().contains("ServiceException"), wms.asString());
        assertFalse(wms.asString().contains("wrong"), "the password is not echoed");
        Response api = given().header("Authorization", "Bearer not-a-token").get(base + "/ogcapi/collections");
        assertEquals(401, api.statusCode());
        assertTrue(api.contentType().startsWith("application/problem+json"), api.contentType());
        assertEquals(401, given().header("Authorization", "Basic %%%").get(base + "/ogcapi").statusCode());
        assertEquals(401, given().header("Authorization", "Digest x").get(base + "/ogcapi").statusCode());
        assertEquals(401, given().auth().preemptive().basic("nobody", "x").get(base + "/ogcapi").statusCode());
    }

    @Test
    void repeatedFailuresAreSlowedDown() throws Exception {
        // a server of its own: the back-off holds for the whole address
        EcoplanServer own = startWithSecurity();
        try {
            String url = "http://localhost:" + own.port() + "/yanggao/ogcapi";
            for (int i = 0; i < 5; i++) {
                assertEquals(401, given().auth().preemptive().basic("planner", "guess" + i).get(url).statusCode());
            }
            assertEquals(401, given().auth().preemptive().basic("planner", "guess5").get(url).statusCode());
            Response locked = given().auth().preemptive().basic("planner", "planner-pass").get(url);
            assertEquals(429, locked.statusCode(), "even the right password waits");
            assertNotNull(locked.header("Retry-After"));
            assertTrue(Integer.parseInt(locked.header("Retry-After")) >= 3, "the first lock lasts 5 s");
            // an anonymous reader is not held up by someone else's failures
            assertEquals(200, given().get(url).statusCode());
        } finally {
            own.close();
        }
    }
}
