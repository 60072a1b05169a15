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

    /**
     * Number of matches, counted no further than {@code cap}: work bounded by the cap, for when
     * the full count is too slow (WFS 2.0 numberMatched "unknown").
     */
    default long countUpTo(FeatureQuery query, long cap) {
        long n = 0;
        try (FeatureCursor c = features(query.withPage(0, cap).withSort(java.util.List.of())
                .withProperties(java.util.List.of(), false))) {
            while (n < cap && c.hasNext()) {
                c.next();
                n++;
            }
        }
        return n;
    }

    /** The matching features, sorted, paged and reprojected as the query says. */
    FeatureCursor features(FeatureQuery query);

    /**
     * A content version of the loaded data: equal for equal content, changed by every load that
     * changes it. Caches put it in their keys.
     */
    String version();
}
