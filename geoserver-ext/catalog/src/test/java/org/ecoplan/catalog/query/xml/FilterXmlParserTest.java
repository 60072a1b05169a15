package org.ecoplan.catalog.query.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.GeometryDescriptor;
import org.ecoplan.catalog.GeometryType;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.query.ComparisonOperator;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.QueryException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.w3c.dom.Element;

class FilterXmlParserTest {
    private static final String OGC = "xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:gml=\"http://www.opengis.net/gml\"";
    private static final String FES = "xmlns:fes=\"http://www.opengis.net/fes/2.0\"";
    private static final FeatureType TYPE = new FeatureType("zone", List.of(
            AttributeDescriptor.of("name", AttributeType.STRING),
            AttributeDescriptor.of("area_km2", AttributeType.DOUBLE),
            AttributeDescriptor.of("rank", AttributeType.INTEGER),
            AttributeDescriptor.of("active", AttributeType.BOOLEAN),
            AttributeDescriptor.of("since", AttributeType.DATE)),
            new GeometryDescriptor("geom", GeometryType.MULTIPOLYGON, CrsRegistry.CGCS2000));

    private static Element xml(String s) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    private static Filter ogc(String body) throws Exception {
        return new FilterXmlParser(TYPE).parse(xml("<ogc:Filter " + OGC + ">" + body + "</ogc:Filter>"));
    }

    private static Filter fes(String body) throws Exception {
        return new FilterXmlParser(TYPE).parse(xml("<fes:Filter " + FES + ">" + body + "</fes:Filter>"));
    }

    @Test
    void comparisonsConvertLiteralsToTheAttributeType() throws Exception {
        assertEquals(new Filter.Comparison("rank", ComparisonOperator.GREATER, 3L, true), ogc(
                "<ogc:PropertyIsGreaterThan><ogc:PropertyName>rank</ogc:PropertyName><ogc:Literal>3</ogc:Literal></ogc:PropertyIsGreaterThan>"));
        assertEquals(new Filter.Comparison("area_km2", ComparisonOperator.LESS_OR_EQUAL, 2.5, true), ogc(
                "<ogc:PropertyIsLessThanOrEqualTo><ogc:PropertyName>area_km2</ogc:PropertyName><ogc:Literal>2.5</ogc:Literal></ogc:PropertyIsLessThanOrEqualTo>"));
        assertEquals(new Filter.Comparison("active", ComparisonOperator.EQUAL, true, true), ogc(
                "<ogc:PropertyIsEqualTo><ogc:PropertyName>active</ogc:PropertyName><ogc:Literal>true</ogc:Literal></ogc:PropertyIsEqualTo>"));
        assertEquals(
                new Filter.Comparison("since", ComparisonOperator.GREATER_OR_EQUAL, LocalDate.of(2021, 1, 1), true),
                ogc(
                        "<ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>since</ogc:PropertyName><ogc:Literal>2021-01-01</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>"));
        assertEquals(new Filter.Comparison("name", ComparisonOperator.NOT_EQUAL, "阳高县", false), ogc(
                "<ogc:PropertyIsNotEqualTo matchCase=\"false\"><ogc:PropertyName>name</ogc:PropertyName><ogc:Literal>阳高县</ogc:Literal></ogc:PropertyIsNotEqualTo>"));
        assertEquals(new Filter.Comparison("rank", ComparisonOperator.LESS, 7L, true), fes(
                "<fes:PropertyIsLessThan><fes:ValueReference>rank</fes:ValueReference><fes:Literal>7</fes:Literal></fes:PropertyIsLessThan>"));
    }

    @Test
    void literalFirstFlipsTheOperatorAndPrefixIsStripped() throws Exception {
        assertEquals(new Filter.Comparison("rank", ComparisonOperator.GREATER, 3L, true), ogc(
                "<ogc:PropertyIsLessThan><ogc:Literal>3</ogc:Literal><ogc:PropertyName>eco:rank</ogc:PropertyName></ogc:PropertyIsLessThan>"));
    }

    @Test
    void logicalOperators() throws Exception {
        Filter f = ogc("<ogc:And><ogc:PropertyIsNull><ogc:PropertyName>name</ogc:PropertyName></ogc:PropertyIsNull>"
                + "<ogc:Or><ogc:PropertyIsEqualTo><ogc:PropertyName>rank</ogc:PropertyName><ogc:Literal>1</ogc:Literal></ogc:PropertyIsEqualTo>"
                + "<ogc:Not><ogc:PropertyIsEqualTo><ogc:PropertyName>rank</ogc:PropertyName><ogc:Literal>2</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Not>"
                + "</ogc:Or></ogc:And>");
        Filter.And and = assertInstanceOf(Filter.And.class, f);
        assertEquals(new Filter.IsNull("name"), and.children().get(0));
        Filter.Or or = assertInstanceOf(Filter.Or.class, and.children().get(1));
        assertInstanceOf(Filter.Not.class, or.children().get(1));
    }

    @Test
    void likeWithAllAttributeSpellings() throws Exception {
        assertEquals(new Filter.Like("name", "阳%", '%', '_', '\\', true), ogc(
                "<ogc:PropertyIsLike wildCard=\"%\" singleChar=\"_\" escapeChar=\"\\\"><ogc:PropertyName>name</ogc:PropertyName><ogc:Literal>阳%</ogc:Literal></ogc:PropertyIsLike>"));
        assertEquals(new Filter.Like("name", "a*", '*', '#', '!', false), ogc(
                "<ogc:PropertyIsLike wildCard=\"*\" singleChar=\"#\" escape=\"!\" matchCase=\"false\"><ogc:PropertyName>name</ogc:PropertyName><ogc:Literal>a*</ogc:Literal></ogc:PropertyIsLike>"));
        QueryException e = assertThrows(QueryException.class, () -> ogc(
                "<ogc:PropertyIsLike wildCard=\"**\"><ogc:PropertyName>name</ogc:PropertyName><ogc:Literal>a</ogc:Literal></ogc:PropertyIsLike>"));
        assertEquals("wildCard", e.locator());
    }

