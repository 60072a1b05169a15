package org.ecoplan.server.wfs;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import org.ecoplan.server.ServerFixture;
import org.ecoplan.testkit.Xml;
import org.junit.jupiter.api.Test;

/** Exceptions (code, locator, HTTP status per WFS 2.0 Table 3) and hostile input. */
class WfsBadInputIT {

    private static void assertException(Response r, int status, String code, String locator) throws Exception {
        assertEquals(status, r.statusCode(), r.asString());
        Xml x = new Xml(r.asByteArray());
        assertEquals("2.0.0", x.s("/ows:ExceptionReport/@version"));
        assertEquals(code, x.s("//ows:Exception/@exceptionCode"));
        assertEquals(locator, x.s("//ows:Exception/@locator"));
        assertFalse(r.asString().contains("Exception:") || r.asString().contains("\tat "),
                "no internals: " + r.asString());
    }

    @Test
    void exceptionCodesLocatorsAndStatuses() throws Exception {
        assertException(WfsSupport.get("REQUEST", "GetFeature", "TYPENAMES", "yanggao:no_such_type"), 400,
                "InvalidParameterValue", "typeNames");
        assertException(WfsSupport.get("REQUEST", "GetFeature"), 400, "MissingParameterValue", "typeNames");
        assertException(
                WfsSupport.get("REQUEST", "GetFeature", "TYPENAMES", "yanggao:restoration_zones", "PROPERTYNAME",
                        "no_such"),
                400, "InvalidParameterValue", "propertyName");
        assertException(
                WfsSupport.get("REQUEST", "GetFeature", "TYPENAMES", "yanggao:restoration_zones", "FILTER",
                        "<fes:Filter><broken"),
                400, "OperationParsingFailed", "FILTER");
        assertException(WfsSupport.get("REQUEST", "GetFeature", "TYPENAMES", "yanggao:restoration_zones", "FILTER",
                "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo><fes:ValueReference>no_such"
                        + "</fes:ValueReference><fes:Literal>1</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>"),
                400, "InvalidParameterValue", "FILTER");
        assertException(WfsSupport.get("REQUEST", "Transaction"), 501, "OperationNotSupported", "Transaction");
        assertException(
                WfsSupport.get("REQUEST", "GetFeature", "STOREDQUERY_ID", "urn:ogc:def:query:OGC-WFS::GetFeatureById",
                        "ID", "nothing.1"),
                404, "NotFound", "ID");
    }

    @Test
    void sqlInjectionLiteralsAreJustValues() throws Exception {
        String filter = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo><fes:ValueReference>name"
                + "</fes:ValueReference><fes:Literal>x'; DROP TABLE restoration_zones; --</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";
        var r = WfsSupport.get("REQUEST", "GetFeature", "TYPENAMES", "yanggao:restoration_zones", "FILTER", filter,
                "OUTPUTFORMAT", "application/json");
        if (r.statusCode() == 200) {
            assertEquals(0, new ObjectMapper().readTree(r.asByteArray()).get("numberMatched").asInt());
        } else {
            assertEquals(400, r.statusCode()); // a schema without "name" rejects the property, not the literal
        }
        var after = WfsSupport.get("REQUEST", "GetFeature", "TYPENAMES", "yanggao:restoration_zones", "RESULTTYPE",
                "hits");
        assertTrue(Integer.parseInt(new Xml(after.asByteArray()).s("/wfs:FeatureCollection/@numberMatched")) > 0,
                "table intact");
    }

    @Test
    void billionLaughsIsRejectedAndServerStaysHealthy() throws Exception {
        StringBuilder ents = new StringBuilder("<!ENTITY a0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            ents.append("<!ENTITY a").append(i).append(" \"");
            for (int k = 0; k < 10; k++) ents.append("&a").append(i - 1).append(';');
            ents.append("\">");
        }
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE b [" + ents
                + "]><wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\""
                + " service=\"WFS\" version=\"2.0.0\"><wfs:Query typeNames=\"&a10;\"/></wfs:GetFeature>";
        long t0 = System.nanoTime();
        Response r = WfsSupport.post(bomb);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(400, r.statusCode(), r.asString());
        assertEquals("OperationParsingFailed", new Xml(r.asByteArray()).s("//ows:Exception/@exceptionCode"));
        System.out.println("billion laughs rejected in " + ms + " ms");
        given().baseUri(ServerFixture.baseUrl()).get("/health").then().statusCode(200);
        // and the bomb as a KVP FILTER
        var kvp = WfsSupport.get("REQUEST", "GetFeature", "TYPENAMES", "yanggao:restoration_zones", "FILTER",
                "<!DOCTYPE b [" + ents
                        + "]><fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\">&a10;</fes:Filter>");
        assertEquals(400, kvp.statusCode());
        given().baseUri(ServerFixture.baseUrl()).get("/health").then().statusCode(200);
    }

    @Test
    void hugeCountIsCappedHonestly() throws Exception {
        var r = WfsSupport.get("REQUEST", "GetFeature", "TYPENAMES", "yanggao:restoration_zones", "COUNT",
                "999999999999",
                "OUTPUTFORMAT", "application/json");
        assertEquals(200, r.statusCode());
        var fc = new ObjectMapper().readTree(r.asByteArray());
        assertEquals(fc.get("numberReturned").asInt(), fc.get("features").size());
        assertTrue(fc.get("numberReturned").asLong() <= 10_000);
        assertException(
                WfsSupport.get("REQUEST", "GetFeature", "TYPENAMES", "yanggao:restoration_zones", "COUNT", "lots"),
                400, "InvalidParameterValue", "count");
    }
}
