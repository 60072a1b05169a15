package org.ecoplan.loader;

import java.util.Iterator;
import org.ecoplan.catalog.Feature;

/**
 * A streamed layer's features read and checked again from its source, for writing. The source was
 * checked whole before; a record that fails now means the file changed in between, and ends the
 * iteration with an exception, so the write is rolled back rather than committed with a gap.
 */
@FunctionalInterface
public interface FeatureReplay {
    /** The features in source order; close it to close the source. */
    Features open();

    /** An iteration over features that holds a source open. */
    interface Features extends Iterator<Feature>, AutoCloseable {
        @Override
        void close();
    }
}
