package org.ecoplan.server.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} in Prometheus' text format: a request's latency lands in the histogram of its
 * service, operation and layer; a name the server does not know is counted as "other" (a client
 * cannot add series); the tile cache's hits and misses and the render slots are there, and the JVM's.
 */
class MetricsIT {
    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void requestsTilesRendersAndTheJvmAreMeasured() {
        String plan = ServerFixture.planUrl();
        String getMap = "{layer=\"restoration_zones\",operation=\"getmap\",service=\"wms\",status=\"2xx\"}";
        String before = given().get(ServerFixture.baseUrl() + "/metrics").asString();
        double maps = Math.max(0, value(before, "ecoplan_requests_seconds_count" + getMap));
        given().get(plan + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=restoration_zones&STYLES=&CRS=CRS:84"
                + "&BBOX=113.5,39.9,114.3,40.6&WIDTH=64&HEIGHT=64&FORMAT=image/png").then().statusCode(200);
        given().get(plan + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=invented_" + System.nanoTime()
                + "&STYLES=&CRS=CRS:84&BBOX=113.5,39.9,114.3,40.6&WIDTH=64&HEIGHT=64&FORMAT=image/png");
        for (int i = 0; i < 2; i++) {
            given().get(plan + "/tiles/restoration_zones/WebMercatorQuad/8/209/96.png").then().statusCode(200);
        }
        Response r = given().get(ServerFixture.baseUrl() + "/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.contentType().startsWith("text/plain; version=0.0.4"), r.contentType());
        String text = r.asString();
        assertEquals(maps + 1, value(text, "ecoplan_requests_seconds_count" + getMap), text);
        assertTrue(text.contains("ecoplan_requests_seconds_bucket{layer=\"restoration_zones\",operation=\"getmap\""),
                "a latency histogram");
        assertFalse(text.contains("invented_"), "an unknown name adds no series");
        assertTrue(text.contains("layer=\"other\",operation=\"getmap\""));
        assertTrue(value(text, "ecoplan_tile_cache_hits_total") >= 1, "the second request of a tile is a cache hit");
        assertTrue(value(text, "ecoplan_tile_cache_misses_total") >= 0);
        assertTrue(value(text, "ecoplan_render_available") >= 1);
        assertTrue(text.contains("jvm_memory_used_bytes{"), "JVM metrics");
        assertTrue(text.contains("process_uptime_seconds"));
    }
}
