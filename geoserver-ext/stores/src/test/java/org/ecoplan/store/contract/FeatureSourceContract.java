package org.ecoplan.store.contract;

import static org.ecoplan.store.contract.PlotOracle.asc;
import static org.ecoplan.store.contract.PlotOracle.desc;
import static org.ecoplan.store.contract.PlotOracle.expect;
import static org.ecoplan.store.contract.PlotOracle.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.query.ComparisonOperator;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.QueryException;
import org.ecoplan.catalog.query.QueryTimeoutException;
import org.ecoplan.catalog.query.SortBy;
import org.ecoplan.catalog.query.SpatialOperator;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.store.contract.ContractFixture.Plot;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

/**
 * The behaviour every {@link FeatureSource} backend must have, run against the same fixture
 * ({@link ContractFixture}) in each backend: every filter operator, sorting with ties and nulls,
 * paging, counting, property selection, reprojection, bad input, and (from {@link ContractBase})
 * loading and the writer's transaction rules.
 */
public abstract class FeatureSourceContract extends ContractBase {
    // ---- BBOX and comparison operators ---------------------------------------------------------

    @Test
    void bbox() {
        Envelope box = new Envelope(113.61, 113.66, 40.01, 40.06);
        List<String> expected = expect(p -> p.geom() != null && p.geom().getEnvelopeInternal().intersects(box));
        assertEquals(List.of("plots.1", "plots.2", "plots.7", "plots.8"), expected);
        assertEquals(expected, ids(new Filter.BBox(box)));
        // a box touching a square's edge only still intersects its envelope
        Envelope edge = new Envelope(113.64, 113.645, 40.00, 40.01);
        assertEquals(List.of("plots.1"), ids(new Filter.BBox(edge)));
        assertEquals(List.of(), ids(new Filter.BBox(new Envelope(100, 101, 10, 11))));
    }

    @Test
    void bboxIsExactBelowFloatPrecision() {
        // the reference well and well 12 at (113.8, 40.1): boxes a nanodegree beside it, far below the float
        // rounding of stored boxes (about 8e-6 degrees here), miss it; boxes reaching it hit it
        for (double[] b : new double[][]{{113.8 + 1e-9, 113.81, 40.09, 40.11}, {113.79, 113.8 - 1e-9, 40.09, 40.11},
                {113.79, 113.81, 40.1 + 1e-9, 40.11}, {113.79, 113.81, 40.09, 40.1 - 1e-9}}) {
            Envelope box = new Envelope(b[0], b[1], b[2], b[3]);
            assertEquals(List.of(), wellIds(new Filter.BBox(box)), "beside " + box);
            assertEquals(0, wells.count(FeatureQuery.of(new Filter.BBox(box))), "count beside " + box);
        }
        assertEquals(List.of("wells.11", "wells.12"),
                wellIds(new Filter.BBox(new Envelope(113.8, 113.81, 40.1, 40.11))));
        assertEquals(List.of("wells.11", "wells.12"),
                wellIds(new Filter.BBox(new Envelope(113.79, 113.8, 40.09, 40.1))));
        assertEquals(List.of("wells.11", "wells.12"), wellIds(new Filter.BBox(new Envelope(113.8, 113.8, 40.1, 40.1))));
    }

    private List<String> wellIds(Filter f) {
        return read(wells, FeatureQuery.of(f)).stream().map(Feature::id).toList();
    }

    @Test
    void generalizationKeepsEveryFeatureWithinItsDistance() {
        List<Feature> exact = read(plots, FeatureQuery.ALL);
        for (double d : new double[]{0.001, 0.1}) {
            List<Feature> general = read(plots, FeatureQuery.ALL.withGeneralization(d));
            assertEquals(exact.stream().map(Feature::id).toList(), general.stream().map(Feature::id).toList(),
                    "no feature dropped at " + d);
            for (int i = 0; i < exact.size(); i++) {
                Geometry e = exact.get(i).geometry();
                Geometry g = general.get(i).geometry();
                if (e == null) {
                    assertNull(g);
                    continue;
                }
                assertFalse(g.isEmpty(), "a plot smaller than the distance keeps a shape: " + exact.get(i).id());
                assertEquals(e.getGeometryType(), g.getGeometryType());
                assertTrue(e.getEnvelopeInternal().contains(g.getEnvelopeInternal()),
                        "simplified within the original's box: " + exact.get(i).id());
                // vertices are only removed: each left is one of the original's
                for (Coordinate c : g.getCoordinates()) {
                    assertTrue(java.util.Arrays.stream(e.getCoordinates()).anyMatch(c::equals2D), "vertex " + c);
                }
            }
        }
        // filters test the exact geometries, in SQL or in Java (a store may test this one either way)
        Geometry edge = ContractFixture.GF.toGeometry(new Envelope(113.639, 113.641, 40.01, 40.02));
        Filter residual = new Filter.Or(
                List.of(new Filter.Spatial(SpatialOperator.INTERSECTS, edge, 0), new Filter.IsNull("name")));
        List<String> expected = expect(p -> p.name() == null || (p.geom() != null && p.geom().intersects(edge)));
        assertEquals(expected, ids(FeatureQuery.of(residual)));
        assertEquals(expected, ids(FeatureQuery.of(residual).withGeneralization(0.1)));
    }

