package org.ecoplan.catalog.store;

import java.util.Iterator;
import org.ecoplan.catalog.Feature;

/**
 * A forward-only stream of features backed by an open database cursor. Must be closed; features
 * are produced one at a time, so a result never has to fit in memory.
 */
public interface FeatureCursor extends Iterator<Feature>, AutoCloseable {
    @Override
    void close();
}
