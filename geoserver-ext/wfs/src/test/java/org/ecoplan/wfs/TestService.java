package org.ecoplan.wfs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.testkit.MemoryFeatureSource;
import org.ecoplan.testkit.TestContext;
import org.locationtech.jts.io.WKTReader;

/**
 * A WFS over two small in-memory layers: "zones" (MultiPolygon, EPSG:4490, 5 features) and
 * "targets" (a table without geometry, 3 rows), with max features 4 so capping is testable.
 */
final class TestService {
    static final String BASE = "http://test.local";

    static final FeatureType ZONES = new FeatureType("zones", List.of(
            new AttributeDescriptor("name", AttributeType.STRING, true, new Localized("名称", "Name"), List.of(), null),
            AttributeDescriptor.of("rank", AttributeType.INTEGER),
            AttributeDescriptor.of("area_km2", AttributeType.DOUBLE),
            AttributeDescriptor.of("active", AttributeType.BOOLEAN),
            AttributeDescriptor.of("since", AttributeType.DATE)),
            new GeometryDescriptor("geom", GeometryType.MULTIPOLYGON, CrsRegistry.CGCS2000));

    static final FeatureType TARGETS = new FeatureType("targets", List.of(
            AttributeDescriptor.of("indicator", AttributeType.STRING),
            AttributeDescriptor.of("value", AttributeType.DOUBLE)), null);

    final Map<String, MemoryFeatureSource> sources = new HashMap<>();
    final WfsService service;

    TestService() {
        this(4);
    }

    TestService(int maxFeatures) {
        List<Feature> zones = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            double x = 113.5 + i * 0.1;
            String wkt = "MULTIPOLYGON(((" + x + " 40.0, " + (x + 0.05) + " 40.0, " + (x + 0.05) + " 40.1, " + x
                    + " 40.1, " + x + " 40.0)))";
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", i == 3 ? "北部 <防风> & \"固沙\"" : "zone " + i);
            a.put("rank", (long) (6 - i));
            a.put("area_km2", i * 1.5);
            a.put("active", i % 2 == 1);
            a.put("since", i == 5 ? null : LocalDate.of(2020 + i, 1, 1));
            zones.add(new Feature("zones." + i, a, read(wkt)));
        }
        List<Feature> targets = new ArrayList<>();
        String[] ind = {"森林覆盖率", "草原综合植被盖度", "水土流失治理率"};
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("indicator", ind[i - 1]);
            a.put("value", 10.0 * i);
            targets.add(new Feature("targets." + i, a, null));
        }
        sources.put("zones", new MemoryFeatureSource(ZONES, zones));
        sources.put("targets", new MemoryFeatureSource(TARGETS, targets));
        ServerSettings d = ServerSettings.defaults();
        ServerSettings settings = new ServerSettings(d.maxImageWidth(), d.maxImageHeight(), d.maxRenderMillis(),
                d.maxConcurrentRenders(), maxFeatures, d.requestTimeoutMillis(), d.maxRequestBytes());
        TestContext context = TestContext.in(Path.of(".")).settings(settings)
                .layer("zones", "修复分区", "Restoration zones", sources.get("zones"), null, true)
                .layer("targets", "规划指标", "Plan targets", sources.get("targets"), null, true).build();
        context.setUpdateSequence("7");
        service = new WfsService(context);
    }

    private static org.locationtech.jts.geom.Geometry read(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A GET request with the given key/value pairs. */
    Result get(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return run(new OwsRequest("GET", "/wfs", new KvpMap(m), null, null, BASE, Map.of()));
    }

    Result post(String xml) {
        return run(new OwsRequest("POST", "/wfs", KvpMap.empty(), xml.getBytes(StandardCharsets.UTF_8),
                "application/xml", BASE, Map.of()));
    }

    private Result run(OwsRequest r) {
        OwsResponse resp;
        try {
            resp = service.handle(r);
        } catch (ServiceException e) {
            resp = service.exception(e, r);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            resp.body().writeTo(out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return new Result(resp.status(), resp.contentType(), out.toByteArray());
    }

    record Result(int status, String contentType, byte[] body) {
        String text() { return new String(body, StandardCharsets.UTF_8); }
    }
}