    @Test
    void eachComparisonOperatorOnEachType() {
        for (ComparisonOperator op : ComparisonOperator.values()) {
            assertEquals(expect(p -> p.count() != null && test(op, Long.compare(p.count(), 3))),
                    ids(cmp("count", op, 3L)), "count " + op);
            assertEquals(expect(p -> p.area() != null && test(op, Double.compare(p.area(), 12.0))),
                    ids(cmp("area", op, 12.0)), "area " + op);
            assertEquals(expect(p -> p.name() != null && test(op, p.name().compareTo("wetland-3"))),
                    ids(cmp("name", op, "wetland-3")), "name " + op);
            LocalDate d = LocalDate.of(2020, 6, 1);
            assertEquals(expect(p -> p.surveyed() != null && test(op, p.surveyed().compareTo(d))),
                    ids(cmp("surveyed", op, "2020-06-01")), "date " + op);
            assertEquals(expect(p -> p.active() != null && test(op, p.active().compareTo(true))),
                    ids(cmp("active", op, true)), "boolean " + op);
        }
        // literals of another type are converted to the attribute type
        assertEquals(expect(p -> p.count() != null && p.count() > 2.5),
                ids(cmp("count", ComparisonOperator.GREATER, "2.5")));
        assertEquals(expect(p -> p.area() != null && p.area() == 3.0), ids(cmp("area", ComparisonOperator.EQUAL, 3L)));
    }

    private static boolean test(ComparisonOperator op, int c) {
        return switch (op) {
            case EQUAL -> c == 0;
            case NOT_EQUAL -> c != 0;
            case LESS -> c < 0;
            case GREATER -> c > 0;
            case LESS_OR_EQUAL -> c <= 0;
            case GREATER_OR_EQUAL -> c >= 0;
        };
    }

    @Test
    void caseInsensitiveComparison() {
        assertEquals(List.of(), ids(cmp("code", ComparisonOperator.EQUAL, "ab-2")));
        assertEquals(expect(p -> p.code().equals("AB-2")),
                ids(new Filter.Comparison("code", ComparisonOperator.EQUAL, "ab-2", false)));
        // case folding is ASCII only in every backend (SQLite lower(), PostgreSQL lower() under COLLATE "C")
        assertEquals(List.of("plots.12"), ids(new Filter.Comparison("name", ComparisonOperator.EQUAL, "ÄRGER", false)));
        assertEquals(List.of(), ids(new Filter.Comparison("name", ComparisonOperator.EQUAL, "ärger", false)));
        assertEquals(List.of("plots.12"), ids(new Filter.Like("name", "ÄR*", '*', '.', '!', false)));
        assertEquals(List.of(), ids(new Filter.Like("name", "är*", '*', '.', '!', false)));
    }

    @Test
    void likeWithOwnWildcardsEscapeAndCase() {
        assertEquals(List.of("plots.7", "plots.8"), ids(new Filter.Like("name", "100*", '*', '.', '!', true)));
        // the pattern's escape makes '*' literal; '%' and '_' are plain characters of the pattern
        assertEquals(List.of("plots.7"), ids(new Filter.Like("name", "100%_*", '*', '.', '!', true)));
        assertEquals(List.of("plots.7"), ids(new Filter.Like("name", "100..保护区", '*', '.', '!', true)));
        assertEquals(List.of("plots.8"), ids(new Filter.Like("name", "100.保护区", '*', '.', '!', true)));
        assertEquals(List.of(), ids(new Filter.Like("name", "100!..保护区", '*', '.', '!', true)));
        assertEquals(List.of("plots.7"), ids(new Filter.Like("name", "100%.保护区", '*', '.', '!', true)));
        assertEquals(expect(p -> p.name() != null && p.name().startsWith("wetland")),
                ids(new Filter.Like("name", "wetland*", '*', '.', '!', true)));
        assertEquals(expect(p -> p.name() != null && p.name().toLowerCase().startsWith("wetland")),
                ids(new Filter.Like("name", "WETLAND*", '*', '.', '!', false)));
        assertEquals(expect(p -> p.name() != null && p.name().startsWith("林地")),
                ids(new Filter.Like("name", "林地-%", '%', '_', '\\', true)));
    }

