package org.ecoplan.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecoplan.catalog.Feature;
import org.junit.jupiter.api.Test;

class PrefetchedFeaturesTest {
    /** A source of n features "f1".."fn" that throws {@code failure} instead of feature {@code failAt} (0: never). */
    private static final class Source implements FeatureReplay.Features {
        final int n;
        final int failAt;
        final RuntimeException failure;
        final AtomicInteger read = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile Thread readBy;

        Source(int n, int failAt, RuntimeException failure) {
            this.n = n;
            this.failAt = failAt;
            this.failure = failure;
        }

        @Override
        public boolean hasNext() {
            readBy = Thread.currentThread();
            return read.get() < n;
        }

        @Override
        public Feature next() {
            int k = read.incrementAndGet();
            if (k == failAt) throw failure;
            return new Feature("f" + k, Map.of(), null);
        }

        volatile boolean readerAliveAtClose;

        @Override
        public void close() {
            readerAliveAtClose = readBy != null && readBy.isAlive();
            closed.set(true);
        }
    }

    @Test
    void everyFeatureInSourceOrderReadOnAnotherThread() {
        for (int n : new int[]{0, 1, 255, 256, 257, 10_000}) {
            Source source = new Source(n, 0, null);
            List<String> ids = new ArrayList<>();
            try (PrefetchedFeatures f = new PrefetchedFeatures(source, "t")) {
                while (f.hasNext()) ids.add(f.next().id());
                assertFalse(f.hasNext());
                assertThrows(NoSuchElementException.class, f::next);
            }
            assertEquals(n, ids.size());
            for (int i = 0; i < n; i++) assertEquals("f" + (i + 1), ids.get(i));
            assertTrue(source.closed.get(), "the source is closed");
            assertTrue(source.readBy != Thread.currentThread(), "read on a thread of its own");
        }
    }

    @Test
    void aFailureOfTheSourceIsThrownToTheWriter() {
        IllegalStateException broke = new IllegalStateException("changed since it was checked");
        Source source = new Source(5_000, 3_000, broke);
        try (PrefetchedFeatures f = new PrefetchedFeatures(source, "t")) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> {
                while (f.hasNext()) f.next();
            });
            assertSame(broke, e);
            assertSame(broke, assertThrows(RuntimeException.class, f::hasNext), "a failure is never taken for the end");
        }
        assertTrue(source.closed.get());
        assertTrue(source.read.get() <= 3_000, "reading stopped at the failure");
    }

    @Test
    void anInterruptedWriterStillClosesTheSourceOnlyAfterItsReader() {
        Source source = new Source(Integer.MAX_VALUE, 0, null);
        PrefetchedFeatures f = new PrefetchedFeatures(source, "interrupted");
        f.next();
        Thread.currentThread().interrupt();
        try {
            f.close();
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
        assertTrue(source.closed.get());
        assertFalse(source.readerAliveAtClose, "the source was closed after its reading thread ended");
    }

    @Test
    void closingEarlyStopsTheReading() {
        Source source = new Source(Integer.MAX_VALUE, 0, null);
        try (PrefetchedFeatures f = new PrefetchedFeatures(source, "early")) {
            for (int i = 0; i < 10; i++) f.next();
        }
        int read = source.read.get();
        assertTrue(source.closed.get());
        assertTrue(read < 10_000, "a bounded read-ahead, not the whole source: " + read);
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("read-early")),
                "the reading thread ended");
    }
}
