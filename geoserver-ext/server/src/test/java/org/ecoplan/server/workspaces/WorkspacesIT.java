package org.ecoplan.server.workspaces;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.ecoplan.server.ServerFixture;
import org.ecoplan.testkit.Xml;
import org.junit.jupiter.api.Test;

/**
 * Two workspaces served at once by configuration alone: the plan ({@code yanggao}) and the
 * synthetic demo county ({@code demo}), whose layer ids repeat the plan's. The global endpoints
 * publish both with qualified names; each workspace's own endpoints publish only it, unqualified —
 * WMS, WFS, WMTS, XYZ and vector tiles, the viewer and the landing page alike.
 */
class WorkspacesIT {
    private static final String PLAN_NS = "http://ecoplan.org/yanggao";
    private static final String DEMO_NS = "http://ecoplan.org/demo";
    /** A point inside the demo county's east zone (D2) and project P2. */
    private static final double DEMO_X = 110.18;
    private static final double DEMO_Y = 35.13;

    private static Response get(String url, Map<String, ?> params) {
        return given().urlEncodingEnabled(true).queryParams(params).get(url).then().extract().response();
    }

    private static Xml xml(Response r) throws Exception {
        return new Xml(r.asByteArray()).bind("yanggao", PLAN_NS).bind("demo", DEMO_NS)
                .bind("wms", "http://www.opengis.net/wms").bind("wmts", "http://www.opengis.net/wmts/1.0");
    }

    private static Map<String, String> caps(String service, String version) {
        return Map.of("SERVICE", service, "REQUEST", "GetCapabilities", "VERSION", version);
    }

    @Test
    void wmsGlobalQualifiesVirtualDoesNot() throws Exception {
        Xml global = xml(get(ServerFixture.baseUrl() + "/wms", caps("WMS", "1.3.0")));
        assertEquals(1, global.n("//wms:Layer[wms:Name='yanggao:restoration_zones']"));
        assertEquals(1, global.n("//wms:Layer[wms:Name='demo:restoration_zones']"));
        assertEquals(0, global.n("//wms:Layer[wms:Name='restoration_zones']"));
        Xml demo = xml(get(ServerFixture.baseUrl() + "/demo/wms", caps("WMS", "1.3.0")));
        assertEquals(1, demo.n("//wms:Layer[wms:Name='restoration_zones']"));
        assertEquals(0, demo.n("//wms:Layer[wms:Name='townships']"), "the plan's layers are not in the demo service");
        assertTrue(demo.s("/wms:WMS_Capabilities/wms:Service/wms:Title").contains("虚构"), "the demo's own identity");
        assertEquals(ServerFixture.baseUrl() + "/demo/wms?",
                demo.s("//wms:GetMap/wms:DCPType/wms:HTTP/wms:Get/wms:OnlineResource/@*[local-name()='href']"));
        Xml plan = xml(get(ServerFixture.planUrl() + "/wms", caps("WMS", "1.3.0")));
        assertTrue(plan.s("/wms:WMS_Capabilities/wms:Service/wms:Title").contains("阳高县"));
        assertEquals(0, plan.n("//wms:Layer[wms:Name='overview']"));
    }

    @Test
    void getMapDrawsEachWorkspacesOwnLayerOfTheSameId() throws Exception {
        Map<String, String> map = Map.of("SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetMap", "STYLES", "",
                "CRS", "CRS:84", "BBOX", (DEMO_X - 0.025) + "," + (DEMO_Y - 0.025) + "," + (DEMO_X + 0.025) + ","
                        + (DEMO_Y + 0.025),
                "WIDTH", "64", "HEIGHT", "64", "FORMAT", "image/png", "TRANSPARENT", "TRUE");
        int virtual = painted(get(ServerFixture.baseUrl() + "/demo/wms", with(map, "LAYERS", "restoration_zones")));
        int global = painted(get(ServerFixture.baseUrl() + "/wms", with(map, "LAYERS", "demo:restoration_zones")));
        int planZones = painted(get(ServerFixture.planUrl() + "/wms", with(map, "LAYERS", "restoration_zones")));
        assertEquals(64 * 64, virtual, "the demo zone covers the box");
        assertEquals(virtual, global);
        assertEquals(0, planZones, "the plan's zones of the same id are far away");
        Response foreign = get(ServerFixture.baseUrl() + "/demo/wms", with(map, "LAYERS", "yanggao:restoration_zones"));
        assertEquals("LayerNotDefined", xml(foreign).s("//*[local-name()='ServiceException']/@code"),
                "a virtual service does not publish another workspace's layer");
    }

