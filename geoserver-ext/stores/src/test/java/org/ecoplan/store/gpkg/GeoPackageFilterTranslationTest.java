package org.ecoplan.store.gpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.SpatialOperator;
import org.ecoplan.store.contract.ContractFixture;
import org.ecoplan.store.sql.FilterToSql;
import org.ecoplan.store.sql.SqlWhere;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** How a filter splits between SQL and the Java residual on GeoPackage. */
class GeoPackageFilterTranslationTest {
    private final FilterToSql sql = new FilterToSql(ContractFixture.PLOTS, new GeoPackageDialect("plots", "geom"));
    private final Geometry box = ContractFixture.GF.toGeometry(new Envelope(0, 1, 0, 1));

    @Test
    void spatialPredicateGoesToJavaWithAnRtreePrefilter() {
        Filter spatial = new Filter.Spatial(SpatialOperator.INTERSECTS, box, 0);
        SqlWhere w = sql.translate(Filter.and(spatial, new Filter.IsNull("name")));
        assertEquals(spatial, w.residual());
        assertTrue(w.sql().contains("rtree_plots_geom"), w.sql());
        assertTrue(w.sql().contains("\"name\" IS NULL"), w.sql());
        assertEquals(List.of(1.0, 0.0, 1.0, 0.0), w.params());
    }

    @Test
    void disjointAndBeyondHaveNoPrefilter() {
        SqlWhere w = sql.translate(new Filter.Spatial(SpatialOperator.BEYOND, box, 2));
        assertTrue(w.hasResidual());
        assertEquals("1=1", w.sql());
        assertTrue(w.params().isEmpty());
    }

    @Test
    void aSpatialTestUnderOrMovesTheWholeOrToJava() {
        Filter or = new Filter.Or(
                List.of(new Filter.Spatial(SpatialOperator.WITHIN, box, 0), new Filter.IsNull("code")));
        SqlWhere w = sql.translate(or);
        assertEquals(or, w.residual());
        assertEquals("1=1", w.sql());
    }

    @Test
    void bboxStaysInSqlAndKeepsNullGeometriesUnknownUnderNot() {
        SqlWhere top = sql.translate(new Filter.BBox(new Envelope(0, 1, 0, 1)));
        assertFalse(top.hasResidual());
        assertFalse(top.sql().contains("IS NULL"), top.sql());
        SqlWhere not = sql.translate(new Filter.Not(new Filter.BBox(new Envelope(0, 1, 0, 1))));
        assertTrue(not.sql().startsWith("NOT (") && not.sql().contains("CASE WHEN \"geom\" IS NULL THEN NULL"),
                not.sql());
    }

    @Test
    void literalsAreOnlyEverParameters() {
        SqlWhere w = sql.translate(new Filter.And(List.of(
                new Filter.Comparison("name", org.ecoplan.catalog.query.ComparisonOperator.EQUAL,
                        ContractFixture.INJECTION, true),
                new Filter.Like("code", "x'y*", '*', '.', '!', false),
                new Filter.ResourceId(List.of("plots.5")))));
        assertFalse(w.sql().contains("DROP"), w.sql());
        assertFalse(w.sql().contains("x'y"), w.sql());
        assertEquals(List.of(ContractFixture.INJECTION, "x'y%", 5L), w.params());
    }
}