    @Test
    void isNullAndBetween() {
        assertEquals(List.of("plots.11"), ids(new Filter.IsNull("name")));
        assertEquals(List.of("plots.36"), ids(new Filter.IsNull("geom")));
        assertEquals(expect(p -> p.area() != null && p.area() >= 3 && p.area() <= 9),
                ids(new Filter.Between("area", 3.0, 9L)));
        assertEquals(expect(p -> p.surveyed() != null && !p.surveyed().isBefore(LocalDate.of(2020, 3, 1))
                && !p.surveyed().isAfter(LocalDate.of(2020, 5, 31))),
                ids(new Filter.Between("surveyed", "2020-03-01", LocalDate.of(2020, 5, 31))));
    }

    @Test
    void logicalOperatorsWithThreeValuedNulls() {
        assertEquals(expect(p -> p.count() != null && p.count() != 3),
                ids(new Filter.Not(cmp("count", ComparisonOperator.EQUAL, 3L))));
        assertEquals(expect(p -> p.name() == null || (p.area() != null && p.area() < 5)),
                ids(new Filter.Or(List.of(new Filter.IsNull("name"), cmp("area", ComparisonOperator.LESS, 5.0)))));
        assertEquals(expect(p -> Boolean.TRUE.equals(p.active()) && p.count() != null && p.count() >= 2),
                ids(new Filter.And(List.of(cmp("active", ComparisonOperator.EQUAL, true),
                        cmp("count", ComparisonOperator.GREATER_OR_EQUAL, 2L)))));
        assertEquals(expect(p -> true), ids(Filter.INCLUDE));
        assertEquals(List.of(), ids(Filter.EXCLUDE));
        assertEquals(expect(p -> p.area() != null && !(p.area() > 10)),
                ids(new Filter.Not(
                        new Filter.Or(List.of(cmp("area", ComparisonOperator.GREATER, 10.0), Filter.EXCLUDE)))));
    }

    @Test
    void resourceIds() {
        assertEquals(List.of("plots.3", "plots.30"),
                ids(new Filter.ResourceId(
                        List.of("plots.30", "wells.1", "plots.x", "plots.3", "plots.999", "plots."))));
        assertEquals(List.of(), ids(new Filter.ResourceId(List.of("wells.1", "garbage"))));
        assertEquals(35, ids(new Filter.Not(new Filter.ResourceId(List.of("plots.4")))).size());
    }

    // ---- spatial operators ---------------------------------------------------------------------

    @Test
    void eachSpatialOperator() {
        Geometry box = ContractFixture.GF.toGeometry(new Envelope(113.59, 113.70, 39.99, 40.10));
        Geometry partial = ContractFixture.square(113.62, 40.02, 0.04);
        Point inPlot1 = ContractFixture.GF.createPoint(new Coordinate(113.62, 40.02));
        Point corner27 = ContractFixture.GF.createPoint(ContractFixture.corner(27));
        Geometry line = ContractFixture.GF
                .createLineString(new Coordinate[]{new Coordinate(113.55, 40.02), new Coordinate(113.695, 40.02)});
        Geometry plot14 = ContractFixture.PLOT_ROWS.get(13).geom();

        check(SpatialOperator.EQUALS, plot14, 0, List.of("plots.14"), g -> g.equalsTopo(plot14));
        check(SpatialOperator.INTERSECTS, partial, 0, List.of("plots.1", "plots.2", "plots.7", "plots.8"),
                g -> g.intersects(partial));
        check(SpatialOperator.DISJOINT, box, 0, null, g -> g.disjoint(box));
        check(SpatialOperator.TOUCHES, corner27, 0, List.of("plots.27"), g -> g.touches(corner27));
        check(SpatialOperator.WITHIN, box, 0, List.of("plots.1", "plots.2", "plots.7", "plots.8"), g -> g.within(box));
        check(SpatialOperator.CONTAINS, inPlot1, 0, List.of("plots.1"), g -> g.contains(inPlot1));
        check(SpatialOperator.OVERLAPS, partial, 0, List.of("plots.1", "plots.2", "plots.7", "plots.8"),
                g -> g.overlaps(partial));
        check(SpatialOperator.CROSSES, line, 0, List.of("plots.1", "plots.7"), g -> g.crosses(line));
        check(SpatialOperator.DWITHIN, inPlot1, 0.05, null, g -> g.isWithinDistance(inPlot1, 0.05));
        check(SpatialOperator.BEYOND, inPlot1, 0.05, null, g -> !g.isWithinDistance(inPlot1, 0.05));
        assertEquals(31, ids(new Filter.Spatial(SpatialOperator.DISJOINT, partial, 0)).size(),
                "35 geometries minus the 4 hit");
    }

