package org.ecoplan.store.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.query.ComparisonOperator;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.SortBy;
import org.ecoplan.catalog.query.SpatialOperator;
import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.DataStores;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.catalog.store.StoreWriter;
import org.ecoplan.store.contract.ContractFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Loads the contract fixture into a GeoPackage and into PostGIS and runs the same queries on
 * both: the answers must be identical (same ids in the same order, equal values and geometries).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackendEquivalenceIT {
    private Path dir;
    private String schema;
    private DataStore gpkg;
    private DataStore postgis;

    @BeforeAll
    void load() throws Exception {
        dir = Files.createTempDirectory("equivalence");
        schema = PostGisContractIT.createSchema("equiv_");
        gpkg = DataStores.open("gpkg:" + dir.resolve("same.gpkg"));
        postgis = DataStores.open(PostGisContractIT.storeUrl(schema));
        for (DataStore s : List.of(gpkg, postgis)) {
            try (StoreWriter w = s.writer()) {
                ContractFixture.writeAll(w, "v7");
                w.commit();
            }
        }
    }

    @AfterAll
    void drop() throws Exception {
        if (gpkg != null) gpkg.close();
        if (postgis != null) postgis.close();
        if (schema != null) PostGisContractIT.dropSchema(schema);
        if (dir != null) {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<FeatureQuery> queries() {
        Geometry area = ContractFixture.GF.toGeometry(new Envelope(113.58, 113.77, 40.03, 40.21));
        Geometry point = ContractFixture.GF.createPoint(new Coordinate(113.7, 40.1));
        List<FeatureQuery> q = new ArrayList<>();
        q.add(FeatureQuery.ALL);
        for (String p : List.of("name", "code", "area", "count", "active", "surveyed")) {
            q.add(FeatureQuery.ALL.withSort(List.of(new SortBy(p, true))));
            q.add(FeatureQuery.ALL.withSort(List.of(new SortBy(p, false))).withPage(3, 11));
        }
        q.add(FeatureQuery.ALL.withSort(List.of(new SortBy("code", true), new SortBy("name", false))));
        for (SpatialOperator op : SpatialOperator.values()) {
            q.add(FeatureQuery.of(new Filter.Spatial(op, literalFor(op, area, point), 0.06))
                    .withSort(List.of(new SortBy("name", true))).withPage(0, 20));
        }
        q.add(FeatureQuery.of(new Filter.BBox(area.getEnvelopeInternal())));
        q.add(FeatureQuery.of(new Filter.Not(new Filter.BBox(area.getEnvelopeInternal()))));
        q.add(FeatureQuery.of(new Filter.Or(List.of(new Filter.Spatial(SpatialOperator.WITHIN, area, 0),
                new Filter.Comparison("count", ComparisonOperator.LESS, 2L, true)))));
        q.add(FeatureQuery.of(new Filter.Like("code", "ab-_", '%', '_', '\\', false))
                .withSort(List.of(new SortBy("code", true))));
        q.add(FeatureQuery.of(new Filter.Comparison("name", ComparisonOperator.GREATER, "Wetland", false))
                .withSort(List.of(new SortBy("name", true))));
        q.add(FeatureQuery.of(new Filter.Not(new Filter.Between("surveyed", "2020-02-01", "2020-08-01"))));
        q.add(FeatureQuery.ALL.withProperties(List.of("surveyed", "code"), false).withPage(10, 5));
        q.add(FeatureQuery.ALL.withTargetCrs(CrsRegistry.CGCS2000_GK_114E).withPage(0, 6));
        return q;
    }

    /** A literal geometry for which the operator matches some plots. */
    private static Geometry literalFor(SpatialOperator op, Geometry area, Geometry point) {
        return switch (op) {
            case DWITHIN, BEYOND -> point;
            case CONTAINS -> ContractFixture.GF.createPoint(new Coordinate(113.72, 40.12));
            case EQUALS -> ContractFixture.PLOT_ROWS.get(20).geom();
            case TOUCHES -> ContractFixture.GF.createPoint(ContractFixture.corner(27));
            case CROSSES -> ContractFixture.GF.createLineString(new Coordinate[]{
                    new Coordinate(113.55, 40.12), new Coordinate(113.77, 40.12)});
            default -> area;
        };
    }

    @Test
    void sameAnswersFromBothBackends() {
        FeatureSource a = gpkg.featureSource(ContractFixture.PLOTS, "plots");
        FeatureSource b = postgis.featureSource(ContractFixture.PLOTS, "plots");
        List<String> empty = new ArrayList<>();
        for (FeatureQuery q : queries()) {
            List<Feature> fa = read(a, q);
            List<Feature> fb = read(b, q);
            assertEquals(fa.stream().map(Feature::id).toList(), fb.stream().map(Feature::id).toList(), "ids of " + q);
            for (int i = 0; i < fa.size(); i++) {
                assertEquals(fa.get(i).attributes(), fb.get(i).attributes(),
                        "values of " + fa.get(i).id() + " in " + q);
                Geometry ga = fa.get(i).geometry();
                Geometry gb = fb.get(i).geometry();
                assertEquals(ga == null, gb == null, "geometry presence of " + fa.get(i).id());
                if (ga != null) assertTrue(ga.equalsExact(gb, 1e-9), "geometry of " + fa.get(i).id() + " in " + q);
            }
            assertEquals(a.count(q), b.count(q), "count of " + q);
            if (fa.isEmpty()) empty.add(q.filter().toString());
        }
        assertEquals(List.of(), empty, "every query matches something, so the comparison is not vacuous");
        assertEquals(a.version(), b.version());
        assertEquals(a.bounds(), b.bounds());
    }

    private static List<Feature> read(FeatureSource s, FeatureQuery q) {
        List<Feature> out = new ArrayList<>();
        try (FeatureCursor c = s.features(q)) {
            c.forEachRemaining(out::add);
        }
        return out;
    }
}
