package org.ecoplan.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.config.CatalogCheck;
import org.ecoplan.catalog.config.CatalogLoader;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.StoreConfig;
import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.DataStores;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.catalog.store.StoreException;
import org.ecoplan.map.MapCore;
import org.ecoplan.ows.Components;
import org.ecoplan.ows.ResponseEncoders;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceContext;

/**
 * The running server's context: the validated catalog of the data directory (every served
 * workspace) with an open store per store config, a feature source per layer, and the shared
 * objects the services use. Opening checks that every layer's table exists, so a catalog whose
 * data was never loaded fails at start-up with the list of missing tables.
 */
public final class ServerContext implements ServiceContext, AutoCloseable {
    private final Catalog catalog;
    private final ServerSettings settings;
    private final Map<String, DataStore> stores = new LinkedHashMap<>();
    private final Map<String, FeatureSource> sources = new ConcurrentHashMap<>();
    private final Components components = new Components();
    private volatile AccessControl access;

    public ServerContext(Catalog catalog, ServerSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
        this.access = new AccessControl(catalog, org.ecoplan.catalog.security.SecurityConfig.NONE, "none");
        StringBuilder missing = new StringBuilder();
        try {
            for (StoreConfig s : catalog.stores()) {
                stores.put(s.qualifiedName(), DataStores.open(resolve(s, catalog.dataDir())));
            }
            for (LayerConfig l : catalog.layers()) {
                DataStore store = stores.get(l.workspace() + ":" + l.store());
                if (!store.hasTable(l.table())) {
                    missing.append("\n  layer ").append(l.qualifiedName()).append(": table '").append(l.table())
                            .append("' not in store '").append(l.store()).append("' (").append(store.description())
                            .append(")");
                    continue;
                }
                sources.put(l.qualifiedName(), store.featureSource(l.featureType(), l.table()));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (!missing.isEmpty()) {
            close();
            throw new StoreException("data not loaded; run the data-loader first:" + missing);
        }
    }

    /** The security of the server: identities, data rules and the caller's view of the catalog. */
    AccessControl access() {
        return access;
    }

    /** What the endpoint a request reached publishes, narrowed to what its caller may read. */
    @Override
    public org.ecoplan.catalog.CatalogView view(org.ecoplan.ows.OwsRequest request) {
        return access().view(request);
    }

    /**
     * Reads and validates the catalog of a data directory (every error at once), opens its stores
     * and builds the shared objects the services use: the running workspace, as the server and the
     * seed command start from it.
     *
     * @throws org.ecoplan.catalog.config.CatalogException listing every configuration error
     */
    public static ServerContext open(java.nio.file.Path dataDir, ServerSettings settings) {
        return open(dataDir, settings, AccessControl.securityDir(dataDir));
    }

    /** As {@link #open(java.nio.file.Path, ServerSettings)}, with the security of the given directory. */
    static ServerContext open(java.nio.file.Path dataDir, ServerSettings settings, java.nio.file.Path securityDir) {
        List<CatalogCheck> checks = new ArrayList<>();
        ServiceLoader.load(CatalogCheck.class).forEach(checks::add);
        Catalog catalog = CatalogLoader.load(dataDir, checks.toArray(CatalogCheck[]::new));
        AccessControl access = AccessControl.load(catalog, securityDir);
        ServerContext c = new ServerContext(catalog, settings);
        c.access = access;
        c.components.register(ResponseEncoders.class, ResponseEncoders.load(ServerContext.class.getClassLoader()));
        c.components.register(MapCore.class, MapCore.create(c));
        return c;
    }

    /**
     * A relative GeoPackage path is relative to the data directory, as the data-loader reads it,
     * not to the working directory, so the loader and the server always open the same file.
     */
    static String resolve(StoreConfig s, java.nio.file.Path dataDir) {
        String url = s.url();
        if (!url.startsWith("gpkg:")) return url;
        java.nio.file.Path p = java.nio.file.Path.of(url.substring("gpkg:".length()));
        if (p.isAbsolute()) return url;
        return "gpkg:" + dataDir.toAbsolutePath().resolve(p).normalize();
    }

    @Override
    public Catalog catalog() { return catalog; }

    @Override
    public FeatureSource featureSource(LayerConfig layer) {
        FeatureSource s = sources.get(layer.qualifiedName());
        if (s == null) throw new StoreException("no feature source for layer " + layer.qualifiedName());
        return s;
    }

    @Override
    public ServerSettings settings() { return settings; }

    @Override
    public <T> T component(Class<T> type) { return components.get(type); }

    /** Registers a component made after start-up began (the router, once the endpoints exist). */
    <T> void register(Class<T> type, T component) {
        components.register(type, component);
    }

    @Override
    public String updateSequence() {
        long h = 17;
        for (LayerConfig l : catalog.layers()) h = 31 * h + sources.get(l.qualifiedName()).version().hashCode();
        return Long.toString(h & 0x7fffffffffffL);
    }

    public Map<String, DataStore> stores() { return stores; }

    @Override
    public void close() {
        for (DataStore s : stores.values()) {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // closing on the way out: nothing useful to do with a second failure
            }
        }
    }
}