    private void check(SpatialOperator op, Geometry literal, double distance, List<String> known,
            java.util.function.Predicate<Geometry> oracle) {
        Filter f = new Filter.Spatial(op, literal, distance);
        List<String> expected = expect(p -> p.geom() != null && oracle.test(p.geom()));
        if (known != null) assertEquals(known, expected, "fixture assumption for " + op);
        assertFalse(expected.isEmpty(), "a test that matches nothing proves little: " + op);
        assertEquals(expected, ids(f), op.name());
    }

    @Test
    void spatialCombinedWithAttributesPagingAndCount() {
        Geometry big = ContractFixture.GF.toGeometry(new Envelope(113.55, 113.80, 39.95, 40.20));
        Filter f = Filter.and(new Filter.Spatial(SpatialOperator.INTERSECTS, big, 0),
                cmp("count", ComparisonOperator.GREATER, 1L));
        List<String> expected = sorted(
                p -> p.geom() != null && p.geom().intersects(big) && p.count() != null && p.count() > 1,
                desc(Plot::area));
        FeatureQuery q = FeatureQuery.of(f).withSort(List.of(new SortBy("area", false)));
        assertEquals(expected, ids(q));
        assertEquals(expected.size(), plots.count(q.withPage(2, 3)));
        assertEquals(expected.subList(2, 5), ids(q.withPage(2, 3)));
        // a spatial operator under OR or NOT
        Filter or = new Filter.Or(
                List.of(new Filter.Spatial(SpatialOperator.INTERSECTS, big, 0), new Filter.IsNull("name")));
        assertEquals(expect(p -> p.name() == null || (p.geom() != null && p.geom().intersects(big))), ids(or));
        Filter not = new Filter.Not(new Filter.BBox(big.getEnvelopeInternal()));
        assertEquals(
                expect(p -> p.geom() != null && !p.geom().getEnvelopeInternal().intersects(big.getEnvelopeInternal())),
                ids(not));
    }

    // ---- deadlines ---------------------------------------------------------------------------------

    @Test
    void aQueryPastItsDeadlineStopsAndOneWithinItRuns() {
        long past = System.nanoTime() - 1;
        FeatureQuery late = FeatureQuery.ALL.withDeadline(past);
        assertThrows(QueryTimeoutException.class, () -> plots.count(late));
        assertThrows(QueryTimeoutException.class, () -> plots.features(late).close());
        // a Java-side filter (spatial under OR) reads rows one by one: the deadline holds there too
        Geometry big = ContractFixture.GF.toGeometry(new Envelope(113.55, 113.80, 39.95, 40.20));
        Filter residual = new Filter.Or(
                List.of(new Filter.Spatial(SpatialOperator.INTERSECTS, big, 0), new Filter.IsNull("name")));
        assertThrows(QueryTimeoutException.class, () -> plots.count(FeatureQuery.of(residual).withDeadline(past)));
        FeatureQuery ample = FeatureQuery.ALL.withDeadline(System.nanoTime() + 60_000_000_000L);
        assertEquals(ids(FeatureQuery.ALL), ids(ample));
        assertEquals(plots.count(FeatureQuery.ALL), plots.count(ample));
        // a timed-out query leaves no limit behind on the pooled connection
        assertEquals(ids(FeatureQuery.ALL), ids(FeatureQuery.ALL));
    }

    // ---- sorting, paging, selection, reprojection ------------------------------------------------

    @Test
    void sortWithTiesAndNulls() {
        assertEquals(sorted(p -> true, asc(Plot::count)),
                ids(FeatureQuery.ALL.withSort(List.of(new SortBy("count", true)))));
        assertEquals(sorted(p -> true, desc(Plot::count)),
                ids(FeatureQuery.ALL.withSort(List.of(new SortBy("count", false)))));
        assertEquals(sorted(p -> true, asc(Plot::name)),
                ids(FeatureQuery.ALL.withSort(List.of(new SortBy("name", true)))));
        assertEquals(sorted(p -> true, desc(Plot::name)),
                ids(FeatureQuery.ALL.withSort(List.of(new SortBy("name", false)))));
        assertEquals(sorted(p -> true, desc(Plot::active).thenComparing(asc(Plot::surveyed))),
                ids(FeatureQuery.ALL.withSort(List.of(new SortBy("active", false), new SortBy("surveyed", true)))));
    }