    @Test
    void betweenAndNull() throws Exception {
        assertEquals(new Filter.Between("area_km2", 1.0, 10.0), ogc(
                "<ogc:PropertyIsBetween><ogc:PropertyName>area_km2</ogc:PropertyName><ogc:LowerBoundary><ogc:Literal>1</ogc:Literal></ogc:LowerBoundary>"
                        + "<ogc:UpperBoundary><ogc:Literal>10</ogc:Literal></ogc:UpperBoundary></ogc:PropertyIsBetween>"));
        assertEquals(new Filter.IsNull("since"),
                fes("<fes:PropertyIsNull><fes:ValueReference>since</fes:ValueReference></fes:PropertyIsNull>"));
    }

    @Test
    void identifiersOfEveryVersion() throws Exception {
        assertEquals(new Filter.ResourceId(List.of("zone.1", "zone.2")),
                ogc("<ogc:FeatureId fid=\"zone.1\"/><ogc:FeatureId fid=\"zone.2\"/>"));
        assertEquals(new Filter.ResourceId(List.of("zone.3")), ogc("<ogc:GmlObjectId gml:id=\"zone.3\"/>"));
        assertEquals(new Filter.ResourceId(List.of("zone.4", "zone.5")),
                fes("<fes:ResourceId rid=\"zone.4\"/><fes:ResourceId rid=\"zone.5\"/>"));
    }

    @Test
    void unknownPropertyAndBadLiteralNameTheProperty() {
        QueryException unknown = assertThrows(QueryException.class, () -> ogc(
                "<ogc:PropertyIsEqualTo><ogc:PropertyName>nope</ogc:PropertyName><ogc:Literal>1</ogc:Literal></ogc:PropertyIsEqualTo>"));
        assertEquals("nope", unknown.locator());
        QueryException bad = assertThrows(QueryException.class, () -> ogc(
                "<ogc:PropertyIsEqualTo><ogc:PropertyName>rank</ogc:PropertyName><ogc:Literal>three</ogc:Literal></ogc:PropertyIsEqualTo>"));
        assertEquals("rank", bad.locator());
        assertTrue(bad.getMessage().contains("three"), bad.getMessage());
        QueryException badDate = assertThrows(QueryException.class, () -> ogc(
                "<ogc:PropertyIsEqualTo><ogc:PropertyName>since</ogc:PropertyName><ogc:Literal>yesterday</ogc:Literal></ogc:PropertyIsEqualTo>"));
        assertEquals("since", badDate.locator());
    }

    @Test
    void badStructureIsReported() {
        assertThrows(QueryException.class,
                () -> ogc("<ogc:PropertyIsEqualTo><ogc:PropertyName>rank</ogc:PropertyName></ogc:PropertyIsEqualTo>"));
        assertThrows(QueryException.class, () -> ogc("<ogc:Not/>"));
        assertThrows(QueryException.class, () -> ogc(""));
        QueryException e = assertThrows(QueryException.class, () -> ogc("<ogc:PropertyIsAwesome/>"));
        assertEquals("PropertyIsAwesome", e.locator());
        assertThrows(QueryException.class, () -> ogc(
                "<ogc:PropertyIsEqualTo><ogc:PropertyName>a/b[1]</ogc:PropertyName><ogc:Literal>1</ogc:Literal></ogc:PropertyIsEqualTo>"));
        assertThrows(QueryException.class, () -> ogc(
                "<ogc:PropertyIsEqualTo><ogc:PropertyName>geom</ogc:PropertyName><ogc:Literal>1</ogc:Literal></ogc:PropertyIsEqualTo>"));
    }

    @Test
    void spatialOperatorsNeedAPluggedParser() throws Exception {
        String bbox = "<ogc:BBOX><ogc:PropertyName>geom</ogc:PropertyName><gml:Envelope><gml:lowerCorner>1 2</gml:lowerCorner>"
                + "<gml:upperCorner>3 4</gml:upperCorner></gml:Envelope></ogc:BBOX>";
        QueryException e = assertThrows(QueryException.class, () -> ogc(bbox));
        assertEquals("BBOX", e.locator());
        assertEquals("spatial operator BBOX not supported here", e.getMessage());
        Filter.BBox fixed = new Filter.BBox(new Envelope(1, 3, 2, 4));
        Filter f = new FilterXmlParser(TYPE, (op, el) -> fixed)
                .parse(xml("<ogc:Filter " + OGC + ">" + bbox + "</ogc:Filter>"));
        assertSame(fixed, f);
    }

    @Test
    void untypedParsingKeepsStringsAndBinderConvertsThem() throws Exception {
        Element e = xml("<ogc:Filter " + OGC + "><ogc:PropertyIsEqualTo><ogc:PropertyName>rank</ogc:PropertyName>"
                + "<ogc:Literal> 4 </ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>");
        Filter untyped = new FilterXmlParser(null).parse(e);
        assertEquals(new Filter.Comparison("rank", ComparisonOperator.EQUAL, "4", true), untyped);
        assertEquals(new Filter.Comparison("rank", ComparisonOperator.EQUAL, 4L, true),
                FilterBinder.bind(untyped, TYPE));
        Filter unknown = new Filter.Comparison("nope", ComparisonOperator.EQUAL, "4", true);
        assertEquals("nope", assertThrows(QueryException.class, () -> FilterBinder.bind(unknown, TYPE)).locator());
    }
}
