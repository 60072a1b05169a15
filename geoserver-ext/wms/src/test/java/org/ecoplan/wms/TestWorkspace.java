package org.ecoplan.wms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
import org.ecoplan.map.MapCore;
import org.ecoplan.map.tiles.TileCache;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.testkit.MemoryFeatureSource;
import org.ecoplan.testkit.TestContext;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Test fixture: a small catalog over in-memory features near Yanggao (EPSG:4490) with real SLD
 * files in a temporary workspace: polygon layer "zones" (two styles), non-queryable point layer
 * "sites", table "targets" without geometry, and group "plan_zones" (zones + sites).
 */
final class TestWorkspace {
    static final String FOREST = "POLYGON((113.6 40.0, 113.9 40.0, 113.9 40.3, 113.6 40.3, 113.6 40.0))";
    static final String GRASS = "POLYGON((113.9 40.0, 114.1 40.0, 114.1 40.2, 113.9 40.2, 113.9 40.0))";

    private TestWorkspace() {}

    static TestContext create(Path dir) throws IOException {
        return create(dir, new ServerSettings(2000, 2000, 30_000, 2, 100, 60_000, 1 << 20));
    }

    /** The fixture with its map core registered. */
    static TestContext create(Path dir, ServerSettings settings) throws IOException {
        TestContext context = builder(dir, settings).build();
        context.setUpdateSequence("42");
        context.components().register(MapCore.class, MapCore.create(context, new TileCache(1 << 20, null), 0));
        return context;
    }

    static TestContext.Builder builder(Path dir, ServerSettings settings) throws IOException {
        TestContext.Builder b = TestContext.in(dir).settings(settings);
        for (String s : List.of("zones", "zones_outline", "sites")) {
            try (InputStream in = TestWorkspace.class.getResourceAsStream("/fixture/styles/" + s + ".sld")) {
                b.style(s, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        FeatureType zonesType = new FeatureType("zones", List.of(
                new AttributeDescriptor("name", AttributeType.STRING, true, new Localized("名称", "Name"), List.of(),
                        null),
                new AttributeDescriptor("kind", AttributeType.STRING, true, new Localized("类型", "Kind"), List.of(),
                        null),
                AttributeDescriptor.of("area_km2", AttributeType.DOUBLE)),
                new GeometryDescriptor("geom", GeometryType.MULTIPOLYGON, CrsRegistry.CGCS2000));
        FeatureType sitesType = new FeatureType("sites", List.of(AttributeDescriptor.of("name", AttributeType.STRING)),
                new GeometryDescriptor("geom", GeometryType.POINT, CrsRegistry.CGCS2000));
        FeatureType targetsType = new FeatureType("targets",
                List.of(AttributeDescriptor.of("target", AttributeType.STRING)), null);
        return b.layer("zones", "修复分区", "Restoration zones", new MemoryFeatureSource(zonesType, List.of(
                new Feature("zones.1", attrs("name", "东部林地 <A&B>", "kind", "forest", "area_km2", 12.5), geom(FOREST)),
                new Feature("zones.2", attrs("name", "南部草地", "kind", "grass", "area_km2", 3.25), geom(GRASS)))),
                new StyleRefs("zones", List.of("zones_outline")), true)
                .layer("sites", "工程点位", "Project sites", new MemoryFeatureSource(sitesType, List.of(
                        new Feature("sites.1", attrs("name", "工程一"), geom("POINT(113.75 40.15)")))),
                        new StyleRefs("sites", List.of()), false)
                .layer("targets", "规划目标", "Targets", new MemoryFeatureSource(targetsType,
                        List.of(new Feature("targets.1", attrs("target", "t"), null))), null, false)
                .group("plan_zones", "修复分区图", "Restoration zoning map", "zones", "sites");
    }

    private static Map<String, Object> attrs(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static Geometry geom(String wkt) {
        try {
            Geometry g = new WKTReader().read(wkt);
            g.setSRID(4490);
            return g;
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A GET request with these parameters ("KEY=value" strings, value not encoded). */
    static OwsRequest get(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : kv) {
            int i = s.indexOf('=');
            m.put(s.substring(0, i), s.substring(i + 1));
        }
        // the test workspace's own endpoint, /test/wms, which publishes its layers unqualified
        return new OwsRequest("GET", "/wms", new KvpMap(m), null, null, "http://localhost:8080", Map.of(),
                TestContext.WORKSPACE);
    }

    static byte[] body(OwsResponse r) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        r.body().writeTo(out);
        return out.toByteArray();
    }
}
