package org.ecoplan.server.hardening;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.server.EcoplanServer;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.Test;

/**
 * Stopping the server (what SIGTERM does through the JVM's shutdown hook) drains: a request in
 * flight — held at the test store's gate — still gets its full answer, while the port takes no new
 * connection; only then do the stores close.
 */
class GracefulStopIT {
    @Test
    void aStopLetsTheRequestInFlightFinish() throws Exception {
        Path gpkg = Files.createTempDirectory("ecoplan-drain").resolve("plan.gpkg");
        ServerFixture.runLoader(ServerFixture.loadPlanInto(gpkg));
        EcoplanServer server = ServerFixture.startPrivate(ServerFixture.workspace(),
                Map.of("PLAN_STORE_URL", "gate:gpkg:" + gpkg), ServerSettings.fromEnvironment());
        int port = server.port();
        String url = "http://localhost:" + port + "/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
                + "&TYPENAMES=yanggao:townships&OUTPUTFORMAT=application/json";
        GatedStoreFactory.close();
        CompletableFuture<Void> stopped = null;
        try {
            CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> given().get(url));
            while (GatedStoreFactory.WAITING.get() == 0) {
                assertFalse(held.isDone(), "the request ended before reaching the store");
                Thread.sleep(10);
            }
            stopped = CompletableFuture.runAsync(() -> {
                try {
                    server.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // the port stops taking connections while the held request is still being answered
            boolean refused = false;
            for (int i = 0; i < 500 && !refused; i++) {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    Thread.sleep(10);
                } catch (ConnectException e) {
                    refused = true;
                } catch (java.net.SocketException e) {
                    // accepted by the closing acceptor and reset at once: not taken either
                    refused = true;
                }
            }
            assertTrue(refused, "new connections are refused during the drain");
            assertFalse(held.isDone(), "the request in flight is not cut off");
            GatedStoreFactory.open();
            Response r = held.get(2, TimeUnit.MINUTES);
            assertEquals(200, r.statusCode(), r.asString());
            assertTrue(r.asString().contains("\"features\""), "a complete answer");
            stopped.get(2, TimeUnit.MINUTES);
        } finally {
            GatedStoreFactory.open();
            if (stopped == null) server.close();
        }
    }
}