    @Test
    void paging() {
        List<String> all = sorted(p -> true, asc(Plot::count));
        FeatureQuery q = FeatureQuery.ALL.withSort(List.of(new SortBy("count", true)));
        assertEquals(all.subList(5, 12), ids(q.withPage(5, 7)));
        assertEquals(all.subList(30, 36), ids(q.withPage(30, 100)));
        assertEquals(List.of(), ids(q.withPage(40, 5)));
        assertEquals(all.subList(0, 0), ids(q.withPage(0, 0)));
        assertEquals(36, plots.count(q.withPage(5, 7)));
    }

    @Test
    void propertySelection() {
        List<Feature> fs = read(plots, FeatureQuery.ALL.withProperties(List.of("area", "name"), false));
        assertEquals(36, fs.size());
        for (Feature f : fs) {
            assertEquals(List.of("name", "area"), List.copyOf(f.attributes().keySet()));
            assertNull(f.geometry());
        }
        assertEquals("林地-6", fs.get(5).get("name"));
        List<Feature> geomOnly = read(plots, FeatureQuery.ALL.withProperties(List.of(), true));
        assertTrue(geomOnly.get(0).attributes().isEmpty());
        assertInstanceOf(MultiPolygon.class, geomOnly.get(0).geometry());
        QueryException e = assertThrows(QueryException.class,
                () -> read(plots, FeatureQuery.ALL.withProperties(List.of("name", "nope"), true)));
        assertEquals("nope", e.locator());
    }

    @Test
    void targetCrs() {
        Filter reference = new Filter.ResourceId(List.of("wells.11"));
        Point native4490 = (Point) read(wells, FeatureQuery.of(reference)).get(0).geometry();
        assertEquals(113.8, native4490.getX(), 1e-12);
        Point gk = (Point) read(wells, FeatureQuery.of(reference).withTargetCrs(CrsRegistry.CGCS2000_GK_114E)).get(0)
                .geometry();
        assertEquals(482946.1622, gk.getX(), 0.01);
        assertEquals(4440651.7617, gk.getY(), 0.01);
        assertEquals(4547, gk.getSRID());
        Point merc = (Point) read(wells, FeatureQuery.of(reference).withTargetCrs(CrsRegistry.WEB_MERCATOR)).get(0)
                .geometry();
        assertEquals(12668158.0523, merc.getX(), 0.01);
        assertEquals(4880484.6657, merc.getY(), 0.01);
    }

    // ---- bad input -----------------------------------------------------------------------------

    @Test
    void unknownPropertiesAndBadLiteralsAreQueryExceptions() {
        QueryException e = assertThrows(QueryException.class, () -> ids(cmp("nope", ComparisonOperator.EQUAL, "x")));
        assertEquals("nope", e.locator());
        e = assertThrows(QueryException.class, () -> ids(cmp("count", ComparisonOperator.EQUAL, "abc")));
        assertEquals("count", e.locator());
        e = assertThrows(QueryException.class, () -> ids(FeatureQuery.ALL.withSort(List.of(new SortBy("nope", true)))));
        assertEquals("nope", e.locator());
        assertThrows(QueryException.class, () -> plots.count(FeatureQuery.of(new Filter.IsNull("missing"))));
        assertThrows(QueryException.class, () -> ids(new Filter.Like("count", "1*", '*', '.', '!', true)));
        assertThrows(QueryException.class, () -> ids(cmp("surveyed", ComparisonOperator.LESS, "2020-13-45")));
    }

    @Test
    void sqlLookingLiteralsArePlainValues() {
        assertEquals(List.of("plots.9"), ids(cmp("name", ComparisonOperator.EQUAL, ContractFixture.INJECTION)));
        assertEquals(List.of(), ids(cmp("name", ComparisonOperator.EQUAL, "' OR '1'='1")));
        assertEquals(List.of(), ids(new Filter.Like("name", "%' OR 1=1 --", '*', '.', '!', true)));
        assertEquals(List.of(), ids(new Filter.ResourceId(List.of("plots.1 OR 1=1", "plots.1; DROP TABLE plots"))));
        assertEquals(36, plots.count(FeatureQuery.ALL));
        assertTrue(store.hasTable("plots"));
    }

}
