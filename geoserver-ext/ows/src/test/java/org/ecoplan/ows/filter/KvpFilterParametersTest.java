package org.ecoplan.ows.filter;

import static org.ecoplan.ows.filter.FilterFixtures.AREAS;
import static org.ecoplan.ows.filter.FilterFixtures.AREAS_GK;
import static org.ecoplan.ows.filter.FilterFixtures.TARGETS;
import static org.ecoplan.ows.filter.FilterFixtures.fes;
import static org.ecoplan.ows.filter.FilterFixtures.ids;
import static org.ecoplan.ows.filter.FilterFixtures.matching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.ows.ServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;

class KvpFilterParametersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "113.65,40.25,113.85,40.45,EPSG:4326",
            "40.25,113.65,40.45,113.85,urn:ogc:def:crs:EPSG::4326",
            "40.25,113.65,40.45,113.85,http://www.opengis.net/def/crs/EPSG/0/4490",
            "113.65,40.25,113.85,40.45,urn:ogc:def:crs:OGC:1.3:CRS84",
            "113.65,40.25,113.85,40.45,EPSG:4490",
            "40.25,113.65,40.45,113.85",
            "40.25,113.65,0,40.45,113.85,100,urn:ogc:def:crs:EPSG::4326",
    })
    void bboxAxisOrderByCrsForm(String value) {
        Filter.BBox b = BboxParameter.parse(value, AREAS);
        assertEquals(113.65, b.envelope().getMinX(), 1e-9);
        assertEquals(40.25, b.envelope().getMinY(), 1e-9);
        assertEquals(113.85, b.envelope().getMaxX(), 1e-9);
        assertEquals(40.45, b.envelope().getMaxY(), 1e-9);
        assertEquals(ids("1"), matching(b, AREAS));
    }

    @Test
    void bboxIsTransformedIntoAProjectedNativeCrs() {
        Filter.BBox b = BboxParameter.parse("40.25,113.65,40.45,113.85,urn:ogc:def:crs:EPSG::4490", AREAS_GK);
        Envelope expected = new GeometryTransformer(CrsRegistry.CGCS2000, CrsRegistry.CGCS2000_GK_114E)
                .transform(new Envelope(113.65, 113.85, 40.25, 40.45));
        assertEquals(expected.getMinX(), b.envelope().getMinX(), 1e-6);
        assertEquals(expected.getMaxY(), b.envelope().getMaxY(), 1e-6);
        assertTrue(b.envelope().getMinX() > 400_000 && b.envelope().getMaxY() > 4_400_000, b.envelope().toString());
        assertEquals(ids("1"), matching(b, AREAS_GK));
        // GK URN: northing first
        double n1 = expected.getMinY();
        double e1 = expected.getMinX();
        Filter.BBox gk = BboxParameter.parse(n1 + "," + e1 + "," + expected.getMaxY() + "," + expected.getMaxX()
                + ",urn:ogc:def:crs:EPSG::4547", AREAS_GK);
        assertEquals(e1, gk.envelope().getMinX(), 1e-6);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1,2,3 | got 3 value(s)",
            "1,2,3,4,5 | got 5 value(s)",
            "a,2,3,4 | is not a number",
            "1,2,3,4,EPSG:12345678 | unknown CRS",
            "3,2,1,4 | lower corner",
            "1e999,2,3,4 | out of range",
            "1,2,3,4,' OR 1=1 -- | unknown CRS",
    })
    void badBbox(String value, String message) {
        ServiceException e = assertThrows(ServiceException.class, () -> BboxParameter.parse(value, AREAS));
        assertEquals(ServiceException.INVALID_PARAMETER_VALUE, e.code());
        assertEquals("BBOX", e.locator());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        ServiceException noGeometry = assertThrows(ServiceException.class,
                () -> BboxParameter.parse("1,2,3,4", TARGETS));
        assertTrue(noGeometry.getMessage().contains("has no geometry"), noGeometry.getMessage());
    }

    @Test
    void resourceIds() {
        Filter.ResourceId r = ResourceIdParameter.parse("plan_area.2, plan_area.4,other_layer.1");
        assertEquals(List.of("plan_area.2", "plan_area.4", "other_layer.1"), r.ids());
        assertEquals(ids("2", "4"), matching(r, AREAS));
        assertEquals(ids(), matching(ResourceIdParameter.parse("plan_area.x' OR '1'='1"), AREAS));
        ServiceException e = assertThrows(ServiceException.class,
                () -> ResourceIdParameter.parse("plan_area.1,,plan_area.2"));
        assertEquals("RESOURCEID", e.locator());
        assertEquals(ServiceException.INVALID_PARAMETER_VALUE, e.code());
        assertThrows(ServiceException.class, () -> ResourceIdParameter.parse(" "));
    }

    @Test
    void filterParameterForOneTypeWithOrWithoutParentheses() {
        String f = fes(
                "<fes:PropertyIsEqualTo><fes:ValueReference>kind</fes:ValueReference><fes:Literal>forest</fes:Literal>"
                        + "</fes:PropertyIsEqualTo>");
        assertEquals(ids("2"), matching(FilterParameter.parse(f, List.of(AREAS)).get(0), AREAS));
        assertEquals(ids("2"), matching(FilterParameter.parse("(" + f + ")", List.of(AREAS)).get(0), AREAS));
    }

    @Test
    void filterParameterListForSeveralTypesWithParenthesesInLiterals() {
        String a = fes(
                "<fes:PropertyIsLike wildCard='*' singleChar='.' escapeChar='!'><fes:ValueReference>name</fes:ValueReference>"
                        + "<fes:Literal>*)(*</fes:Literal></fes:PropertyIsLike>");
        String b = fes("<!-- a comment with ) ( --><fes:ResourceId rid=\"plan_area_gk.3\"/>");
        String c = "<fes:Filter " + FilterFixtures.FES
                + "><fes:PropertyIsEqualTo><fes:ValueReference>name</fes:ValueReference>"
                + "<fes:Literal><![CDATA[x)(y]]></fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";
        List<String> parts = FilterParameter.split("(" + a + ") (" + b + ")(" + c + ")");
        assertEquals(List.of(a, b, c), parts);
        List<Filter> filters = FilterParameter.parse("(" + a + ")(" + b + ")", List.of(AREAS, AREAS_GK));
        assertEquals(ids(), matching(filters.get(0), AREAS));
        assertEquals(ids("3"), matching(filters.get(1), AREAS_GK));
    }

    @Test
    void filterParameterWithWfs10Defaults() {
        // WFS 1.0: no srsName means the native CRS, always x/y
        String f = fes("<fes:BBOX><gml:Envelope><gml:lowerCorner>113.65 40.25</gml:lowerCorner>"
                + "<gml:upperCorner>113.85 40.45</gml:upperCorner></gml:Envelope></fes:BBOX>");
        List<Filter> xy = FilterParameter.parse(f, List.of(AREAS),
                t -> CrsRegistry.parse(t.geometry().crs().id()).orElseThrow(),
                org.ecoplan.catalog.crs.AxisConvention.EAST_NORTH);
        assertEquals(ids("1"), matching(xy.get(0), AREAS));
        // the WFS 2.0 default (URN form) reads the same numbers as lat/lon, far from every feature
        assertEquals(ids(), matching(FilterParameter.parse(f, List.of(AREAS)).get(0), AREAS));
    }

    @Test
    void filterParameterWithSpatialAndTemporalOperators() {
        String f = fes(
                "<fes:And><fes:BBOX><fes:ValueReference>geom</fes:ValueReference><gml:Envelope srsName=\"EPSG:4326\">"
                        + "<gml:lowerCorner>113.4 39.9</gml:lowerCorner><gml:upperCorner>114.1 40.5</gml:upperCorner></gml:Envelope></fes:BBOX>"
                        + "<fes:Before><fes:ValueReference>start_date</fes:ValueReference><gml:TimeInstant gml:id=\"t\"><gml:timePosition>"
                        + "2022-01-01</gml:timePosition></gml:TimeInstant></fes:Before></fes:And>");
        assertEquals(ids("1", "4"), matching(FilterParameter.parse(f, List.of(AREAS)).get(0), AREAS));
    }

    @Test
    void filterParameterErrors() {
        String ok = fes("<fes:PropertyIsNull><fes:ValueReference>kind</fes:ValueReference></fes:PropertyIsNull>");
        assertCode(ServiceException.OPERATION_PARSING_FAILED, "1 filter(s) for 2 type name(s)",
                () -> FilterParameter.parse(ok, List.of(AREAS, AREAS_GK)));
        assertCode(ServiceException.OPERATION_PARSING_FAILED, "malformed XML",
                () -> FilterParameter.parse("<fes:Filter>", List.of(AREAS)));
        assertCode(ServiceException.OPERATION_PARSING_FAILED, "malformed XML",
                () -> FilterParameter.parse("<a><b></a>", List.of(AREAS)));
        assertCode(ServiceException.OPERATION_PARSING_FAILED, "unterminated", () -> FilterParameter.parse(
                "(" + ok.replace("</fes:Filter>", ")"), List.of(AREAS)));
        assertCode(ServiceException.OPERATION_PARSING_FAILED, "expected ')'",
                () -> FilterParameter.parse("(" + ok, List.of(AREAS)));
        assertCode(ServiceException.OPERATION_PARSING_FAILED, "expected ')'",
                () -> FilterParameter.parse("(" + ok + "x)", List.of(AREAS)));
        assertCode(ServiceException.OPERATION_PARSING_FAILED, "FILTER is empty",
                () -> FilterParameter.parse("  ", List.of(AREAS)));
        assertCode(ServiceException.INVALID_PARAMETER_VALUE, "unknown attribute 'nosuch'",
                () -> FilterParameter.parse(fes(
                        "<fes:PropertyIsNull><fes:ValueReference>nosuch</fes:ValueReference></fes:PropertyIsNull>"),
                        List.of(AREAS)));
        assertCode(ServiceException.INVALID_PARAMETER_VALUE, "unknown filter operator 'PropertyIsSimilar'",
                () -> FilterParameter.parse(fes(
                        "<fes:PropertyIsSimilar><fes:ValueReference>name</fes:ValueReference></fes:PropertyIsSimilar>"),
                        List.of(AREAS)));
    }

    @Test
    void injectionLookingLiteralsAreJustLiterals() {
        String f = fes("<fes:PropertyIsEqualTo><fes:ValueReference>name</fes:ValueReference>"
                + "<fes:Literal>x' OR '1'='1'; DROP TABLE plan_area; --</fes:Literal></fes:PropertyIsEqualTo>");
        Filter parsed = FilterParameter.parse(f, List.of(AREAS)).get(0);
        assertEquals("x' OR '1'='1'; DROP TABLE plan_area; --", ((Filter.Comparison) parsed).value());
        assertEquals(ids(), matching(parsed, AREAS));
    }

    @Test
    void billionLaughsIsRejectedQuicklyAtTheDoctype() {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        doc.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            doc.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) doc.append("&lol").append(i - 1).append(';');
            doc.append("\">");
        }
        doc.append(
                "]><fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo><fes:ValueReference>name"
                        + "</fes:ValueReference><fes:Literal>&lol9;</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>");
        ServiceException e = assertThrows(ServiceException.class,
                () -> FilterParameter.parse(doc.toString(), List.of(AREAS)));
        assertEquals(ServiceException.OPERATION_PARSING_FAILED, e.code());
        assertEquals("FILTER", e.locator());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void externalEntitiesAreNeverRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE f [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo><fes:ValueReference>name"
                + "</fes:ValueReference><fes:Literal>&x;</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";
        ServiceException e = assertThrows(ServiceException.class, () -> FilterParameter.parse(xxe, List.of(AREAS)));
        assertEquals(ServiceException.OPERATION_PARSING_FAILED, e.code());
        assertTrue(!e.getMessage().contains("root:"), e.getMessage());
    }

    @Test
    void deeplyNestedAndOversizedXmlIsRefused() {
        String deep = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\">" + "<fes:Not>".repeat(500)
                + "<fes:PropertyIsNull><fes:ValueReference>kind</fes:ValueReference></fes:PropertyIsNull>"
                + "</fes:Not>".repeat(500) + "</fes:Filter>";
        assertCode(ServiceException.OPERATION_PARSING_FAILED, "nested deeper",
                () -> FilterParameter.parse(deep, List.of(AREAS)));
        ServiceException big = assertThrows(ServiceException.class,
                () -> new SecureXmlParser(1000).parse("<a>" + "x".repeat(2000) + "</a>", "FILTER"));
        assertTrue(big.getMessage().contains("larger than"), big.getMessage());
    }

    private static void assertCode(String code, String message, Runnable r) {
        ServiceException e = assertThrows(ServiceException.class, r::run);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals("FILTER", e.locator());
        assertTrue(e.getMessage().contains(message), () -> "'" + e.getMessage() + "' should contain '" + message + "'");
    }
}
