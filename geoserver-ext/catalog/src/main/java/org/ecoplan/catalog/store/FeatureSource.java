package org.ecoplan.catalog.store;

import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.query.FeatureQuery;
import org.locationtech.jts.geom.Envelope;

/**
 * Read access to one layer's features in a store (the provider interface every backend
 * implements). Thread-safe: each call uses its own connection.
 */
public interface FeatureSource {
    FeatureType schema();

    /** Extent of all features in the native CRS; a null envelope when empty or without geometry. */
    Envelope bounds();

    /** Number of features the query matches, ignoring offset and limit. */
    long count(FeatureQuery query);

    /** The matching features, sorted, paged and reprojected as the query says. */
    FeatureCursor features(FeatureQuery query);

    /**
     * A content version of the loaded data: equal for equal content, changed by every load that
     * changes it. Caches put it in their keys.
     */
    String version();
}
