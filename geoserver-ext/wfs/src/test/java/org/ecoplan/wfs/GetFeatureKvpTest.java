package org.ecoplan.wfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecoplan.testkit.Xml;
import org.junit.jupiter.api.Test;

/** GetFeature KVP behaviour, read back through the GeoJSON and CSV formats. */
class GetFeatureKvpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestService wfs = new TestService(4);

    private JsonNode json(String... kv) throws Exception {
        String[] all = new String[kv.length + 8];
        System.arraycopy(new String[]{"SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature", "OUTPUTFORMAT",
                "application/json"}, 0, all, 0, 8);
        System.arraycopy(kv, 0, all, 8, kv.length);
        TestService.Result r = wfs.get(all);
        assertEquals(200, r.status(), r.text());
        return JSON.readTree(r.body());
    }

    @Test
    void wfs20OperationsAreNotOfferedInOlderVersions() throws Exception {
        TestService.Result old = wfs.get("SERVICE", "WFS", "VERSION", "1.1.0", "REQUEST", "GetPropertyValue",
                "TYPENAME", "test:zones", "VALUEREFERENCE", "name");
        assertTrue(old.text().contains("OperationNotSupported"), old.text());
        assertTrue(wfs.get("SERVICE", "WFS", "VERSION", "1.0.0", "REQUEST", "ListStoredQueries").text()
                .contains("OperationNotSupported"));
        assertEquals(200, wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "ListStoredQueries").status());
    }

    @Test
    void maxFeaturesCapsAndNextLinkPages() throws Exception {
        JsonNode p1 = json("TYPENAMES", "test:zones", "COUNT", "1000");
        assertEquals(5, p1.get("numberMatched").asInt());
        assertEquals(4, p1.get("numberReturned").asInt(), "COUNT above the maximum is capped");
        assertEquals(4, p1.get("features").size());
        String next = p1.get("links").get(0).get("href").asText();
        assertTrue(next.contains("STARTINDEX=4") && next.contains("COUNT=4"), next);
        JsonNode p2 = json("TYPENAMES", "test:zones", "STARTINDEX", "4");
        assertEquals(1, p2.get("features").size());
        assertEquals("zones.5", p2.get("features").get(0).get("id").asText());
        assertEquals("prev", p2.get("links").get(0).get("rel").asText());
        assertEquals(0, wfs.sources.get("zones").openCursors(), "cursors closed");
    }

    @Test
    void pagingSpansSeveralTypes() throws Exception {
        JsonNode p = json("TYPENAMES", "test:zones,test:targets", "STARTINDEX", "3", "COUNT", "3");
        assertEquals(8, p.get("numberMatched").asInt());
        assertEquals(3, p.get("numberReturned").asInt());
        assertEquals("zones.4", p.get("features").get(0).get("id").asText());
        assertEquals("targets.1", p.get("features").get(2).get("id").asText());
        assertTrue(p.get("features").get(2).get("geometry").isNull());
    }

    @Test
    void hitsCountsWithoutFeatures() throws Exception {
        TestService.Result r = wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature", "TYPENAMES",
                "test:zones",
                "RESULTTYPE", "hits");
        Xml x = new Xml(r.body());
        assertEquals("5", x.s("/wfs:FeatureCollection/@numberMatched"));
        assertEquals("0", x.s("/wfs:FeatureCollection/@numberReturned"));
        assertEquals(0, x.n("//wfs:member"));
        String next = x.s("/wfs:FeatureCollection/@next");
        assertTrue(next.contains("STARTINDEX=0") && !next.contains("hits"), "hits links to the first page: " + next);
        assertEquals("", x.s("/wfs:FeatureCollection/@previous"));
    }

    @Test
    void sortByPropertyNameResourceIdAndFilters() throws Exception {
        JsonNode sorted = json("TYPENAMES", "zones", "SORTBY", "rank ASC", "PROPERTYNAME", "rank");
        assertEquals("zones.5", sorted.get("features").get(0).get("id").asText());
        JsonNode props = sorted.get("features").get(0).get("properties");
        assertTrue(props.has("rank") && props.has("name"), "requested + required properties: " + props);
        assertFalse(props.has("area_km2"));
        assertTrue(sorted.get("features").get(0).get("geometry").isNull(), "geometry not requested");
        assertEquals("zones.1",
                json("TYPENAMES", "zones", "SORTBY", "rank D").get("features").get(0).get("id").asText());

        JsonNode byId = json("RESOURCEID", "zones.2,targets.3");
        assertEquals(2, byId.get("numberMatched").asInt());

        JsonNode filtered = json("TYPENAMES", "test:zones", "FILTER",
                "<fes:Filter xmlns:fes='http://www.opengis.net/fes/2.0'><fes:PropertyIsGreaterThan>"
                        + "<fes:ValueReference>area_km2</fes:ValueReference><fes:Literal>4</fes:Literal>"
                        + "</fes:PropertyIsGreaterThan></fes:Filter>");
        assertEquals(3, filtered.get("numberMatched").asInt());

        JsonNode bbox = json("TYPENAMES", "test:zones", "BBOX", "113.59,39.9,113.76,40.2,EPSG:4490");
        assertEquals(2, bbox.get("numberMatched").asInt(), "zones 1 and 2 only");
        JsonNode bboxUrn = json("TYPENAMES", "test:zones", "BBOX",
                "39.9,113.59,40.2,113.76,urn:ogc:def:crs:EPSG::4490");
        assertEquals(2, bboxUrn.get("numberMatched").asInt(), "URN form is lat/lon");

        JsonNode injection = json("TYPENAMES", "test:zones", "FILTER",
                "<fes:Filter xmlns:fes='http://www.opengis.net/fes/2.0'><fes:PropertyIsEqualTo>"
                        + "<fes:ValueReference>name</fes:ValueReference><fes:Literal>x' OR '1'='1</fes:Literal>"
                        + "</fes:PropertyIsEqualTo></fes:Filter>");
        assertEquals(0, injection.get("numberMatched").asInt());
    }

    @Test
    void csvHasHeaderRowsAndWkt() throws Exception {
        TestService.Result r = wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature", "TYPENAMES",
                "test:zones",
                "OUTPUTFORMAT", "text/csv", "COUNT", "3");
        assertTrue(r.contentType().startsWith("text/csv"));
        String[] lines = r.text().replace("\uFEFF", "").split("\r\n");
        assertEquals("FID,name,rank,area_km2,active,since,geom", lines[0]);
        assertEquals(4, lines.length);
        assertTrue(lines[3].startsWith("zones.3,\"北部 <防风> & \"\"固沙\"\"\",3,4.5,true,2023-01-01,\"MULTIPOLYGON"),
                lines[3]);
    }

    @Test
    void exceptionsHaveCodeLocatorAndStatus() throws Exception {
        assertException(
                wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature", "TYPENAMES", "test:nope"),
                400, "InvalidParameterValue", "typeNames");
        assertException(wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature"),
                400, "MissingParameterValue", "typeNames");
        assertException(
                wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature", "TYPENAMES", "test:zones",
                        "PROPERTYNAME", "nosuch"),
                400, "InvalidParameterValue", "propertyName");
        assertException(
                wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature", "TYPENAMES", "test:zones",
                        "SORTBY", "nosuch DESC"),
                400, "InvalidParameterValue", "sortBy");
        assertException(
                wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature", "TYPENAMES", "test:zones",
                        "COUNT", "-1"),
                400, "InvalidParameterValue", "count");
        assertException(
                wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature", "TYPENAMES", "test:zones",
                        "SRSNAME", "EPSG:2000"),
                400, "InvalidParameterValue", "srsName");
        assertException(
                wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature", "TYPENAMES", "test:zones",
                        "FILTER", "<fes:Filter xmlns:fes='http://www.opengis.net/fes/2.0'><fes:PropertyIsEqualTo>"),
                400, "OperationParsingFailed", "FILTER");
        assertException(
                wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature", "TYPENAMES", "test:zones",
                        "OUTPUTFORMAT", "image/png"),
                400, "InvalidParameterValue", "outputFormat");
        assertException(wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "Transaction"),
                501, "OperationNotSupported", "Transaction");
        assertException(
                wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature", "TYPENAMES", "test:zones",
                        "RESOURCEID", "targets.1"),
                400, "InvalidParameterValue", "RESOURCEID");
        assertEquals(200,
                wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature", "TYPENAMES", "test:zones",
                        "RESOURCEID", "test-123").status(),
                "an id of no served type matches nothing");
        TestService.Result v1 = wfs.get("SERVICE", "WFS", "VERSION", "1.0.0", "REQUEST", "GetFeature", "TYPENAME",
                "nope");
        assertEquals("InvalidParameterValue", new Xml(v1.body()).s("//ogc:ServiceException/@code"));
        TestService.Result v11 = wfs.get("SERVICE", "WFS", "VERSION", "1.1.0", "REQUEST", "GetFeature", "TYPENAME",
                "nope");
        assertEquals("1.1.0", new Xml(v11.body()).s("/ows1:ExceptionReport/@version"));
    }

    @Test
    void xmlPostGetFeatureAndBillionLaughs() throws Exception {
        TestService.Result r = wfs.post(
                "<wfs:GetFeature xmlns:wfs='http://www.opengis.net/wfs/2.0' xmlns:fes='http://www.opengis.net/fes/2.0'"
                        + " xmlns:yg='http://example.org/test' service='WFS' version='2.0.0' outputFormat='application/json' count='2'>"
                        + "<wfs:Query typeNames='test:zones'><fes:Filter><fes:PropertyIsEqualTo><fes:ValueReference>active</fes:ValueReference>"
                        + "<fes:Literal>true</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>"
                        + "<fes:SortBy><fes:SortProperty><fes:ValueReference>rank</fes:ValueReference><fes:SortOrder>ASC</fes:SortOrder></fes:SortProperty></fes:SortBy>"
                        + "</wfs:Query></wfs:GetFeature>");
        assertEquals(200, r.status(), r.text());
        JsonNode fc = JSON.readTree(r.body());
        assertEquals(3, fc.get("numberMatched").asInt());
        assertEquals("zones.5", fc.get("features").get(0).get("id").asText());

        String bomb = "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
                + "<!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>"
                + "<!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>]>"
                + "<wfs:GetFeature xmlns:wfs='http://www.opengis.net/wfs/2.0' version='2.0.0'><wfs:Query typeNames='&lol3;'/></wfs:GetFeature>";
        TestService.Result b = wfs.post(bomb);
        assertEquals(400, b.status());
        assertEquals("2.0.0", new Xml(b.body()).s("/ows:ExceptionReport/@version"));
    }

    private static void assertException(TestService.Result r, int status, String code, String locator)
            throws Exception {
        Xml x = new Xml(r.body());
        assertEquals(code, x.s("//ows:Exception/@exceptionCode"), r.text());
        assertEquals(locator, x.s("//ows:Exception/@locator"), r.text());
        assertEquals(status, r.status());
    }
}
