package org.ecoplan.server.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.Test;

/**
 * The packaged server with {@code ECOPLAN_LOG_FORMAT=json}, as an operator runs it: every log line
 * is a JSON object, the access line carries its fields and the request id, which the answer gives
 * back in {@code X-Request-Id} (the client's when it sent a plain one, else a new one); behind a trusted
 * proxy the client is the address it forwarded.
 */
class JsonLogIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void accessLinesAreJsonWithTheRequestId() throws Exception {
        ServerFixture.baseUrl(); // the shared fixture loads the plan and names its store
        Path jar = ServerFixture.workspace().resolve("geoserver-ext/server/target/ecoplan-server.jar");
        assertTrue(Files.isRegularFile(jar), jar + " (built by the package phase)");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.toString()).redirectErrorStream(true);
        pb.environment().put("PORT", "0");
        pb.environment().put("HOST", "127.0.0.1");
        pb.environment().put("ECOPLAN_LOG_FORMAT", "json");
        pb.environment().put("ECOPLAN_DATA_DIR", ServerFixture.workspace().toString());
        pb.environment().put("PLAN_STORE_URL", System.getProperty("PLAN_STORE_URL"));
        pb.environment().put("ECOPLAN_TILE_CACHE", "off");
        // as behind nginx on the same machine: the forwarded address is the client's
        pb.environment().put("ECOPLAN_TRUSTED_PROXIES", "127.0.0.1,::1");
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        // read on a thread of its own, so a line that never comes fails the test instead of hanging it; the
        // reader is left to end with the process (closing it would wait for the thread's blocked read)
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            java.util.concurrent.BlockingQueue<String> queue = new java.util.concurrent.LinkedBlockingQueue<>();
            Thread pump = new Thread(() -> {
                try {
                    for (String line; (line = reader.readLine()) != null;) queue.add(line);
                } catch (java.io.IOException ignored) {
                    // the process ended
                }
            });
            pump.setDaemon(true);
            pump.start();
            java.util.function.Supplier<String> out = () -> {
                try {
                    return queue.poll(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            };
            String base = null;
            for (String line; base == null && (line = out.get()) != null;) {
                lines.add(line);
                Matcher m = Pattern.compile("listening on (http://localhost:\\d+)/").matcher(line);
                if (m.find()) base = m.group(1);
            }
            assertNotNull(base, "the server started: " + lines);
            Response given = given().header("X-Request-Id", "dept-42.a")
                    .header("X-Forwarded-For", "198.51.100.1, 203.0.113.7")
                    .get(base + "/yanggao/ogcapi/collections");
            assertEquals(200, given.statusCode());
            assertEquals("dept-42.a", given.header("X-Request-Id"));
            Response made = given().header("X-Request-Id", "no spaces allowed").get(base + "/health/live");
            String id = made.header("X-Request-Id");
            assertTrue(id.matches("[0-9a-f]{16}"), id);
            JsonNode first = null;
            JsonNode second = null;
            for (String line; (first == null || second == null) && (line = out.get()) != null;) {
                lines.add(line);
                if (!line.startsWith("{")) continue;
                JsonNode n = JSON.readTree(line);
                String kvp = n.path("kvpList").toString();
                if (kvp.contains("\"dept-42.a\"")) first = n;
                if (kvp.contains("\"" + id + "\"")) second = n;
            }
            assertNotNull(first, String.join("\n", lines));
            assertEquals("ecoplan.access", first.path("loggerName").asText());
            assertTrue(first.path("kvpList").toString().contains("{\"status\":\"200\"}"), first.toString());
            assertTrue(first.path("formattedMessage").asText().contains("/yanggao/ogcapi/collections 200"));
            // the address the trusted proxy (this test) forwarded, not the one the client wrote before it
            assertTrue(first.path("kvpList").toString().contains("{\"client\":\"203.0.113.7\"}"), first.toString());
            assertTrue(second.path("kvpList").toString().contains("{\"client\":\"127.0.0.1\"}"), second.toString());
            assertNotNull(second);
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        // every line the server wrote, the start-up message aside, is JSON
        for (String line : lines) {
            if (line.startsWith("ecoplan listening")) continue;
            assertTrue(line.startsWith("{") && JSON.readTree(line).has("level"), "a JSON line: " + line);
        }
    }
}
