package org.ecoplan.wmts;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.config.CatalogLoader;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.StoreConfig;
import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.DataStores;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.catalog.store.StoreException;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceContext;

/**
 * The workspace as the seed command sees it: the catalog of a workspace directory with its stores
 * opened, outside a running server (the server's own context lives in the server module, which
 * this module must not depend on).
 */
final class SeedContext implements ServiceContext, AutoCloseable {
    private final Catalog catalog;
    private final Map<String, DataStore> stores = new LinkedHashMap<>();
    private final Map<String, FeatureSource> sources = new LinkedHashMap<>();
    private final ServerSettings settings = ServerSettings.fromEnvironment();

    SeedContext(Path workspace) {
        this.catalog = CatalogLoader.load(workspace);
        try {
            for (StoreConfig s : catalog.stores()) stores.put(s.id(), DataStores.open(s.url()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public Catalog catalog() { return catalog; }

    @Override
    public synchronized FeatureSource featureSource(LayerConfig layer) {
        return sources.computeIfAbsent(layer.id(), id -> {
            DataStore store = stores.get(layer.store());
            if (store == null || !store.hasTable(layer.table())) {
                throw new StoreException("layer " + layer.id() + ": table '" + layer.table()
                        + "' not loaded; run the data-loader first");
            }
            return store.featureSource(layer.featureType(), layer.table());
        });
    }

    @Override
    public ServerSettings settings() { return settings; }

    @Override
    public String updateSequence() { return "0"; }

    @Override
    public void close() {
        for (DataStore s : stores.values()) {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // closing on exit; a second failure has nowhere to go
            }
        }
    }
}
