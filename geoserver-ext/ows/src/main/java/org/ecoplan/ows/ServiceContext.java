package org.ecoplan.ows;

import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.store.FeatureSource;

/**
 * What a service needs from the running server: the validated catalog, read access to each
 * layer's features, and the operational settings. Implemented by the server module.
 */
public interface ServiceContext {
    Catalog catalog();

    /** What the endpoint a request reached publishes: its workspace's virtual service, or every workspace. */
    default CatalogView view(OwsRequest request) {
        return catalog().view(request.workspace());
    }

    /** The feature source of a layer of the catalog. */
    FeatureSource featureSource(LayerConfig layer);

    ServerSettings settings();

    /**
     * A number that changes whenever the catalog or any layer's data changes (capabilities
     * UpdateSequence, cache keys).
     */
    String updateSequence();

    /**
     * A shared object built once at start-up and handed to every service that needs it (the map
     * core with its style library, render limit and tile cache), by type.
     *
     * @throws IllegalStateException when the server registered none of that type
     */
    <T> T component(Class<T> type);
}
