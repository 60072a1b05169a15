package org.ecoplan.server.hardening;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.server.EcoplanServer;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-operation limit in a running server: with one GetFeature allowed at a time and that one
 * held inside the store, the next GetFeature waits the queue timeout and is refused 503 with
 * Retry-After in a WFS exception report, while other operations are served; once the first
 * finishes, GetFeature is served again.
 */
class OperationLimitIT {
    static EcoplanServer server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        Path gpkg = Files.createTempDirectory("ecoplan-oplimit").resolve("plan.gpkg");
        ServerFixture.runLoader(ServerFixture.loadPlanInto(gpkg));
        server = ServerFixture.startPrivate(ServerFixture.workspace(),
                Map.of("PLAN_STORE_URL", "gate:gpkg:" + gpkg, "ECOPLAN_MAX_CONCURRENT_PER_OPERATION", "1",
                        "ECOPLAN_QUEUE_TIMEOUT_MS", "300"),
                ServerSettings.fromEnvironment());
        base = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() throws Exception {
        GatedStoreFactory.open();
        if (server != null) server.close();
    }

    private static final String GET_FEATURE = "/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
            + "&TYPENAMES=yanggao:townships&COUNT=1";

    @Test
    void aBusyOperationRefusesWhileOthersAreServed() throws Exception {
        GatedStoreFactory.close();
        CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> given().baseUri(base).get(GET_FEATURE));
        try {
            while (GatedStoreFactory.WAITING.get() == 0) {
                assertTrue(!held.isDone(), "the first GetFeature ended before reaching the store");
                Thread.sleep(10);
            }
            Response refused = given().baseUri(base).get(GET_FEATURE);
            assertEquals(503, refused.statusCode(), refused.asString());
            assertEquals("5", refused.header("Retry-After"));
            assertEquals("ServiceUnavailable",
                    refused.xmlPath().getString("**.find { it.name() == 'Exception' }.@exceptionCode"));
            // the store was not asked a second time: the refusal came from the limit
            assertEquals(1, GatedStoreFactory.WAITING.get());
            given().baseUri(base).get("/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType"
                    + "&TYPENAMES=yanggao:townships").then().statusCode(200);
            given().baseUri(base).get("/yanggao/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities").then()
                    .statusCode(200);
        } finally {
            GatedStoreFactory.open();
        }
        assertEquals(200, held.get(2, TimeUnit.MINUTES).statusCode());
        given().baseUri(base).get(GET_FEATURE).then().statusCode(200);
    }
}
