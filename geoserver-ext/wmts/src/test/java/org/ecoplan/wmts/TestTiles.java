package org.ecoplan.wmts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.GeometryDescriptor;
import org.ecoplan.catalog.GeometryType;
import org.ecoplan.catalog.Localized;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
import org.ecoplan.catalog.config.LayerMetadata;
import org.ecoplan.catalog.config.StyleRefs;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.query.FilterEvaluator;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceContext;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * Test fixture: a workspace in a temporary directory with one polygon layer "zones" (EPSG:4490,
 * a square near Yanggao, styles "zones" red fill and "zones_blue"), a point layer "sites", and the
 * group "plan" (zones + sites). The zones' features and data version can be replaced to simulate
 * a reload.
 */
final class TestTiles implements ServiceContext {
    static final String SQUARE = "POLYGON((113.6 40.0, 114.2 40.0, 114.2 40.4, 113.6 40.4, 113.6 40.0))";

    final Path dir;
    final MutableSource zones;
    final MutableSource sites;
    private final Catalog catalog;

    TestTiles(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("styles"));
        writeStyle("zones", "#FF0000");
        writeStyle("zones_blue", "#0000FF");
        Files.writeString(dir.resolve("styles/sites.sld"),
                """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
                          <NamedLayer><Name>sites</Name><UserStyle><Name>sites</Name><IsDefault>1</IsDefault><FeatureTypeStyle><Rule>
                            <PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName><Fill><CssParameter name="fill">#000000</CssParameter></Fill></Mark><Size>8</Size></Graphic></PointSymbolizer>
                          </Rule></FeatureTypeStyle></UserStyle></NamedLayer>
                        </StyledLayerDescriptor>
                        """);
        FeatureType zonesType = new FeatureType("zones", List.of(
                new AttributeDescriptor("name", AttributeType.STRING, true, new Localized("名称", "Name"), List.of(),
                        null)),
                new GeometryDescriptor("geom", GeometryType.MULTIPOLYGON, CrsRegistry.CGCS2000));
        FeatureType sitesType = new FeatureType("sites", List.of(AttributeDescriptor.of("name", AttributeType.STRING)),
                new GeometryDescriptor("geom", GeometryType.POINT, CrsRegistry.CGCS2000));
        Map<String, LayerConfig> layers = new LinkedHashMap<>();
        layers.put("zones", layer("zones", "修复分区", "Restoration zones", zonesType,
                new StyleRefs("zones", List.of("zones_blue")), true));
        layers.put("sites",
                layer("sites", "工程点位", "Project sites", sitesType, new StyleRefs("sites", List.of()), false));
        Map<String, LayerGroupConfig> groups = new LinkedHashMap<>();
        groups.put("plan", new LayerGroupConfig("plan", new Localized("规划图", "Plan map"), new Localized("图", "Figure"),
                List.of(), List.of("zones", "sites"), null));
        catalog = new Catalog(dir, layers, groups, Map.of());
        zones = new MutableSource(zonesType, List.of(new Feature("zones.1", Map.of("name", "林地"), geom(SQUARE))));
        sites = new MutableSource(sitesType,
                List.of(new Feature("sites.1", Map.of("name", "工程一"), geom("POINT(113.75 40.15)"))));
    }

    void writeStyle(String id, String colour) throws IOException {
        Files.writeString(dir.resolve("styles/" + id + ".sld"),
                """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
                          <NamedLayer><Name>zones</Name><UserStyle><Name>%s</Name><IsDefault>1</IsDefault><FeatureTypeStyle><Rule>
                            <PolygonSymbolizer><Fill><CssParameter name="fill">%s</CssParameter></Fill></PolygonSymbolizer>
                          </Rule></FeatureTypeStyle></UserStyle></NamedLayer>
                        </StyledLayerDescriptor>
                        """
                        .formatted(id, colour));
    }

    private static LayerConfig layer(String id, String zh, String en, FeatureType type, StyleRefs styles,
            boolean queryable) {
        return new LayerConfig(id, new Localized(zh, en), new Localized(zh + "说明", en + " abstract"), List.of(zh, en),
                "plan", id, type, null, styles, queryable,
                new LayerMetadata("test data", "CC-BY-4.0", "© test " + id, true, "low", "3.2"), List.of(), null);
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

    @Override
    public Catalog catalog() { return catalog; }

    @Override
    public FeatureSource featureSource(LayerConfig layer) { return layer.id().equals("zones") ? zones : sites; }

    @Override
    public ServerSettings settings() { return new ServerSettings(4096, 4096, 30_000, 2, 100, 60_000, 1 << 20, false); }

    @Override
    public String updateSequence() { return "7"; }

    static OwsRequest get(String path, Map<String, String> headers, String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : kv) {
            int i = s.indexOf('=');
            m.put(s.substring(0, i), s.substring(i + 1));
        }
        return new OwsRequest("GET", path, new KvpMap(m), null, null, "http://localhost:8080", headers);
    }

    static byte[] body(OwsResponse r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.body().writeTo(out);
        return out.toByteArray();
    }

    static String text(OwsResponse r) throws IOException { return new String(body(r), StandardCharsets.UTF_8); }

    /** An in-memory feature source whose content and version a test can replace. */
    static final class MutableSource implements FeatureSource {
        private final FeatureType type;
        private volatile List<Feature> features;
        private volatile String version = "v1";
        volatile int versionReads;
        volatile int featureReads;

        MutableSource(FeatureType type, List<Feature> features) {
            this.type = type;
            this.features = List.copyOf(features);
        }

        void replace(List<Feature> newFeatures, String newVersion) {
            features = List.copyOf(newFeatures);
            version = newVersion;
        }

        @Override
        public FeatureType schema() { return type; }

        @Override
        public Envelope bounds() {
            Envelope e = new Envelope();
            for (Feature f : features) e.expandToInclude(f.geometry().getEnvelopeInternal());
            return e.isNull() ? null : e;
        }

        @Override
        public long count(FeatureQuery q) { return features.size(); }

        @Override
        public FeatureCursor features(FeatureQuery q) {
            featureReads++;
            FilterEvaluator ev = new FilterEvaluator(type);
            GeometryTransformer t = q.targetCrs() == null
                    ? null
                    : new GeometryTransformer(type.geometry().crs(), q.targetCrs());
            List<Feature> out = new ArrayList<>();
            for (Feature f : features) {
                if (!ev.matches(q.filter(), f)) continue;
                out.add(t == null ? f : new Feature(f.id(), f.attributes(), t.transform(f.geometry())));
            }
            Iterator<Feature> it = out.iterator();
            return new FeatureCursor() {
                @Override
                public boolean hasNext() { return it.hasNext(); }
                @Override
                public Feature next() { return it.next(); }
                @Override
                public void close() {}
            };
        }

        @Override
        public String version() {
            versionReads++;
            return version;
        }
    }
}
