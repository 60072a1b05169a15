package org.ecoplan.formats;

import java.util.NoSuchElementException;

/**
 * The iteration every reader of this module shares: the next record is read ahead on
 * {@link #hasNext()} by {@link #advance()}, once, and the stream ends at the first null.
 */
abstract class RecordStream implements FeatureFileReader {
    private FormatRecord pending;
    private boolean done;

    /** The next record of the file, or null after the last; failures as {@link FormatException}. */
    protected abstract FormatRecord advance();

    @Override
    public final boolean hasNext() {
        if (pending != null) return true;
        if (done) return false;
        pending = advance();
        done = pending == null;
        return !done;
    }

    @Override
    public final FormatRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        FormatRecord r = pending;
        pending = null;
        return r;
    }
}
