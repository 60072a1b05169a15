package org.ecoplan.server.hardening;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.Map;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.server.EcoplanServer;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The request budget reaches the stores: with a budget spent before any query, WFS GetFeature
 * (count, then stream) and GetPropertyValue are stopped by the store and answered 503
 * OperationProcessingFailed in the WFS report, and the server goes on serving.
 */
class QueryDeadlineIT {
    static EcoplanServer server;

    @BeforeAll
    static void start() throws Exception {
        ServerSettings d = ServerSettings.defaults();
        // a budget spent before the request starts, so every query is past it whatever the machine's speed
        ServerSettings spent = new ServerSettings(d.maxImageWidth(), d.maxImageHeight(), d.maxRenderMillis(),
                d.maxConcurrentRenders(), d.maxFeatures(), -1000, d.maxRequestBytes());
        server = ServerFixture.startPrivate(ServerFixture.workspace(), Map.of(), spent);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void aQueryPastTheBudgetIsStoppedAndAnswered503() throws Exception {
        String base = "http://localhost:" + server.port();
        Response r = given().baseUri(base)
                .get("/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=yanggao:townships");
        assertEquals(503, r.statusCode(), r.asString());
        assertEquals("OperationProcessingFailed",
                r.xmlPath().getString("**.find { it.name() == 'Exception' }.@exceptionCode"));
        assertTrue(r.asString().contains("time limit"), r.asString());
        Response pv = given().baseUri(base).get("/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue"
                + "&TYPENAMES=yanggao:townships&VALUEREFERENCE=name_zh");
        assertEquals(503, pv.statusCode(), pv.asString());
        given().baseUri(base).get("/health").then().statusCode(200);
    }
}