    @Test
    void wfsTypesCarryTheirWorkspacesNamespace() throws Exception {
        Response both = get(ServerFixture.baseUrl() + "/wfs", Map.of("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST",
                "GetFeature", "TYPENAMES", "demo:project_sites,yanggao:key_areas"));
        assertEquals(200, both.statusCode(), both.asString());
        Xml x = xml(both);
        assertEquals(3, x.n("//demo:project_sites"));
        assertEquals(3, x.n("//yanggao:key_areas"));
        Response schema = get(ServerFixture.baseUrl() + "/wfs",
                Map.of("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "DescribeFeatureType"));
        Xml s = xml(schema);
        assertEquals(2, s.n("//xs:import"), "types of two namespaces: one import each");
        assertEquals(java.util.Set.of(PLAN_NS, DEMO_NS),
                java.util.Set.of(s.s("//xs:import[1]/@namespace"), s.s("//xs:import[2]/@namespace")));
        Response demoSchema = get(ServerFixture.baseUrl() + "/demo/wfs",
                Map.of("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "DescribeFeatureType"));
        assertEquals(DEMO_NS, xml(demoSchema).s("/xs:schema/@targetNamespace"));
        Response virtual = get(ServerFixture.baseUrl() + "/demo/wfs", Map.of("SERVICE", "WFS", "VERSION", "2.0.0",
                "REQUEST", "GetFeature", "TYPENAMES", "project_sites", "OUTPUTFORMAT", "application/json"));
        assertEquals(3, virtual.jsonPath().getList("features").size(), virtual.asString());
        Xml caps = xml(get(ServerFixture.baseUrl() + "/demo/wfs", caps("WFS", "2.0.0")));
        assertEquals(3, caps.n("//wfs:FeatureType"));
        assertEquals("demo:project_sites", caps.s("//wfs:FeatureType[wfs:Name='demo:project_sites']/wfs:Name"));
    }

    @Test
    void tilesAndVectorTilesPerWorkspace() throws Exception {
        Xml global = xml(
                get(ServerFixture.baseUrl() + "/wmts", Map.of("SERVICE", "WMTS", "REQUEST", "GetCapabilities")));
        assertEquals(1, global.n("//wmts:Layer[*[local-name()='Identifier']='demo:restoration_zones']"));
        Xml demo = xml(
                get(ServerFixture.baseUrl() + "/demo/wmts", Map.of("SERVICE", "WMTS", "REQUEST", "GetCapabilities")));
        assertEquals(1, demo.n("//wmts:Layer[*[local-name()='Identifier']='restoration_zones']"));
        assertEquals(4, demo.n("//wmts:Layer"), "three layers and one group");
        // the WebMercatorQuad level-12 tile of the demo point
        int z = 12;
        long x = (long) Math.floor((DEMO_X + 180) / 360 * (1 << z));
        double lat = Math.toRadians(DEMO_Y);
        long y = (long) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * (1 << z));
        String tile = "/WebMercatorQuad/" + z + "/" + x + "/" + y;
        Response virtual = get(ServerFixture.baseUrl() + "/demo/tiles/restoration_zones" + tile + ".png", Map.of());
        Response qualified = get(ServerFixture.baseUrl() + "/tiles/demo:restoration_zones" + tile + ".png", Map.of());
        assertEquals(200, virtual.statusCode());
        assertTrue(painted(virtual) > 0, "the demo zone is drawn");
        assertTrue(java.util.Arrays.equals(virtual.asByteArray(), qualified.asByteArray()),
                "one cache entry, two names");
        Response mvt = get(ServerFixture.baseUrl() + "/demo/vtiles/project_sites" + tile + ".mvt", Map.of());
        assertEquals(200, mvt.statusCode());
        assertEquals(204, get(ServerFixture.planUrl() + "/vtiles/project_sites" + tile + ".mvt", Map.of()).statusCode(),
                "the plan's projects of the same id are not there");
        String tileJson = get(ServerFixture.baseUrl() + "/demo/vtiles/overview/WebMercatorQuad/tilejson.json", Map.of())
                .asString();
        assertTrue(tileJson.contains(ServerFixture.baseUrl() + "/demo/vtiles/overview/WebMercatorQuad/{z}/{x}/{y}.mvt"),
                tileJson);
    }

    @Test
    void viewerAndLandingPagePerWorkspace() {
        Response config = get(ServerFixture.baseUrl() + "/demo/viewer/config.json", Map.of());
        assertEquals("overview", config.jsonPath().getString("defaultGroup"));
        assertEquals("/demo/wms", config.jsonPath().getString("wmsUrl"));
        assertEquals(List.of("county_boundary", "project_sites", "restoration_zones"),
                config.jsonPath().getList("layers.id"));
        Response global = get(ServerFixture.baseUrl() + "/viewer/config.json", Map.of());
        assertEquals("yanggao:plan_projects", global.jsonPath().getString("defaultGroup"));
        assertTrue(global.jsonPath().getList("layers.id").contains("demo:project_sites"));
        assertEquals(404, get(ServerFixture.baseUrl() + "/nowhere/wms", caps("WMS", "1.3.0")).statusCode());
        assertFalse(get(ServerFixture.baseUrl() + "/demo/", Map.of()).asString().contains("townships"));
    }

    private static Map<String, String> with(Map<String, String> m, String k, String v) {
        Map<String, String> out = new java.util.LinkedHashMap<>(m);
        out.put(k, v);
        return out;
    }

    /** Pixels with any alpha. */
    private static int painted(Response r) throws Exception {
        assertEquals(200, r.statusCode(), r.asString());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.asByteArray()));
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) >>> 24) != 0) n++;
        return n;
    }
}
