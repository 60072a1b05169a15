package org.ecoplan.ows;

import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.store.FeatureSource;

/**
 * What a service needs from the running server: the validated catalog, read access to each
 * layer's features, and the operational settings. Implemented by the server module.
 */
public interface ServiceContext {
    Catalog catalog();

    /** The feature source of a layer of the catalog. */
    FeatureSource featureSource(LayerConfig layer);

    ServerSettings settings();

    /**
     * A number that changes whenever the catalog or any layer's data changes (capabilities
     * UpdateSequence, cache keys).
     */
    String updateSequence();
}
