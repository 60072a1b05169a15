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
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.GeometryDescriptor;
import org.ecoplan.catalog.GeometryType;
import org.ecoplan.catalog.Localized;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceContext;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class ViewerEndpointTest {
    private static final FeatureType TYPE = new FeatureType("project_areas", List.of(
            new AttributeDescriptor("phase", AttributeType.STRING, true, new Localized("实施阶段", "Phase"),
                    List.of("近期", "中远期"), null)),
            new GeometryDescriptor("geom", GeometryType.MULTIPOLYGON, CrsRegistry.CGCS2000));

    private static ViewerEndpoint endpoint(String key) {
        LayerConfig layer = new LayerConfig("project_areas", new Localized("项目安排（面状）", "Projects"), Localized.EMPTY,
                List.of(),
                "plan", "project_areas", TYPE, null, null, true, null, List.of(), null);
        Catalog catalog = new Catalog(Path.of("."), Map.of("project_areas", layer),
                Map.of("plan_projects",
                        new LayerGroupConfig("plan_projects", new Localized("项目安排", "Projects"), Localized.EMPTY,
                                List.of(), List.of("project_areas"), null)),
                Map.of());
        FeatureSource source = new FeatureSource() {
            @Override
            public FeatureType schema() { return TYPE; }
            @Override
            public Envelope bounds() { return new Envelope(113.5, 114.2, 39.8, 40.5); }
            @Override
            public long count(FeatureQuery q) { return 0; }
            @Override
            public FeatureCursor features(FeatureQuery q) { throw new UnsupportedOperationException(); }
            @Override
            public String version() { return "1"; }
        };
        return new ViewerEndpoint(new ServiceContext() {
            @Override
            public Catalog catalog() { return catalog; }
            @Override
            public FeatureSource featureSource(LayerConfig l) { return source; }
            @Override
            public ServerSettings settings() { return null; }
            @Override
            public String updateSequence() { return "1"; }
        }, key);
    }

    private static OwsResponse get(ViewerEndpoint e, String path) {
        return e.handle(new OwsRequest("GET", path, KvpMap.empty(), null, null, "http://test", Map.of()));
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
