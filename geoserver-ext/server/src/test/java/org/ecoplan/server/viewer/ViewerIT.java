package org.ecoplan.server.viewer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.Test;

/** The viewer's files and configuration over HTTP. */
class ViewerIT {
    private static Response get(String path) {
        return given().baseUri(ServerFixture.planUrl()).redirects().follow(false).when().get(path);
    }

    @Test
    void staticFilesWithTypes() {
        assertEquals(302, get("/viewer").statusCode());
        assertTrue(get("/viewer").header("Location").endsWith("/viewer/"), "redirected to the directory");
        Response page = get("/viewer/");
        assertEquals(200, page.statusCode());
        // the page loads scripts from this server only; the browser test runs under this policy
        assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"));
        assertTrue(page.contentType().startsWith("text/html"));
        assertTrue(page.asString().contains("viewer.js"));
        assertFalse(page.asString().contains("http"), "the page loads nothing from another host");
        Response js = get("/viewer/viewer.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.contentType().startsWith("text/javascript"));
        assertTrue(js.asByteArray().length > 100_000, "OpenLayers is bundled");
        assertTrue(get("/viewer/ol.css").contentType().startsWith("text/css"));
        assertEquals(404, get("/viewer/../pom.xml").statusCode());
        assertEquals(404, get("/viewer/nothing.js").statusCode());
    }

    @Test
    void configHasGroupsAliasesAndNoKeyByDefault() {
        JsonPath j = get("/viewer/config.json").jsonPath();
        assertEquals("plan_projects", j.getString("defaultGroup"));
        List<String> members = j.getList("groups.find { it.id == 'plan_projects' }.layers");
        assertTrue(members.contains("project_areas"), members.toString());
        assertEquals("实施阶段（规划未明确者标“未明确”）",
                j.getString("layers.find { it.id == 'project_areas' }.attributes.find { it.name == 'phase' }.alias"));
        // the phase filter offers what the data holds: the plan states no project's phase
        assertEquals(List.of("未明确"), j.getList("phases"));
        if (System.getenv("TIANDITU_KEY") == null) assertTrue(j.get("tiandituKey") == null, "no 天地图 key configured");
        List<Float> bbox = j.getList("bbox");
        assertTrue(bbox.get(0) > 113 && bbox.get(2) < 115, bbox.toString());
    }
}
