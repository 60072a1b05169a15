package org.ecoplan.server.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.server.EcoplanServer;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.Test;

/**
 * The database restarted under load (issue 15): while PostgreSQL is down every request that needs
 * it is answered 503 with Retry-After in its protocol's format — never a 500, never a hang — and
 * readiness says DOWN while liveness stays UP; when it is back the same server answers again
 * without a restart, and its sessions are no more than its pool. Each reading session is labelled
 * with the request id (application_name), and the pool is reported on /metrics.
 */
class DatabaseRestartIT {
    private static final String WFS = "/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
            + "&TYPENAMES=yanggao:townships&OUTPUTFORMAT=application/json";
    private static final String ITEMS = "/yanggao/ogcapi/collections/restoration_zones/items?limit=2";
    private static final String MAP = "/yanggao/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=yanggao:"
            + "restoration_zones&STYLES=&CRS=CRS:84&BBOX=113.6,40.1,114.2,40.5&WIDTH=300&HEIGHT=200&FORMAT=image/png";
    private static final String READERS = "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE "
            + "'ecoplan-reader%'";

    @Test
    void requestsFailCleanlyWhileTheDatabaseIsDownAndRecoverAfter() throws Exception {
        try (ScratchPostgres pg = new ScratchPostgres()) {
            String store = pg.url() + "&currentSchema=plan";
            ServerFixture.runLoader("load", "--data-dir", ServerFixture.workspace().toString(), "--workspace",
                    ServerFixture.PLAN, "--store", store);
            EcoplanServer server = ServerFixture.startPrivate(ServerFixture.workspace(),
                    Map.of("PLAN_STORE_URL", store, "ECOPLAN_PG_CONNECT_TIMEOUT_MS", "1000"),
                    ServerSettings.fromEnvironment());
            String base = "http://127.0.0.1:" + server.port();
            try {
                // the request id reaches the database session that served it
                Response first = given().header("X-Request-Id", "restart-check-1").get(base + WFS);
                assertEquals(200, first.statusCode(), first.asString());
                assertEquals(1, pg.count("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                        + "'ecoplan-reader restart-check-1'"), "one session labelled with the request id");
                String metrics = given().get(base + "/metrics").asString();
                assertTrue(metrics.contains("ecoplan_db_connections_max{store=\"yanggao:plan\"} 4.0"), metrics);
                assertTrue(metrics.contains("ecoplan_db_connections_active{store=\"yanggao:plan\"}"), metrics);

                Set<Integer> seen = ConcurrentHashMap.newKeySet();
                List<String> cut = java.util.Collections.synchronizedList(new ArrayList<>());
                AtomicBoolean outage = new AtomicBoolean();
                List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
                AtomicBoolean running = new AtomicBoolean(true);
                ExecutorService load = Executors.newFixedThreadPool(2);
                List<Future<?>> drivers = new ArrayList<>();
                for (String path : List.of(WFS, ITEMS)) {
                    drivers.add(load.submit(() -> {
                        while (running.get()) {
                            Response r;
                            try {
                                r = given().get(base + path);
                            } catch (Exception e) {
                                // an answer already streaming (its 200 sent) when the database stops can
                                // only be cut off; counted, and bounded below (RestAssured may throw the
                                // client's checked exception unwrapped, hence Exception)
                                String what = e.getClass().getName() + " " + e.getMessage();
                                boolean brokenOff = what.contains("Chunk") || what.contains("chunk")
                                        || what.contains("Closed") || what.contains("closed")
                                        || what.contains("EOF") || what.contains("Truncated");
                                if (outage.get() && brokenOff) cut.add(path + ": " + e);
                                else wrong.add(path + ": " + e);
                                continue;
                            }
                            seen.add(r.statusCode());
                            if (r.statusCode() == 503 && r.header("Retry-After") == null)
                                wrong.add(path + ": 503 without Retry-After");
                            else
                                if (r.statusCode() != 200 && r.statusCode() != 503)
                                    wrong.add(path + ": " + r.statusCode() + " " + r.asString());
                        }
                        return null;
                    }));
                }
                try {
                    outage.set(true);
                    pg.stop();
                    // in each protocol's own format
                    Response wfs = given().get(base + WFS);
                    assertEquals(503, wfs.statusCode(), wfs.asString());
                    assertEquals("5", wfs.header("Retry-After"));
                    assertTrue(wfs.asString().contains("ExceptionReport"), wfs.asString());
                    Response items = given().get(base + ITEMS);
                    assertEquals(503, items.statusCode(), items.asString());
                    assertTrue(items.contentType().startsWith("application/problem+json"), items.contentType());
                    Response map = given().get(base + MAP);
                    assertEquals(503, map.statusCode(), map.asString());
                    assertTrue(map.asString().contains("ServiceException"), map.asString());
                    assertEquals(503, given().get(base + "/health/ready").statusCode());
                    assertEquals(200, given().get(base + "/health/live").statusCode());

                    pg.start();
                    int status = 0;
                    for (int i = 0; i < 300 && status != 200; i++) {
                        status = given().get(base + WFS).statusCode();
                        if (status != 200) Thread.sleep(100);
                    }
                    assertEquals(200, status, "answers again once the database is back, without a restart");
                    outage.set(false);
                    Thread.sleep(500);
                } finally {
                    running.set(false);
                    for (Future<?> d : drivers) d.get(2, TimeUnit.MINUTES);
                    load.shutdown();
                }
                assertTrue(wrong.isEmpty(), wrong.toString());
                assertTrue(cut.size() <= 2, "at most the answers in flight at the stop are cut off: " + cut);
                assertTrue(seen.contains(503) && seen.contains(200), "the load saw both: " + seen);
                assertEquals(200, given().get(base + ITEMS).statusCode());
                assertEquals(200, given().get(base + MAP).statusCode());
                assertEquals(200, given().get(base + "/health/ready").statusCode());
                for (int i = 0; i < 20; i++) given().get(base + WFS).then().statusCode(200);
                long sessions = pg.count(READERS);
                assertTrue(sessions >= 1 && sessions <= 4, "sessions within the pool of 4: " + sessions);
            } finally {
                server.close();
            }
            assertEquals(0, pg.count(READERS), "all sessions closed with the server");
        }
    }
}
