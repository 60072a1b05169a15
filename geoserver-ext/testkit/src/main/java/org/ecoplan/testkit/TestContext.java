package org.ecoplan.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.Localized;
import org.ecoplan.catalog.config.ContactInfo;
import org.ecoplan.catalog.config.GlobalConfig;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
import org.ecoplan.catalog.config.LayerMetadata;
import org.ecoplan.catalog.config.ServiceMetadata;
import org.ecoplan.catalog.config.ServicesConfig;
import org.ecoplan.catalog.config.StyleRefs;
import org.ecoplan.catalog.config.WorkspaceConfig;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.ows.Components;
import org.ecoplan.ows.ResponseEncoders;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceContext;

/**
 * The running server as a service's in-process tests see it: a catalog of layers over in-memory
 * feature sources, real SLD files in a directory of the test's own, settings, and the shared
 * objects a test registers (the map core). Every module's service tests build their fixture
 * with it, so a change to the catalog model is made here once.
 */
public final class TestContext implements ServiceContext {
    private final Catalog catalog;
    private final Map<String, FeatureSource> sources;
    private final ServerSettings settings;
    private final Components components = new Components();
    private volatile String updateSequence = "1";

    private TestContext(Catalog catalog, Map<String, FeatureSource> sources, ServerSettings settings) {
        this.catalog = catalog;
        components.register(ResponseEncoders.class, ResponseEncoders.load(TestContext.class.getClassLoader()));
        this.sources = sources;
        this.settings = settings;
    }

    /** A context whose style files are written to {@code dir/styles}. */
    public static Builder in(Path dir) {
        return new Builder(dir);
    }

    @Override
    public Catalog catalog() { return catalog; }

    @Override
    public FeatureSource featureSource(LayerConfig layer) {
        FeatureSource s = sources.get(layer.qualifiedName());
        if (s == null) throw new IllegalArgumentException("no test source for layer " + layer.qualifiedName());
        return s;
    }

    @Override
    public ServerSettings settings() { return settings; }

    @Override
    public String updateSequence() { return updateSequence; }

    public void setUpdateSequence(String value) { updateSequence = value; }

    @Override
    public <T> T component(Class<T> type) { return components.get(type); }

    /** Where a test registers the shared objects its services need. */
    public Components components() {
        return components;
    }

    /** The workspace the test layers are in. */
    public static final String WORKSPACE = "test";

    /** The contact of test services unless a test sets one. */
    public static final ContactInfo CONTACT = new ContactInfo("测试人员 / tester", "ecoplan", null, null, null, null,
            null, null, null, null, null);

    /** The identity of the test workspace and the global endpoints: titled "测试 / Test", offered in the given CRSs. */
    public static ServicesConfig services(List<String> crs) {
        return services(crs, CONTACT);
    }

    public static ServicesConfig services(List<String> crs, ContactInfo contact) {
        return new ServicesConfig(
                new ServiceMetadata(new Localized("测试", "Test"), new Localized("测试服务", "Test service"),
                        List.of("test"), contact, "none", "none"),
                Map.of(), crs);
    }

    /** The metadata every test layer carries (its attribution names the layer). */
    public static LayerMetadata metadata(String layer) {
        return new LayerMetadata("测试数据 / test data", "CC-BY-4.0", "© test " + layer, true, "low", "3.2");
    }

    /** Collects layers, groups and styles. */
    public static final class Builder {
        private final Path dir;
        private final Map<String, LayerConfig> layers = new LinkedHashMap<>();
        private final Map<String, LayerGroupConfig> groups = new LinkedHashMap<>();
        private final Map<String, FeatureSource> sources = new LinkedHashMap<>();
        private ServerSettings settings = new ServerSettings(4096, 4096, 30_000, 2, 100, 60_000, 1 << 20);
        private ContactInfo contact = CONTACT;
        private List<String> crs = List.of("EPSG:4490", "EPSG:4326", "CRS:84", "EPSG:3857", "EPSG:4547", "EPSG:4526");

        private Builder(Path dir) { this.dir = dir; }

        public Builder settings(ServerSettings s) {
            settings = s;
            return this;
        }

        /** Writes {@code styles/<id>.sld}. */
        public Builder style(String id, String sld) {
            try {
                Files.createDirectories(dir.resolve("styles").resolve(WORKSPACE));
                Files.writeString(dir.resolve("styles").resolve(WORKSPACE).resolve(id + ".sld"), sld);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /**
         * A layer over a feature source (its schema is the layer's feature type), titled zh/en, with
         * an abstract "{zh}说明 / {en} abstract" and keywords zh, en.
         *
         * @param styles the styles, or null for a table without geometry
         */
        public Builder layer(String id, String zh, String en, FeatureSource source, StyleRefs styles,
                boolean queryable) {
            layers.put(id, new LayerConfig(WORKSPACE, id, new Localized(zh, en),
                    new Localized(zh + "说明", en + " abstract"), List.of(zh, en), "test", id, source.schema(), null,
                    styles, queryable, metadata(id), List.of(), null));
            sources.put(WORKSPACE + ":" + id, source);
            return this;
        }

        /** A layer group of layers (or groups), bottom to top. */
        public Builder group(String id, String zh, String en, String... members) {
            groups.put(id, new LayerGroupConfig(WORKSPACE, id, new Localized(zh, en),
                    new Localized(zh + "说明", en + " abstract"), List.of(zh, en), List.of(members), null));
            return this;
        }

        /** The operator contact the services publish. */
        public Builder contact(ContactInfo c) {
            contact = c;
            return this;
        }

        /** The CRSs the workspace offers (EPSG:4490, EPSG:4326, CRS:84, EPSG:3857, EPSG:4547, EPSG:4526 unless set). */
        public Builder crs(String... codes) {
            crs = List.of(codes);
            return this;
        }

        public TestContext build() {
            WorkspaceConfig ws = new WorkspaceConfig(WORKSPACE, "http://example.org/test", services(crs, contact), null,
                    null,
                    null);
            Catalog catalog = new Catalog(dir, new GlobalConfig(services(crs, contact), WORKSPACE, null), List.of(ws),
                    List.copyOf(layers.values()), List.copyOf(groups.values()), List.of());
            return new TestContext(catalog, Map.copyOf(sources), settings);
        }
    }
}
