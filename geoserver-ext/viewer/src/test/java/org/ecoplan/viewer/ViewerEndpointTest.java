package org.ecoplan.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
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
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.testkit.MemoryFeatureSource;
import org.ecoplan.testkit.TestContext;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

class ViewerEndpointTest {
    private static final FeatureType TYPE = new FeatureType("project_areas", List.of(
            new AttributeDescriptor("phase", AttributeType.STRING, true, new Localized("实施阶段", "Phase"),
                    List.of("近期", "中远期"), null)),
            new GeometryDescriptor("geom", GeometryType.MULTIPOLYGON, CrsRegistry.CGCS2000));

    private static ViewerEndpoint endpoint(String key) {
        MemoryFeatureSource source = new MemoryFeatureSource(TYPE, List.of(new Feature("project_areas.1",
                Map.of("phase", "近期"), new GeometryFactory().toGeometry(new Envelope(113.5, 114.2, 39.8, 40.5)))));
        TestContext context = TestContext.in(Path.of("."))
                .layer("project_areas", "项目安排（面状）", "Projects", source, new StyleRefs("project_areas", List.of()), true)
                .group("plan_projects", "项目安排", "Projects", "project_areas").build();
        return new ViewerEndpoint(context, key);
    }

    private static OwsResponse get(ViewerEndpoint e, String path) {
        return e.handle(
                new OwsRequest("GET", path, KvpMap.empty(), null, null, "http://test", Map.of()).inWorkspace("test"));
    }

    private static byte[] body(OwsResponse r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.body().writeTo(out);
        return out.toByteArray();
    }

    @Test
    void configCarriesAliasesGroupsExtentAndKey() throws Exception {
        JsonNode j = new ObjectMapper().readTree(body(get(endpoint(null), "/viewer/config.json")));
        assertEquals("实施阶段", j.at("/layers/0/attributes/0/alias").asText());
        assertEquals("项目安排（面状）", j.at("/layers/0/title").asText());
        assertEquals("project_areas", j.at("/groups/0/layers/0").asText());
        assertEquals("plan_projects", j.get("defaultGroup").asText());
        assertEquals(113.5, j.at("/bbox/0").asDouble(), 1e-9);
        assertTrue(j.get("tiandituKey").isNull());
        assertEquals("/test/wms", j.get("wmsUrl").asText(), "the workspace's own WMS");
        assertEquals("/test/wmts", j.get("wmtsUrl").asText());
        JsonNode withKey = new ObjectMapper().readTree(body(get(endpoint("abc123"), "/viewer/config.json")));
        assertEquals("abc123", withKey.get("tiandituKey").asText());
    }

    @Test
    void servesBundledFilesWithTypesAndRefusesOtherPaths() throws Exception {
        ViewerEndpoint e = endpoint(null);
        assertEquals(302, get(e, "/viewer").status());
        OwsResponse index = get(e, "/viewer/");
        assertEquals(200, index.status(), "the Maven build bundles the page into target/classes/viewer");
        assertTrue(index.contentType().startsWith("text/html"));
        assertTrue(new String(body(index), java.nio.charset.StandardCharsets.UTF_8).contains("viewer.js"));
        assertTrue(get(e, "/viewer/viewer.js").contentType().startsWith("text/javascript"));
        assertTrue(get(e, "/viewer/ol.css").contentType().startsWith("text/css"));
        assertEquals(404, get(e, "/viewer/../secret.txt").status());
        assertEquals(404, get(e, "/viewer/sub/dir.js").status());
        assertEquals(404, get(e, "/viewer/missing.js").status());
        assertEquals(405,
                e.handle(new OwsRequest("POST", "/viewer/", KvpMap.empty(), new byte[0], null, "", Map.of())).status());
    }
}
