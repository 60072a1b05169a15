package org.ecoplan.store.contract;

import static org.ecoplan.store.contract.PlotOracle.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.query.ComparisonOperator;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.catalog.store.StoreWriter;
import org.ecoplan.store.contract.ContractFixture.Plot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Loading and reading part of the store contract: the fixture ({@link ContractFixture}) is written
 * once per backend, then read back whole, and the writer's transaction rules are checked.
 * {@link FeatureSourceContract} adds the query tests; backends extend that class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContractBase {
    protected DataStore store;
    protected FeatureSource plots;
    protected FeatureSource wells;

    /** A fresh, empty store for this test class. */
    protected abstract DataStore createStore() throws Exception;

    /** Removes what {@link #createStore()} made. */
    protected abstract void dropStore() throws Exception;

    @BeforeAll
    void load() throws Exception {
        store = createStore();
        try (StoreWriter w = store.writer()) {
            ContractFixture.writeAll(w, "v1");
            w.commit();
        }
        plots = store.featureSource(ContractFixture.PLOTS, "plots");
        wells = store.featureSource(ContractFixture.WELLS, "wells");
    }

    @AfterAll
    void drop() throws Exception {
        if (store != null) store.close();
        dropStore();
    }

    protected static List<Feature> read(FeatureSource source, FeatureQuery q) {
        List<Feature> out = new ArrayList<>();
        try (FeatureCursor c = source.features(q)) {
            while (c.hasNext()) out.add(c.next());
        }
        return out;
    }

    protected List<String> ids(FeatureQuery q) {
        return read(plots, q).stream().map(Feature::id).toList();
    }

    protected List<String> ids(Filter f) {
        List<String> got = ids(FeatureQuery.of(f));
        assertEquals(got.size(), plots.count(FeatureQuery.of(f)), "count() agrees with features() for " + f);
        return got;
    }

    protected static Filter cmp(String p, ComparisonOperator op, Object v) {
        return new Filter.Comparison(p, op, v, true);
    }

    // ---- reading everything -------------------------------------------------------------------

    @Test
    void allFeaturesInFidOrderWithTypedValues() {
        List<Feature> all = read(plots, FeatureQuery.ALL);
        assertEquals(expect(p -> true), all.stream().map(Feature::id).toList());
        for (int i = 0; i < all.size(); i++) {
            Plot p = ContractFixture.PLOT_ROWS.get(i);
            Feature f = all.get(i);
            assertEquals(p.name(), f.get("name"));
            assertEquals(p.code(), f.get("code"));
            assertEquals(p.area(), f.get("area"));
            assertEquals(p.count(), f.get("count"));
            assertEquals(p.active(), f.get("active"));
            assertEquals(p.surveyed(), f.get("surveyed"));
            assertEquals(List.of("name", "code", "area", "count", "active", "surveyed"),
                    List.copyOf(f.attributes().keySet()));
            if (p.geom() == null) {
                assertNull(f.geometry());
            } else {
                MultiPolygon mp = assertInstanceOf(MultiPolygon.class, f.geometry(), "single polygon stored as multi");
                assertEquals(1, mp.getNumGeometries());
                assertTrue(mp.getGeometryN(0).equalsExact(p.geom()), "geometry of " + p.id());
                assertEquals(4490, f.geometry().getSRID());
            }
        }
        assertEquals(Long.class, all.get(0).get("count").getClass());
        assertEquals(Double.class, all.get(0).get("area").getClass());
        assertEquals(Boolean.class, all.get(0).get("active").getClass());
        assertEquals(LocalDate.class, all.get(0).get("surveyed").getClass());
    }

    /** A loaded table describes itself as it was written: columns and types in order, geometry, SRID. */
    @Test
    void describesATableForPublishing() {
        var d = store.describe("plots").orElseThrow();
        assertEquals(List.of("name", "code", "area", "count", "active", "surveyed"),
                d.columns().stream().map(c -> c.name()).toList());
        assertEquals(ContractFixture.PLOTS.attributes().stream().map(a -> a.type()).toList(),
                d.columns().stream().map(c -> c.type()).toList());
        assertEquals("geom", d.geometryColumn());
        assertEquals(org.ecoplan.catalog.GeometryType.MULTIPOLYGON, d.geometryType());
        assertEquals(4490, d.srid());
        assertEquals(org.ecoplan.catalog.GeometryType.POINT, store.describe("wells").orElseThrow().geometryType());
        assertTrue(store.describe("no_such_table").isEmpty());
        assertTrue(store.featureTables().containsAll(List.of("plots", "wells")), store.featureTables().toString());
    }

    @Test
    void countBoundsAndVersion() {
        assertEquals(36, plots.count(FeatureQuery.ALL));
        assertEquals(12, wells.count(FeatureQuery.ALL));
        Envelope expected = new Envelope();
        for (Plot p : ContractFixture.PLOT_ROWS)
            if (p.geom() != null) expected.expandToInclude(p.geom().getEnvelopeInternal());
        Envelope b = plots.bounds();
        assertEquals(expected.getMinX(), b.getMinX(), 1e-12);
        assertEquals(expected.getMaxX(), b.getMaxX(), 1e-12);
        assertEquals(expected.getMinY(), b.getMinY(), 1e-12);
        assertEquals(expected.getMaxY(), b.getMaxY(), 1e-12);
        assertEquals("v1", plots.version());
        FeatureSource targets = store.featureSource(ContractFixture.TARGETS, "targets");
        assertNull(targets.bounds());
        assertEquals(3, targets.count(FeatureQuery.ALL));
        List<Feature> t = read(targets, FeatureQuery.ALL);
        assertEquals("森林覆盖率", t.get(0).get("indicator"));
        assertEquals(21.0, t.get(1).get("value"));
        assertNull(t.get(0).geometry());
        assertTrue(store.hasTable("targets"));
        assertFalse(store.hasTable("no_such_table"));
    }

    // ---- writer transactions -------------------------------------------------------------------

    @Test
    void failedWriteLeavesPreviousContent() {
        try (StoreWriter w = store.writer()) {
            w.replaceTable(ContractFixture.PLOTS, "journal", ContractFixture.plotFeatures().subList(0, 5).iterator(),
                    "good", n -> {});
            w.commit();
        }
        java.util.Iterator<Feature> source = ContractFixture.plotFeatures().iterator();
        java.util.Iterator<Feature> failing = new java.util.Iterator<>() {
            int n;
            @Override
            public boolean hasNext() { return source.hasNext(); }
            @Override
            public Feature next() {
                if (++n == 4) throw new IllegalStateException("source broke halfway");
                return source.next();
            }
        };
        assertThrows(IllegalStateException.class, () -> {
            try (StoreWriter w = store.writer()) {
                w.replaceTable(ContractFixture.PLOTS, "journal", failing, "bad", n -> {});
                w.commit();
            }
        });
        FeatureSource journal = store.featureSource(ContractFixture.PLOTS, "journal");
        assertEquals(List.of("plots.1", "plots.2", "plots.3", "plots.4", "plots.5"),
                read(journal, FeatureQuery.ALL).stream().map(Feature::id).toList());
        assertEquals("good", journal.version());
        assertEquals(List.of("plots.2"), read(journal, FeatureQuery.of(new Filter.BBox(
                ContractFixture.PLOT_ROWS.get(1).geom().getEnvelopeInternal()))).stream().map(Feature::id).toList());
    }

    @Test
    void writingTheSameInputTwiceGivesTheSameContent() {
        List<List<Object>> first = null;
        for (int round = 0; round < 2; round++) {
            try (StoreWriter w = store.writer()) {
                w.replaceTable(ContractFixture.PLOTS, "twice", ContractFixture.plotFeatures().iterator(), "same",
                        n -> {});
                w.commit();
            }
            FeatureSource twice = store.featureSource(ContractFixture.PLOTS, "twice");
            List<List<Object>> content = new ArrayList<>();
            for (Feature f : read(twice, FeatureQuery.ALL)) {
                content.add(List.of(f.id(), f.attributes().toString(), String.valueOf(f.geometry())));
            }
            content.add(List.of(twice.version()));
            if (first == null) first = content;
            else assertEquals(first, content);
        }
        assertEquals(37, first.size());
    }

    @Test
    void readersSeeThePreviousContentUntilCommit() throws Exception {
        try (StoreWriter w = store.writer()) {
            w.replaceTable(ContractFixture.PLOTS, "swap", ContractFixture.plotFeatures().subList(0, 3).iterator(),
                    "old", n -> {});
            w.commit();
        }
        FeatureSource swap = store.featureSource(ContractFixture.PLOTS, "swap");
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (StoreWriter w = store.writer()) {
            w.replaceTable(ContractFixture.PLOTS, "swap", ContractFixture.plotFeatures().iterator(), "new", n -> {});
            // read from another thread, so a reader blocked by the writer's locks shows as a failure, not a hung build
            long during = reader.submit(() -> swap.count(FeatureQuery.ALL)).get(60,
                    java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(3, during);
            assertEquals("old", reader.submit(swap::version).get(60, java.util.concurrent.TimeUnit.SECONDS));
            w.commit();
        } finally {
            reader.shutdownNow();
        }
        assertEquals(36, swap.count(FeatureQuery.ALL));
        assertEquals("new", swap.version());
    }
}
