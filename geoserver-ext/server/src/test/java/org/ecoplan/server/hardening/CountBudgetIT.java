package org.ecoplan.server.hardening;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import java.util.Map;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.server.EcoplanServer;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A count past its budget becomes numberMatched="unknown" (WFS 2.0) instead of a failed request:
 * the page, numberReturned and the next link stay right; WFS 1.1 (no "unknown") still counts.
 */
class CountBudgetIT {
    static EcoplanServer server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        // a count budget spent before the request starts, so every count is past it on any machine
        ServerSettings spent = ServerSettings.defaults().withCountTimeoutMillis(-1000);
        server = ServerFixture.startPrivate(ServerFixture.workspace(), Map.of(), spent);
        base = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    private static long exactCount() {
        Response r = given().baseUri(base).get("/yanggao/wfs?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature"
                + "&TYPENAME=yanggao:townships&RESULTTYPE=hits");
        assertEquals(200, r.statusCode(), r.asString());
        return Long.parseLong(r.xmlPath().getString("FeatureCollection.@numberOfFeatures"));
    }

    @Test
    void aSlowCountIsUnknownAndThePageStillRight() {
        long n = exactCount();
        assertTrue(n > 3, "townships: " + n);
        Response page = given().baseUri(base).get("/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
                + "&TYPENAMES=yanggao:townships&COUNT=2&STARTINDEX=1");
        assertEquals(200, page.statusCode(), page.asString());
        XmlPath x = page.xmlPath();
        assertEquals("unknown", x.getString("FeatureCollection.@numberMatched"));
        assertEquals("2", x.getString("FeatureCollection.@numberReturned"));
        assertTrue(x.getString("FeatureCollection.@next").contains("STARTINDEX=3"), page.asString());
        assertTrue(x.getString("FeatureCollection.@previous").contains("STARTINDEX=0"), page.asString());

        Response last = given().baseUri(base).get("/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
                + "&TYPENAMES=yanggao:townships&COUNT=2&STARTINDEX=" + (n - 2));
        assertEquals("2", last.xmlPath().getString("FeatureCollection.@numberReturned"));
        assertNull(last.xmlPath().getString("FeatureCollection.@next"), "no page after the last");

        Response all = given().baseUri(base).get("/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
                + "&TYPENAMES=yanggao:townships&COUNT=" + (n + 5));
        assertEquals(Long.toString(n), all.xmlPath().getString("FeatureCollection.@numberReturned"));
    }

    @Test
    void hitsAndValuesAndGeoJsonSayUnknown() {
        Response hits = given().baseUri(base).get("/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
                + "&TYPENAMES=yanggao:townships&RESULTTYPE=hits");
        assertEquals(200, hits.statusCode(), hits.asString());
        assertEquals("unknown", hits.xmlPath().getString("FeatureCollection.@numberMatched"));
        assertEquals("0", hits.xmlPath().getString("FeatureCollection.@numberReturned"));

        Response values = given().baseUri(base).get("/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0"
                + "&REQUEST=GetPropertyValue&TYPENAMES=yanggao:townships&VALUEREFERENCE=name_zh&COUNT=3");
        assertEquals(200, values.statusCode(), values.asString());
        assertEquals("unknown", values.xmlPath().getString("ValueCollection.@numberMatched"));
        assertEquals("3", values.xmlPath().getString("ValueCollection.@numberReturned"));
        assertEquals(3, values.xmlPath().getList("ValueCollection.member").size());

        Response json = given().baseUri(base).get("/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
                + "&TYPENAMES=yanggao:townships&COUNT=2&OUTPUTFORMAT=application/json");
        assertEquals(200, json.statusCode(), json.asString());
        assertFalse(json.asString().contains("numberMatched"), "an unknown count is left out of GeoJSON");
        assertEquals(2, json.jsonPath().getInt("numberReturned"));
    }
}
