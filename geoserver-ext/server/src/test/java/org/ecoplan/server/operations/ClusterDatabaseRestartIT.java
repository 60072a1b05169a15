package org.ecoplan.server.operations;

import static io.restassured.RestAssured.given;
import static org.ecoplan.server.operations.ClusterScript.admin;
import static org.ecoplan.server.operations.ClusterScript.freePort;
import static org.ecoplan.server.operations.ClusterScript.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted under load behind the proxy (issue 15): two replicas started by
 * {@code bin/cluster} on a database cluster of the test's own. While it is down every request through
 * nginx is answered 503 with Retry-After in its protocol's format (both replicas refuse, so nginx's
 * retry on the other ends in the same 503) and never anything else — but for an answer already streaming
 * when the database stopped, which can only be cut off, at most one per connection — and each replica says it is not
 * ready while it lives; when the database is back both answer again without a restart, and a catalog
 * change made on one replica reaches the other (its LISTEN connection came back). The time the change
 * took is printed, not asserted.
 */
class ClusterDatabaseRestartIT {
    private static final String FEATURE = "/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
            + "&TYPENAMES=yanggao:townships&COUNT=2&OUTPUTFORMAT=application/json";
    private static final String ITEMS = "/yanggao/ogcapi/collections/restoration_zones/items?limit=2";

    @Test
    void theClusterAnswers503WhileTheDatabaseIsDownAndRecoversWithoutARestart() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException("nginx is missing (nginx-light)");
            Assumptions.abort("nginx is missing (nginx-light)");
        }
        try (ScratchPostgres pg = new ScratchPostgres()) {
            Path dir = Files.createTempDirectory("ecoplan-cluster-db");
            Path security = Files.createDirectories(dir.resolve("security-seed"));
            Files.writeString(security.resolve("users.yaml"), "users:\n  - {name: admin, password: \""
                    + new String(BCrypt.withDefaults().hashToChar(10, "admin-pass".toCharArray()))
                    + "\", roles: [ADMIN]}\n");
            ClusterScript cluster = new ClusterScript(dir, freePort());
            cluster.run(Map.of("PORT", Integer.toString(cluster.proxy), "CLUSTER_DB", pg.url(), "SECURITY_DIR",
                    security.toString(), "JAVA_OPTS", "-Xmx384m", "ECOPLAN_PG_CONNECT_TIMEOUT_MS", "1000"), "up");
            try {
                duringOutage(pg, cluster);
            } finally {
                // whatever failed, the replicas and nginx are stopped
                cluster.run(Map.of(), "down");
            }
        }
    }

    /** The outage under load, the recovery and a change after it, on the cluster that is up. */
    private static void duringOutage(ScratchPostgres pg, ClusterScript cluster) throws Exception {
        int[] replica = {0, cluster.replicaPort(1), cluster.replicaPort(2)};
        try (ClusterScript.Load load = cluster.new Load("ClusterDatabaseRestartIT", List.of(FEATURE, ITEMS),
                (path, r) -> r.statusCode() == 200
                        || (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()))) {
            load.awaitRequests(50);
            load.outageStarts();
            pg.stop();
            Response wfs = given().get(url(cluster.proxy, FEATURE));
            assertEquals(503, wfs.statusCode(), wfs.asString());
            assertEquals("5", wfs.header("Retry-After"));
            assertTrue(wfs.asString().contains("ExceptionReport"), wfs.asString());
            Response items = given().get(url(cluster.proxy, ITEMS));
            assertEquals(503, items.statusCode(), items.asString());
            assertTrue(items.contentType().startsWith("application/problem+json"), items.contentType());
            for (int n : new int[]{1, 2}) {
                assertEquals(503, given().get(url(replica[n], "/health/ready")).statusCode(), "replica " + n);
                assertEquals(200, given().get(url(replica[n], "/health/live")).statusCode(), "replica " + n);
            }
            load.awaitRequests(load.total() + 50);

            pg.start();
            for (int n : new int[]{1, 2}) {
                int status = 0;
                for (int i = 0; i < 300 && status != 200; i++) {
                    status = given().get(url(replica[n], FEATURE)).statusCode();
                    if (status != 200) Thread.sleep(100);
                }
                assertEquals(200, status, "replica " + n + " answers again without a restart");
            }
            load.outageOver();
            long back = load.total();
            load.awaitRequests(back + 50);
            load.assertNoFailure();
            // an answer already streaming (200 sent) when the database stopped can only be cut off: at
            // most one per connection of the load
            assertTrue(load.cut().size() <= 2, "answers cut off by the stop: " + load.cut());
            System.out.println("ClusterDatabaseRestartIT: answers cut off by the stop: " + load.cut().size());
            assertTrue(load.saw(503) && load.saw(200), "the load met the outage and the recovery");
        }
        // the replicas' LISTEN connections were cut: a change on one still reaches the other
        long published = System.nanoTime();
        Response ws = admin().contentType("application/json")
                .body("{\"workspace\": {\"name\": \"after_restart\"}}")
                .post(url(replica[1], "/rest/workspaces"));
        assertEquals(201, ws.statusCode(), ws.asString());
        int status = 0;
        for (int i = 0; i < 600 && status != 200; i++) {
            status = admin().get(url(replica[2], "/rest/workspaces/after_restart.json")).statusCode();
            if (status != 200) Thread.sleep(50);
        }
        assertEquals(200, status, "replica 2 took a change made after the database restart");
        System.out.println("ClusterDatabaseRestartIT: change after the restart reached replica 2 in "
                + (System.nanoTime() - published) / 1_000_000 + " ms");
        assertEquals(200, given().get(url(cluster.proxy, "/health/ready")).statusCode());
    }
}
