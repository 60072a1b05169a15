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
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceContext;

/**
 * The running workspace: the validated catalog with an open store per store config and a
 * feature source per layer. Opening checks that every layer's table exists, so a catalog whose
 * data was never loaded fails at start-up with the list of missing tables.
 */
public final class Workspace implements ServiceContext, AutoCloseable {
    private final Catalog catalog;
    private final ServerSettings settings;
    private final Map<String, DataStore> stores = new LinkedHashMap<>();
    private final Map<String, FeatureSource> sources = new ConcurrentHashMap<>();
    private final Components components = new Components();

    public Workspace(Catalog catalog, ServerSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
        StringBuilder missing = new StringBuilder();
        try {
            for (StoreConfig s : catalog.stores()) stores.put(s.id(), DataStores.open(resolve(s)));
            for (LayerConfig l : catalog.layers()) {
                DataStore store = stores.get(l.store());
                if (!store.hasTable(l.table())) {
                    missing.append("\n  layer ").append(l.id()).append(": table '").append(l.table())
                            .append("' not in store '").append(l.store()).append("' (").append(store.description())
                            .append(")");
                    continue;
                }
                sources.put(l.id(), store.featureSource(l.featureType(), l.table()));
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

    /**
     * Reads and validates the catalog of a data directory (every error at once), opens its stores
     * and builds the shared objects the services use: the running workspace, as the server and the
     * seed command start from it.
     *
     * @throws org.ecoplan.catalog.config.CatalogException listing every configuration error
     */
    public static Workspace open(java.nio.file.Path dataDir, ServerSettings settings) {
        List<CatalogCheck> checks = new ArrayList<>();
        ServiceLoader.load(CatalogCheck.class).forEach(checks::add);
        List<java.nio.file.Path> roots = new ArrayList<>(List.of(dataDir));
        if (settings.citeEnabled()) roots.add(dataDir.resolve("cite"));
        Workspace w = new Workspace(CatalogLoader.load(roots, checks.toArray(CatalogCheck[]::new)), settings);
        w.components.register(MapCore.class, MapCore.create(w));
        return w;
    }

    /**
     * A relative GeoPackage path is relative to the workspace that declares the store
     * ({@code <root>/layers/stores/<id>.yaml}), as the data-loader reads it, not to the working
     * directory, so the loader and the server always open the same file.
     */
    static String resolve(StoreConfig s) {
        String url = s.url();
        if (!url.startsWith("gpkg:")) return url;
        java.nio.file.Path p = java.nio.file.Path.of(url.substring("gpkg:".length()));
        if (p.isAbsolute()) return url;
        java.nio.file.Path root = s.location().file().toAbsolutePath().getParent().getParent().getParent();
        return "gpkg:" + root.resolve(p).normalize();
    }

    @Override
    public Catalog catalog() { return catalog; }

    @Override
    public FeatureSource featureSource(LayerConfig layer) {
        FeatureSource s = sources.get(layer.id());
        if (s == null) throw new StoreException("no feature source for layer " + layer.id());
        return s;
    }

    @Override
    public ServerSettings settings() { return settings; }

    @Override
    public <T> T component(Class<T> type) { return components.get(type); }

    @Override
    public String updateSequence() {
        long h = 17;
        for (LayerConfig l : catalog.layers()) h = 31 * h + sources.get(l.id()).version().hashCode();
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
