package org.ecoplan.store.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.DataStores;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.catalog.store.StoreException;
import org.ecoplan.catalog.store.StoreWriter;
import org.ecoplan.store.contract.ContractFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reader that stalls with an open cursor (a client that stopped reading a streamed answer) does
 * not stall a reload: the load swaps its table in, new readers are served meanwhile, and the
 * stalled reader's session is ended after the grace period.
 */
class PostGisSwapIT {
    private String schema;
    private DataStore store;

    @BeforeEach
    void open() throws Exception {
        System.setProperty("ECOPLAN_PG_SWAP_GRACE_MS", "1000");
        schema = PostGisContractIT.createSchema("swap_");
        store = DataStores.open(PostGisContractIT.storeUrl(schema));
    }

    @AfterEach
    void close() throws Exception {
        System.clearProperty("ECOPLAN_PG_SWAP_GRACE_MS");
        if (store != null) store.close();
        if (schema != null) PostGisContractIT.dropSchema(schema);
    }

    private static List<Feature> wells(int n) {
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Feature(null, Map.of("label", "w" + i),
                    ContractFixture.GF.createPoint(new org.locationtech.jts.geom.Coordinate(113.6 + i * 1e-4, 40.1))));
        }
        return out;
    }

    private void load(int n, String version) {
        try (StoreWriter w = store.writer()) {
            w.replaceTable(ContractFixture.WELLS, "wells", wells(n).iterator(), version, null);
            w.commit();
        }
    }

    @Test
    void aStalledReaderDoesNotHoldUpAReload() throws Exception {
        load(1200, "v1");
        FeatureSource wells = store.featureSource(ContractFixture.WELLS, "wells");
        // more rows than one fetch, so the cursor must go back to the server for the rest
        // read for a request: its session is labelled with the request id, and still known as this server's reader
        org.slf4j.MDC.put(org.ecoplan.catalog.store.RequestTag.MDC_KEY, "stalled-request");
        FeatureCursor stalled;
        try {
            stalled = wells.features(FeatureQuery.ALL);
            assertTrue(stalled.hasNext());
            stalled.next();
        } finally {
            org.slf4j.MDC.remove(org.ecoplan.catalog.store.RequestTag.MDC_KEY);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(PostGisContractIT.baseUrl());
                java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND application_name = 'ecoplan-reader stalled-request'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the reading session carries the request id");
        }

        CompletableFuture<Void> reload = CompletableFuture.runAsync(() -> load(7, "v2"));
        List<Long> seen = new ArrayList<>();
        while (!reload.isDone()) {
            // each read is answered while the load waits for the stalled one: old data or new, never blocked
            // (a reader queued behind a waiting swap would be stopped by this deadline and fail the test)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            seen.add(
                    store.featureSource(ContractFixture.WELLS, "wells").count(FeatureQuery.ALL.withDeadline(deadline)));
        }
        // a hang guard, not a speed check: the load would otherwise wait behind the cursor forever
        reload.get(2, TimeUnit.MINUTES);
        assertTrue(seen.stream().allMatch(n -> n == 1200 || n == 7), seen.toString());
        assertEquals(7, store.featureSource(ContractFixture.WELLS, "wells").count(FeatureQuery.ALL));

        StoreException cut = assertThrows(StoreException.class, () -> {
            while (stalled.hasNext()) stalled.next();
        });
        assertTrue(cut.getMessage().contains("terminat") || cut.getMessage().contains("connection"),
                cut.getMessage());
        stalled.close();
        // the pool replaced the ended session: reading goes on
        assertEquals(7, store.featureSource(ContractFixture.WELLS, "wells").count(FeatureQuery.ALL));
    }
}
