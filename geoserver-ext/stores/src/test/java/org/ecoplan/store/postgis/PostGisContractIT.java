package org.ecoplan.store.postgis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.DataStores;
import org.ecoplan.store.contract.FeatureSourceContract;

/**
 * The store contract on PostGIS, in a schema of its own dropped afterwards. Fails (does not skip)
 * when the database is unreachable: CI provides it.
 */
class PostGisContractIT extends FeatureSourceContract {
    private String schema;

    static String baseUrl() {
        String url = System.getenv("ECOPLAN_TEST_PG");
        return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/ecoplan_test?user=postgres" : url;
    }

    static String createSchema(String prefix) throws Exception {
        String schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(baseUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return schema;
    }

    static void dropSchema(String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(baseUrl()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    static String storeUrl(String schema) {
        String base = baseUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @org.junit.jupiter.api.Test
    void bboxAndSpatialPredicatesUseTheGistIndex() throws Exception {
        var filter = new org.ecoplan.catalog.query.Filter.BBox(
                new org.locationtech.jts.geom.Envelope(113.61, 113.66, 40.01, 40.06));
        var where = new org.ecoplan.store.sql.FilterToSql(org.ecoplan.store.contract.ContractFixture.PLOTS,
                new PostGisDialect(schema, "plots", "geom", 4490)).translate(filter);
        StringBuilder plan = new StringBuilder();
        try (Connection c = DriverManager.getConnection(baseUrl()); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            try (var ps = c.prepareStatement("EXPLAIN SELECT fid FROM " + schema + ".plots WHERE " + where.sql())) {
                for (int i = 0; i < where.params().size(); i++) ps.setObject(i + 1, where.params().get(i));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(plan.toString().contains("plots_geom_gix"), plan.toString());
    }

    @org.junit.jupiter.api.Test
    void generalizationSimplifiesInTheDatabase() {
        var all = org.ecoplan.catalog.query.FeatureQuery.ALL;
        var exact = read(plots, all);
        var fine = read(plots, all.withGeneralization(0.001));
        var coarse = read(plots, all.withGeneralization(0.1));
        int simplified = 0;
        for (int i = 0; i < exact.size(); i++) {
            if (exact.get(i).geometry() == null) continue;
            int n = exact.get(i).geometry().getNumPoints();
            // a square (5 points) far larger than 0.001 degrees is unchanged; at 0.1 degrees it collapses
            // to the smallest ring ST_Simplify keeps with preserveCollapsed
            org.junit.jupiter.api.Assertions.assertEquals(n, fine.get(i).geometry().getNumPoints());
            org.junit.jupiter.api.Assertions.assertTrue(coarse.get(i).geometry().getNumPoints() < n,
                    exact.get(i).id() + ": " + coarse.get(i).geometry());
            simplified++;
        }
        org.junit.jupiter.api.Assertions.assertEquals(35, simplified);
    }

    /**
     * A table whose column changes type under the statements the pooled connections keep prepared (a
     * change made behind the catalog's back): PostgreSQL refuses the kept plan once per connection
     * ("cached plan must not change result type"), and the store runs the statement again.
     */
    @org.junit.jupiter.api.Test
    void aColumnRetypedUnderPreparedStatementsIsReadAgain() throws Exception {
        var all = org.ecoplan.catalog.query.FeatureQuery.ALL;
        var count = org.ecoplan.catalog.query.FeatureQuery.of(new org.ecoplan.catalog.query.Filter.Comparison("count",
                org.ecoplan.catalog.query.ComparisonOperator.GREATER, 1L, true));
        var before = read(plots, all);
        long counted = 0;
        for (int i = 0; i < 6; i++) counted = plots.count(count); // past the driver's threshold for preparing
        try (Connection c = DriverManager.getConnection(baseUrl()); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + schema + ".plots ALTER COLUMN \"count\" TYPE numeric");
        }
        for (int i = 0; i < 6; i++) {
            var after = read(plots, all);
            org.junit.jupiter.api.Assertions.assertEquals(before.size(), after.size());
            for (int k = 0; k < before.size(); k++)
                org.junit.jupiter.api.Assertions.assertEquals(before.get(k).get("count"), after.get(k).get("count"));
            org.junit.jupiter.api.Assertions.assertEquals(counted, plots.count(count));
        }
    }

    @Override
    protected DataStore createStore() throws Exception {
        schema = createSchema("contract_");
        return DataStores.open(storeUrl(schema));
    }

    @Override
    protected void dropStore() throws Exception {
        if (schema != null) dropSchema(schema);
    }
}
