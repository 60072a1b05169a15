package org.ecoplan.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.ecoplan.server.EcoplanServer;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mixed load (WFS, WMS, tiles) runs while the real data-loader reloads the served GeoPackage and
 * is killed ({@code kill -9}) at random points of its run, again and again, then loads once to the
 * end: not one request may fail, and the data served afterwards is the data loaded.
 */
class KilledLoadUnderLoadIT {
    private static final List<String> WORKLOAD = List.of(
            "/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=yanggao:townships&OUTPUTFORMAT=application/json",
            "/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=yanggao:restoration_zones&RESULTTYPE=hits",
            "/yanggao/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=plan_zones&STYLES=&CRS=CRS:84"
                    + "&BBOX=113.5,39.9,114.4,40.5&WIDTH=256&HEIGHT=200&FORMAT=image/png",
            "/yanggao/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=restoration_zones&QUERY_LAYERS="
                    + "restoration_zones&STYLES=&CRS=CRS:84&BBOX=113.5,39.9,114.4,40.5&WIDTH=256&HEIGHT=200"
                    + "&INFO_FORMAT=application/json&I=128&J=100",
            "/yanggao/vtiles/plan_projects/WebMercatorQuad/9/417/193.mvt");

    @TempDir
    static Path dir;
    static Path gpkg;
    static EcoplanServer server;

    @BeforeAll
    static void start() throws Exception {
        gpkg = dir.resolve("plan.gpkg");
        server = ServerFixture.startOnOwnPlanStore(gpkg, Map.of("ECOPLAN_TILE_CACHE", "off"));
    }

    private static String[] loadArgs() {
        return ServerFixture.loadPlanInto(gpkg);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void noRequestFailsWhileLoadsAreKilled() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://localhost:" + server.port();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong ok = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> drivers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int offset = t;
            drivers.add(pool.submit(() -> {
                for (int i = offset; running.get(); i++) {
                    String path = WORKLOAD.get(i % WORKLOAD.size());
                    try {
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofByteArray());
                        // 204: an empty vector tile is an answer too
                        if (r.statusCode() == 200 || r.statusCode() == 204) ok.incrementAndGet();
                        else failures.add(r.statusCode() + " " + path + ": " + new String(r.body()));
                    } catch (Exception e) {
                        failures.add(e + " " + path);
                    }
                }
                return null;
            }));
        }
        Random random = new Random(20261204);
        int killed = 0;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            Process loader = ServerFixture.startLoader(loadArgs());
            Thread.sleep(200 + random.nextInt(2500));
            if (loader.isAlive()) {
                loader.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the loader
                killed++;
            }
            loader.waitFor(1, TimeUnit.MINUTES);
        }
        assertEquals(0, ServerFixture.runLoader(loadArgs()), "a last load to the end");
        Thread.sleep(1500); // past the content-version check interval
        running.set(false);
        for (Future<?> f : drivers) f.get(2, TimeUnit.MINUTES);
        pool.shutdown();
        System.out.println("requests answered: " + ok.get() + ", loads killed: " + killed);
        assertTrue(killed > 0, "at least one load was killed mid-run");
        assertTrue(ok.get() > 0);
        assertEquals(List.of(), failures.subList(0, Math.min(failures.size(), 10)), failures.size() + " failed");
        HttpResponse<String> hits = http.send(HttpRequest.newBuilder(URI.create(base + WORKLOAD.get(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(hits.body().contains("numberMatched=\"5\""), "the five zones are served: " + hits.body());
    }
}
