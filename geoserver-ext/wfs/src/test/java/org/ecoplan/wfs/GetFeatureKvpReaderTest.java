package org.ecoplan.wfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.SortBy;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.wfs.query.GetFeatureKvpReader;
import org.ecoplan.wfs.query.GetFeatureRequest;
import org.ecoplan.wfs.query.Query;
import org.junit.jupiter.api.Test;

/** KVP map → GetFeatureRequest record. */
class GetFeatureKvpReaderTest {
    private final TestService fixture = new TestService();

    private GetFeatureRequest read(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        OwsRequest r = new OwsRequest("GET", "/wfs", new KvpMap(m), null, null, "http://h", Map.of());
        return GetFeatureKvpReader.read(r, WfsVersion.V200, fixture.service.context(r));
    }

    @Test
    void parenthesisedListsMakeOneQueryPerType() {
        GetFeatureRequest r = read("TYPENAMES", "(test:zones)(targets)", "PROPERTYNAME", "(rank,geom)(value)",
                "SORTBY", "(rank DESC)(value)", "COUNT", "3", "STARTINDEX", "2", "SRSNAME",
                "urn:ogc:def:crs:EPSG::4326");
        assertEquals(2, r.queries().size());
        Query zones = r.queries().get(0);
        assertEquals("zones", zones.layer().id());
        assertEquals(List.of("name", "rank"), zones.propertyNames(), "requested plus required, schema order");
        assertTrue(zones.withGeometry());
        assertEquals(List.of(new SortBy("rank", false)), zones.sortBy());
        Query targets = r.queries().get(1);
        assertEquals(List.of("value"), targets.propertyNames());
        assertEquals(List.of(new SortBy("value", true)), targets.sortBy());
        assertEquals(3, r.count());
        assertEquals(2, r.startIndex());
        assertEquals(CrsName.Form.URN, r.srsName().form());
        assertEquals(4326, r.srsName().crs().epsg());
        assertFalse(r.hits());
    }

    @Test
    void namespacesParameterBindsOtherPrefixes() {
        GetFeatureRequest r = read("TYPENAMES", "eco:zones", "NAMESPACES",
                "xmlns(eco,http://example.org/test)",
                "RESULTTYPE", "hits");
        assertEquals("zones", r.queries().get(0).layer().id());
        assertTrue(r.hits());
        assertEquals(-1, r.count());
        ServiceException e = assertThrows(ServiceException.class, () -> read("TYPENAMES", "other:zones"));
        assertEquals("typeNames", e.locator());
    }

    @Test
    void resourceIdWithoutTypeNamesFindsTheTypes() {
        GetFeatureRequest r = read("RESOURCEID", "targets.2,zones.1");
        assertEquals(List.of("zones", "targets"), r.queries().stream().map(q -> q.layer().id()).sorted(
                (a, b) -> a.equals("zones") ? -1 : 1).toList());
        assertTrue(r.queries().get(0).filter() instanceof Filter.ResourceId);
        assertNull(r.featureById());
    }

    @Test
    void badValuesNameTheirParameter() {
        assertEquals("sortBy",
                assertThrows(ServiceException.class, () -> read("TYPENAMES", "zones", "SORTBY", "rank SIDEWAYS"))
                        .locator());
        assertEquals("startIndex",
                assertThrows(ServiceException.class, () -> read("TYPENAMES", "zones", "STARTINDEX", "x")).locator());
        assertEquals("resultType",
                assertThrows(ServiceException.class, () -> read("TYPENAMES", "zones", "RESULTTYPE", "all")).locator());
        assertEquals("propertyName", assertThrows(ServiceException.class,
                () -> read("TYPENAMES", "zones", "PROPERTYNAME", "zones/../../etc")).locator());
        assertEquals("FILTER", assertThrows(ServiceException.class,
                () -> read("TYPENAMES", "zones", "BBOX", "1,2,3,4", "FILTER", "<x/>")).locator(), "mutually exclusive");
        assertEquals(ServiceException.OPTION_NOT_SUPPORTED,
                assertThrows(ServiceException.class, () -> read("TYPENAMES", "(zones,targets)")).code());
    }

    @Test
    void owslibStyleXmlPostWithLowerCaseAttributes() throws Exception {
        TestService.Result r = fixture
                .post("<wfs:GetFeature xmlns:wfs='http://www.opengis.net/wfs/2.0' service='WFS' version='2.0.0'"
                        + " outputformat='application/json' count='1'><wfs:Query typenames='test:zones'/></wfs:GetFeature>");
        assertEquals(200, r.status(), r.text());
        assertTrue(r.contentType().startsWith("application/json"));
        assertTrue(r.text().contains("\"numberReturned\":1"), r.text());
    }

    @Test
    void moreQueriesThanTheLimitAreRefusedBeforeAnyIsResolved() {
        String many = String.join(",", java.util.Collections.nCopies(Query.MAX_PER_REQUEST + 1, "no_such_type"));
        ServiceException e = assertThrows(ServiceException.class, () -> read("TYPENAMES", many));
        assertEquals(ServiceException.INVALID_PARAMETER_VALUE, e.code());
        assertEquals("typeNames", e.locator());
        assertTrue(e.getMessage().contains("limit is " + Query.MAX_PER_REQUEST), e.getMessage());
        String xml = "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" version=\"2.0.0\">"
                + "<wfs:Query typeNames=\"zones\"/>".repeat(Query.MAX_PER_REQUEST + 1) + "</wfs:GetFeature>";
        TestService.Result r = fixture.post(xml);
        assertEquals(400, r.status());
        assertTrue(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains("locator=\"Query\""));
    }
}
