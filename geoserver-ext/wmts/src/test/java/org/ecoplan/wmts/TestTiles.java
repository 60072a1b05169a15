package org.ecoplan.wmts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.ecoplan.ows.HttpEndpoint;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.testkit.MemoryFeatureSource;
import org.ecoplan.testkit.TestContext;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * Test fixture: a workspace in a temporary directory with one polygon layer "zones" (EPSG:4490,
 * a square near Yanggao, styles "zones" red fill and "zones_blue"), a point layer "sites", and the
 * group "plan" (zones + sites). The zones' features and data version can be replaced to simulate
 * a reload.
 */
final class TestTiles {
    static final String SQUARE = "POLYGON((113.6 40.0, 114.2 40.0, 114.2 40.4, 113.6 40.4, 113.6 40.0))";

    final Path dir;
    final MemoryFeatureSource zones;
    final MemoryFeatureSource sites;
    final TestContext context;

    TestTiles(Path dir) throws IOException {
        this.dir = dir;
        FeatureType zonesType = new FeatureType("zones", List.of(
                new AttributeDescriptor("name", AttributeType.STRING, true, new Localized("名称", "Name"), List.of(),
                        null)),
                new GeometryDescriptor("geom", GeometryType.MULTIPOLYGON, CrsRegistry.CGCS2000));
        FeatureType sitesType = new FeatureType("sites", List.of(AttributeDescriptor.of("name", AttributeType.STRING)),
                new GeometryDescriptor("geom", GeometryType.POINT, CrsRegistry.CGCS2000));
        zones = new MemoryFeatureSource(zonesType, List.of(new Feature("zones.1", Map.of("name", "林地"), geom(SQUARE))));
        sites = new MemoryFeatureSource(sitesType,
                List.of(new Feature("sites.1", Map.of("name", "工程一"), geom("POINT(113.75 40.15)"))));
        context = TestContext.in(dir).style("zones", polygonStyle("zones", "#FF0000"))
                .style("zones_blue", polygonStyle("zones_blue", "#0000FF"))
                .style("sites",
                        """
                                <?xml version="1.0" encoding="UTF-8"?>
                                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
                                  <NamedLayer><Name>sites</Name><UserStyle><Name>sites</Name><IsDefault>1</IsDefault><FeatureTypeStyle><Rule>
                                    <PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName><Fill><CssParameter name="fill">#000000</CssParameter></Fill></Mark><Size>8</Size></Graphic></PointSymbolizer>
                                  </Rule></FeatureTypeStyle></UserStyle></NamedLayer>
                                </StyledLayerDescriptor>
                                """)
                .layer("zones", "修复分区", "Restoration zones", zones, new StyleRefs("zones", List.of("zones_blue")), true)
                .layer("sites", "工程点位", "Project sites", sites, new StyleRefs("sites", List.of()), false)
                .group("plan", "规划图", "Plan map", "zones", "sites").build();
        context.setUpdateSequence("7");
    }

    /** Rewrites a polygon style's fill colour, as an editor would. */
    void writeStyle(String id, String colour) throws IOException {
        Files.writeString(dir.resolve("styles/" + TestContext.WORKSPACE + "/" + id + ".sld"), polygonStyle(id, colour));
    }

    private static String polygonStyle(String id, String colour) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
                  <NamedLayer><Name>zones</Name><UserStyle><Name>%s</Name><IsDefault>1</IsDefault><FeatureTypeStyle><Rule>
                    <PolygonSymbolizer><Fill><CssParameter name="fill">%s</CssParameter></Fill></PolygonSymbolizer>
                  </Rule></FeatureTypeStyle></UserStyle></NamedLayer>
                </StyledLayerDescriptor>
                """
                .formatted(id, colour);
    }

    /** Builds and registers the map core of this context with a given tile cache (versions re-read on every request). */
    MapCore core(TileCache cache) {
        return context.components().register(MapCore.class, MapCore.create(context, cache, 0, 600));
    }

    static Geometry geom(String wkt) {
        try {
            Geometry g = new WKTReader().read(wkt);
            g.setSRID(4490);
            return g;
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static OwsRequest get(String path, Map<String, String> headers, String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : kv) {
            int i = s.indexOf('=');
            m.put(s.substring(0, i), s.substring(i + 1));
        }
        // the test workspace's own endpoints (/test/wmts, /test/tiles), which publish its layers unqualified
        return new OwsRequest("GET", path, new KvpMap(m), null, null, "http://localhost:8080", headers,
                TestContext.WORKSPACE);
    }

    /** What the server answers through an endpoint: its response, or its rendering of the failure (the error boundary's job). */
    static OwsResponse answer(HttpEndpoint endpoint, OwsRequest request) {
        try {
            return endpoint.handle(request);
        } catch (ServiceException e) {
            return endpoint.exception(e, request);
        }
    }

    static byte[] body(OwsResponse r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.body().writeTo(out);
        return out.toByteArray();
    }

    static String text(OwsResponse r) throws IOException { return new String(body(r), StandardCharsets.UTF_8); }

}
