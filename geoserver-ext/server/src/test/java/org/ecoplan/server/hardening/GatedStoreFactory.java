package org.ecoplan.server.hardening;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.DataStoreFactory;
import org.ecoplan.catalog.store.DataStores;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.catalog.store.StoreWriter;
import org.locationtech.jts.geom.Envelope;

/**
 * A test store, {@code gate:<url>}: the store at {@code url}, whose feature reads wait at a gate
 * the test closes and opens, so a request can be held inside the server for as long as a test
 * needs without depending on the machine's speed.
 */
public final class GatedStoreFactory implements DataStoreFactory {
    private static final String PREFIX = "gate:";
    private static volatile CountDownLatch gate = new CountDownLatch(0);
    /** Reads that have reached the gate since it was last closed. */
    static final AtomicInteger WAITING = new AtomicInteger();

    static void close() {
        WAITING.set(0);
        gate = new CountDownLatch(1);
    }

    static void open() {
        gate.countDown();
    }

    private static void pass() {
        CountDownLatch g = gate;
        if (g.getCount() == 0) return;
        WAITING.incrementAndGet();
        try {
            // bounded, so a failed test cannot leave a server thread waiting for ever
            g.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean canOpen(String url) {
        return url.startsWith(PREFIX);
    }

    @Override
    public DataStore open(String url) {
        DataStore store = DataStores.open(url.substring(PREFIX.length()));
        return new DataStore() {
            @Override
            public String description() { return PREFIX + store.description(); }

            @Override
            public boolean hasTable(String table) { return store.hasTable(table); }

            @Override
            public java.util.List<String> featureTables() { return store.featureTables(); }

            @Override
            public java.util.Optional<org.ecoplan.catalog.store.TableDescription> describe(String table) {
                return store.describe(table);
            }

            @Override
            public FeatureSource featureSource(FeatureType type, String table) {
                FeatureSource source = store.featureSource(type, table);
                return new FeatureSource() {
                    @Override
                    public FeatureType schema() { return source.schema(); }

                    @Override
                    public Envelope bounds() { return source.bounds(); }

                    @Override
                    public long count(FeatureQuery query) {
                        pass();
                        return source.count(query);
                    }

                    @Override
                    public FeatureCursor features(FeatureQuery query) {
                        pass();
                        return source.features(query);
                    }

                    @Override
                    public String version() { return source.version(); }
                };
            }

            @Override
            public StoreWriter writer() { return store.writer(); }

            @Override
            public void close() { store.close(); }
        };
    }
}
