package org.ecoplan.loader;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ecoplan.catalog.Feature;

/**
 * A streamed layer's features read and checked on a thread of their own while the caller writes
 * the previous ones: reading, decoding and the validity test of one feature overlap with encoding
 * and inserting another, so a load uses a second core instead of alternating on one.
 *
 * <p>Features arrive in source order, in batches through a small bounded queue (memory stays
 * bounded whatever the layer's size). What the reading throws — a source that changed since it was
 * checked, an unreadable record — is thrown again by {@link #hasNext} on the caller's thread, so
 * the write fails, and rolls back, as it would have reading inline.
 * {@link #close} stops the reading, waits for its thread and closes the source.
 */
final class PrefetchedFeatures implements FeatureReplay.Features {
    private static final int BATCH = 256;
    private static final int BATCHES_AHEAD = 4;

    /** What the reading thread hands over: features, then an end or a failure. */
    private record Batch(List<Feature> features, Throwable failure, boolean last) {}

    private final FeatureReplay.Features source;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread reader;
    private volatile boolean stopped;
    private Iterator<Feature> current = List.<Feature>of().iterator();
    private boolean finished;
    private Throwable failure;

    PrefetchedFeatures(FeatureReplay.Features source, String name) {
        this.source = source;
        this.reader = new Thread(this::read, "read-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        Batch end;
        try {
            List<Feature> batch = new ArrayList<>(BATCH);
            while (!stopped && source.hasNext()) {
                batch.add(source.next());
                if (batch.size() == BATCH) {
                    if (!hand(new Batch(batch, null, false))) return;
                    batch = new ArrayList<>(BATCH);
                }
            }
            end = new Batch(batch, null, true);
        } catch (Throwable t) {
            end = new Batch(List.of(), t, true);
        }
        hand(end);
    }

    /** Queues a batch, waiting for room; false once the caller has closed this. */
    private boolean hand(Batch b) {
        try {
            while (!stopped) {
                if (queue.offer(b, 100, TimeUnit.MILLISECONDS)) return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public boolean hasNext() {
        // a failed reading fails every later call too: it must never pass for the end of the source
        if (failure != null) rethrow(failure);
        while (!current.hasNext()) {
            if (finished) return false;
            Batch b = take();
            current = b.features().iterator();
            if (b.last()) {
                finished = true;
                if (b.failure() != null) {
                    // the features read before the failure are not given: the write stops here either way
                    current = List.<Feature>of().iterator();
                    failure = b.failure();
                    rethrow(failure);
                }
            }
        }
        return true;
    }

    private Batch take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the source", e);
        }
    }

    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException(t);
    }

    @Override
    public Feature next() {
        if (!hasNext()) throw new NoSuchElementException();
        return current.next();
    }

    @Override
    public void close() {
        stopped = true;
        queue.clear();
        reader.interrupt();
        // the source is closed only once its thread has left it, whatever interrupts this one meanwhile
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            source.close();
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
