package org.ecoplan.catalog.store;

import java.util.Iterator;
import java.util.function.LongConsumer;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;

/**
 * One write transaction on a store: tables are replaced inside it and become visible together at
 * {@link #commit()}; closing without commit rolls everything back, so what was served before stays
 * served.
 */
public interface StoreWriter extends AutoCloseable {
    /**
     * Replaces (or creates) a table with the given features, with its spatial index. Feature ids
     * (fid) are assigned 1..n in iteration order.
     *
     * @param version  content version recorded for {@link FeatureSource#version()}
     * @param progress called with the number of features written so far
     */
    void replaceTable(FeatureType type, String table, Iterator<Feature> features, String version,
            LongConsumer progress);

    void commit();

    /** Rolls back unless committed. */
    @Override
    void close();
}
