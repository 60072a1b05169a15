package org.ecoplan.wfs.query;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.ows.ServiceException;

/**
 * The features of one query, read from a store cursor that is opened only when the encoder
 * reaches this query and closed as soon as it is exhausted, so a response over several types
 * holds one connection at a time. Stops with an error when the request's time limit passes.
 */
final class LazyFeatureIterator implements Iterator<Feature>, AutoCloseable {
    private final FeatureSource source;
    private final FeatureQuery query;
    private final long deadlineNanos;
    private FeatureCursor cursor;
    private boolean done;

    LazyFeatureIterator(FeatureSource source, FeatureQuery query, long deadlineNanos) {
        this.source = source;
        // the store stops its query at the same deadline (a slow sort or filter before the first row)
        this.query = query.withDeadline(deadlineNanos);
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public boolean hasNext() {
        if (done) return false;
        if (cursor == null) cursor = source.features(query);
        if (System.nanoTime() - deadlineNanos > 0) {
            close();
            throw new ServiceException(ServiceException.OPERATION_PROCESSING_FAILED, null,
                    "The request exceeded the time limit; ask for fewer features (COUNT) or a smaller area", 503);
        }
        boolean more = cursor.hasNext();
        if (!more) close();
        return more;
    }

    @Override
    public Feature next() {
        if (!hasNext()) throw new NoSuchElementException();
        return cursor.next();
    }

    @Override
    public void close() {
        done = true;
        if (cursor != null) cursor.close();
    }
}
