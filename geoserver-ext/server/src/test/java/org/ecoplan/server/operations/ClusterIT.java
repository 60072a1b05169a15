package org.ecoplan.server.operations;

import static io.restassured.RestAssured.given;
import static org.ecoplan.server.operations.ClusterScript.admin;
import static org.ecoplan.server.operations.ClusterScript.freePort;
import static org.ecoplan.server.operations.ClusterScript.url;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two replicas behind nginx on one PostGIS, started by {@code bin/cluster} as a person would (issue
 * 15, in the short form that fits CI): a change made on one replica reaches the other through
 * PostgreSQL LISTEN/NOTIFY and neither serves a stale tile afterwards; a replica killed with SIGKILL
 * under load costs no request at the proxy, and when it starts again it catches up with a change made
 * while it was down; a rolling restart of both under load costs none either; an upload that would be a
 * file of one replica is refused. The propagation time is
 * printed, not asserted (no timed assertions in tests); the benchmark reports it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final String TILE = "/yanggao/tiles/restoration_zones/WebMercatorQuad/8/209/96.png";
    private static final String FEATURE = "/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
            + "&TYPENAMES=yanggao:restoration_zones&COUNT=1&OUTPUTFORMAT=application/json";
    private static final String RED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
              <NamedLayer><Name>restoration_zones</Name><UserStyle><Name>zones_cluster</Name><FeatureTypeStyle><Rule>
                <PolygonSymbolizer><Fill><CssParameter name="fill">#FF0000</CssParameter></Fill></PolygonSymbolizer>
              </Rule></FeatureTypeStyle></UserStyle></NamedLayer>
            </StyledLayerDescriptor>
            """;

    private static Path dir;
    private static String schema;
    private static int proxy;
    private static int[] replica = new int[3];
    private static ClusterScript cluster;

    @BeforeAll
    static void up() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException("nginx is missing (nginx-light)");
            Assumptions.abort("nginx is missing (nginx-light)");
        }
        dir = Files.createTempDirectory("ecoplan-cluster");
        Path security = Files.createDirectories(dir.resolve("security-seed"));
        Files.writeString(security.resolve("users.yaml"), "users:\n  - {name: admin, password: \""
                + new String(BCrypt.withDefaults().hashToChar(10, "admin-pass".toCharArray()))
                + "\", roles: [ADMIN]}\n");
        schema = "cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        proxy = freePort();
        cluster = new ClusterScript(dir, proxy);
        cluster.run(
                Map.of("PORT", Integer.toString(proxy), "CLUSTER_DB", testDatabase(), "PLAN_SCHEMA", schema + "_plan",
                        "CLUSTER_SCHEMA", schema, "SECURITY_DIR", security.toString(), "JAVA_OPTS", "-Xmx384m"),
                "up");
        replica[1] = cluster.replicaPort(1);
        replica[2] = cluster.replicaPort(2);
    }

    @AfterAll
    static void down() throws Exception {
        if (cluster == null) return;
        try {
            cluster.run(Map.of(), "down");
        } finally {
            try (var c = java.sql.DriverManager.getConnection(testDatabase());
                    var s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                s.execute("DROP SCHEMA IF EXISTS " + schema + "_plan CASCADE");
            }
        }
    }

    @Test
    @Order(1)
    void aChangeOnOneReplicaReachesTheOtherAndNoStaleTileIsServed() throws Exception {
        byte[] before = given().get(url(replica[2], TILE)).asByteArray();
        assertArrayEquals(before, given().get(url(replica[1], TILE)).asByteArray(), "both draw the same tile");

        Response up = admin().contentType("application/vnd.ogc.sld+xml").body(RED)
                .post(url(replica[1], "/rest/workspaces/yanggao/styles?name=zones_cluster"));
        assertEquals(201, up.statusCode(), up.asString());
        Response assign = admin().contentType("application/json")
                .body("{\"layer\": {\"defaultStyle\": {\"name\": \"yanggao:zones_cluster\"}}}")
                .put(url(replica[1], "/rest/layers/yanggao:restoration_zones"));
        assertEquals(200, assign.statusCode(), assign.asString());
        long published = System.nanoTime();

        String style = "";
        for (int i = 0; i < 600 && !style.equals("yanggao:zones_cluster"); i++) {
            style = admin().get(url(replica[2], "/rest/layers/yanggao:restoration_zones.json")).jsonPath()
                    .getString("layer.defaultStyle.name");
            if (!style.equals("yanggao:zones_cluster")) Thread.sleep(20);
        }
        long millis = (System.nanoTime() - published) / 1_000_000;
        assertEquals("yanggao:zones_cluster", style, "the other replica took the change");
        System.out.println("ClusterIT: change on replica 1 served by replica 2 after " + millis + " ms");

        byte[] after1 = given().get(url(replica[1], TILE)).asByteArray();
        byte[] after2 = given().get(url(replica[2], TILE)).asByteArray();
        assertFalse(java.util.Arrays.equals(before, after2), "replica 2 draws the new style, not its cached tile");
        assertArrayEquals(after1, after2, "both replicas serve the same new tile");
        assertArrayEquals(after1, given().get(url(proxy, TILE)).asByteArray(), "and so does the proxy");
    }

    @Test
    @Order(2)
    void aKilledReplicaCostsNoRequestAndCatchesUpWhenItIsBack() throws Exception {
        try (ClusterScript.Load load = load()) {
            load.awaitRequests(50);
            cluster.run(Map.of(), "replica", "1", "kill");
            load.awaitRequests(load.total() + 100);
            // a change while replica 1 is down
            Response ws = admin().contentType("application/json").body("{\"workspace\": {\"name\": \"cluster_ws\"}}")
                    .post(url(replica[2], "/rest/workspaces"));
            assertEquals(201, ws.statusCode(), ws.asString());
            cluster.run(Map.of(), "replica", "1", "start");
            assertEquals(200, admin().get(url(replica[1], "/rest/workspaces/cluster_ws.json")).statusCode(),
                    "the restarted replica has the change made while it was down");
            load.awaitRequests(load.total() + 100);
            load.assertNoFailure();
        }
    }

    @Test
    @Order(3)
    void aRollingRestartCostsNoRequest() throws Exception {
        try (ClusterScript.Load load = load()) {
            load.awaitRequests(50);
            for (String n : List.of("1", "2")) {
                cluster.run(Map.of(), "replica", n, "stop");
                load.awaitRequests(load.total() + 50);
                cluster.run(Map.of(), "replica", n, "start");
                load.awaitRequests(load.total() + 50);
            }
            load.assertNoFailure();
        }
        assertEquals(200, admin().get(url(replica[2], "/rest/workspaces/cluster_ws.json")).statusCode());
    }

    @Test
    @Order(4)
    void uploadsThatWouldStayOnOneReplicaAreRefused() {
        for (String file : List.of("file.gpkg", "file.shp")) {
            Response up = admin().contentType("application/octet-stream").body(new byte[]{1, 2, 3})
                    .put(url(replica[1], "/rest/workspaces/yanggao/datastores/uploaded/" + file));
            assertEquals(409, up.statusCode(), up.asString());
            assertTrue(up.asString().contains("PostGIS"), up.asString());
        }
        assertEquals(404, admin().get(url(replica[2], "/rest/workspaces/yanggao/datastores/uploaded.json"))
                .statusCode());
    }

    @Test
    @Order(5)
    void behindTheProxyEachClientKeepsItsOwnAddress() throws Exception {
        // nginx appends the peer it saw (127.0.0.1 here) to X-Forwarded-For; the replicas trust it, so their
        // per-client limits and logs see the address before it, not the proxy's
        String marker = UUID.randomUUID().toString();
        assertEquals(200, given().header("X-Forwarded-For", "198.51.100.23")
                .get(url(proxy, "/health/live?m=" + marker)).statusCode());
        String line = null;
        for (int i = 0; i < 50 && line == null; i++) {
            for (int n = 1; n <= 2; n++) {
                for (String l : Files.readAllLines(dir.resolve("replica-" + n + ".log"))) {
                    if (l.contains(marker)) line = l;
                }
            }
            if (line == null) Thread.sleep(100);
        }
        assertNotNull(line, "the access line of the request");
        assertTrue(line.contains(" 198.51.100.23 GET /health/live?m=" + marker), line);
    }

    private static ClusterScript.Load load() {
        return cluster.new Load("ClusterIT", List.of(TILE, FEATURE),
                (path, r) -> r.statusCode() == 200 && r.body().length > 0);
    }

    private static String testDatabase() {
        return System.getenv().getOrDefault("ECOPLAN_TEST_PG",
                "jdbc:postgresql://127.0.0.1:5432/ecoplan_test?user=postgres");
    }
}
