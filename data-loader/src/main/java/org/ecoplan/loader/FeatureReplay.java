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

    /** No features (a source that could not be opened; the report says why). */
    Features NONE = new Features() {
        @Override
        public boolean hasNext() { return false; }

        @Override
        public Feature next() { throw new java.util.NoSuchElementException(); }

        @Override
        public void close() {}
    };

    /** An iteration over features that holds a source open. */
    interface Features extends Iterator<Feature>, AutoCloseable {
        @Override
        void close();
    }
}
