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
