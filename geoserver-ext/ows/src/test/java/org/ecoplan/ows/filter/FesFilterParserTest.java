package org.ecoplan.ows.filter;

import static org.ecoplan.ows.filter.FilterFixtures.AREAS;
import static org.ecoplan.ows.filter.FilterFixtures.AREAS_GK;
import static org.ecoplan.ows.filter.FilterFixtures.TARGETS;
import static org.ecoplan.ows.filter.FilterFixtures.fes;
import static org.ecoplan.ows.filter.FilterFixtures.ids;
import static org.ecoplan.ows.filter.FilterFixtures.matching;
import static org.ecoplan.ows.filter.FilterFixtures.ogc;
import static org.ecoplan.ows.filter.FilterFixtures.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ecoplan.catalog.crs.AxisConvention;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.QueryException;
import org.ecoplan.catalog.query.SpatialOperator;
import org.ecoplan.ows.ServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FesFilterParserTest {
    /** The box 113.65..113.85 x 40.25..40.45 around feature 1, lat/lon as the URN form wants. */
    private static final String ENVELOPE_URN = "<gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::4326\">"
            + "<gml:lowerCorner>40.25 113.65</gml:lowerCorner><gml:upperCorner>40.45 113.85</gml:upperCorner></gml:Envelope>";

    private static Filter parse(String filterXml) {
        return new FesFilterParser(AREAS).parse(xml(filterXml));
    }

    private static List<String> run(String filterXml) {
        return matching(parse(filterXml), AREAS);
    }

    @Test
    void propertyIsNilMatchesOnlyWhatIsWrittenAsNil() {
        // feature 3 has no kind: PropertyIsNull finds it; an optional attribute without a value is left
        // out of GML, never written xsi:nil, so PropertyIsNil (FES 2.0 7.7.3.6) finds nothing
        assertEquals(ids("3"), run(fes("<fes:PropertyIsNull><fes:ValueReference>kind</fes:ValueReference>"
                + "</fes:PropertyIsNull>")));
        assertEquals(ids(), run(fes("<fes:PropertyIsNil><fes:ValueReference>kind</fes:ValueReference>"
                + "</fes:PropertyIsNil>")));
        // a required attribute without a value is written xsi:nil: there PropertyIsNil means no value
        var required = new org.ecoplan.catalog.AttributeDescriptor("kind", org.ecoplan.catalog.AttributeType.STRING,
                true, null, List.of(), null);
        var attributes = new java.util.ArrayList<>(AREAS.attributes());
        attributes.replaceAll(a -> a.name().equals("kind") ? required : a);
        var type = new org.ecoplan.catalog.FeatureType(AREAS.name(), attributes, AREAS.geometry());
        Filter nil = new FesFilterParser(type).parse(xml(fes("<fes:PropertyIsNil><fes:ValueReference>kind"
                + "</fes:ValueReference></fes:PropertyIsNil>")));
        assertEquals(new Filter.IsNull("kind"), nil);
    }

    @Test
    void bboxWithAndWithoutValueReference() {
        Filter f = parse(fes("<fes:BBOX><fes:ValueReference>geom</fes:ValueReference>" + ENVELOPE_URN + "</fes:BBOX>"));
        Filter.BBox b = assertInstanceOf(Filter.BBox.class, f);
        assertEquals(113.65, b.envelope().getMinX(), 1e-9);
        assertEquals(40.45, b.envelope().getMaxY(), 1e-9);
        assertEquals(ids("1"), matching(f, AREAS));
        assertEquals(ids("1"), run(fes("<fes:BBOX>" + ENVELOPE_URN + "</fes:BBOX>")));
        // a prefixed value reference names the same property
        assertEquals(ids("1"), run(
                fes("<fes:BBOX><fes:ValueReference>ecoplan:geom</fes:ValueReference>" + ENVELOPE_URN + "</fes:BBOX>")));
    }

    @Test
    void bboxInAProjectedCrsIsTransformedToTheNativeCrs() {
        // the same box given in EPSG:4547 (short form, x/y) finds feature 1 in the geographic layer
        var t = new org.ecoplan.catalog.crs.GeometryTransformer(CrsRegistry.CGCS2000, CrsRegistry.CGCS2000_GK_114E);
        var e = t.transform(new org.locationtech.jts.geom.Envelope(113.72, 113.78, 40.32, 40.38));
        String env = "<gml:Envelope srsName=\"EPSG:4547\"><gml:lowerCorner>" + e.getMinX() + " " + e.getMinY()
                + "</gml:lowerCorner><gml:upperCorner>" + e.getMaxX() + " " + e.getMaxY()
                + "</gml:upperCorner></gml:Envelope>";
        Filter.BBox b = assertInstanceOf(Filter.BBox.class, parse(fes("<fes:BBOX>" + env + "</fes:BBOX>")));
        assertTrue(b.envelope().getMinX() > 113.7 && b.envelope().getMaxX() < 113.8, b.envelope().toString());
        assertEquals(ids("1"), matching(b, AREAS));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Intersects | POLYGON | 1",
            "Within | BIGPOLYGON | 1",
            "Contains | POINT | 1",
            "Disjoint | POLYGON | 2,3,4",
            "Overlaps | POLYGON | 1",
            "Crosses | LINE | 4",
            "Touches | TOUCHING | 1",
            "Equals | FEATURE1 | 1",
    })
    void binarySpatialOperators(String op, String geometry, String expected) {
        String g = switch (geometry) {
            // covers the west half of feature 1; feature 4's line passes south of it
            case "POLYGON" -> polygon("40.25 113.65 40.25 113.75 40.45 113.75 40.45 113.65 40.25 113.65");
            case "BIGPOLYGON" -> polygon("40.2 113.6 40.2 113.85 40.5 113.85 40.5 113.6 40.2 113.6");
            case "POINT" ->
                "<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:pos>40.35 113.75</gml:pos></gml:Point>";
            case "LINE" ->
                "<gml:LineString srsName=\"EPSG:4490\"><gml:posList>113.7 40.0 113.7 40.2</gml:posList></gml:LineString>";
            case "TOUCHING" -> polygon("40.30 113.80 40.30 113.85 40.40 113.85 40.40 113.80 40.30 113.80");
            case "FEATURE1" -> polygon("40.30 113.70 40.30 113.80 40.40 113.80 40.40 113.70 40.30 113.70");
            default -> throw new IllegalArgumentException(geometry);
        };
        String xml = fes("<fes:" + op + "><fes:ValueReference>geom</fes:ValueReference>" + g + "</fes:" + op + ">");
        Filter f = parse(xml);
        assertInstanceOf(Filter.Spatial.class, f);
        assertEquals(List.of(expected.split(",")), matching(f, AREAS));
    }

    private static String polygon(String latLonPosList) {
        return "<gml:Polygon srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:exterior><gml:LinearRing><gml:posList>"
                + latLonPosList + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>";
    }

    @Test
    void dwithinConvertsMetresAndKilometresToDegreesAtTheLiteralsLatitude() {
        // point 2 km east of feature 3 (113.5, 40.0): 2000 m / (111319.49 m * cos 40°) = 0.02345°
        double east = 2000 / (DistanceConversion.METRES_PER_DEGREE * Math.cos(Math.toRadians(40.0)));
        String point = "<gml:Point srsName=\"EPSG:4490\"><gml:pos>" + (113.5 + east * 0.99)
                + " 40.0</gml:pos></gml:Point>";
        Filter f = parse(fes("<fes:DWithin><fes:ValueReference>geom</fes:ValueReference>" + point
                + "<fes:Distance uom=\"m\">2000</fes:Distance></fes:DWithin>"));
        Filter.Spatial s = assertInstanceOf(Filter.Spatial.class, f);
        assertEquals(SpatialOperator.DWITHIN, s.op());
        assertEquals(east, s.distance(), 1e-9);
        assertEquals(ids("3"), matching(f, AREAS));
        assertEquals(ids("3"),
                run(fes("<fes:DWithin>" + point + "<fes:Distance uom=\"km\">2</fes:Distance></fes:DWithin>")));
        assertEquals(ids("3"), run(fes("<fes:DWithin>" + point
                + "<fes:Distance uom=\"urn:ogc:def:uom:EPSG::9001\">2000</fes:Distance></fes:DWithin>")));
        assertEquals(ids(),
                run(fes("<fes:DWithin>" + point + "<fes:Distance uom=\"m\">1500</fes:Distance></fes:DWithin>")));
        assertEquals(ids("1", "2", "4"),
                run(fes("<fes:Beyond>" + point + "<fes:Distance uom=\"m\">2000</fes:Distance></fes:Beyond>")));
        // degrees on a geographic layer stay degrees
        Filter.Spatial deg = assertInstanceOf(Filter.Spatial.class, parse(fes("<fes:DWithin>" + point
                + "<fes:Distance uom=\"deg\">0.5</fes:Distance></fes:DWithin>")));
        assertEquals(0.5, deg.distance(), 0);
    }

    @Test
    void dwithinOnAProjectedLayerIsInMetres() {
        var t = new org.ecoplan.catalog.crs.GeometryTransformer(CrsRegistry.CGCS2000, CrsRegistry.CGCS2000_GK_114E);
        var c = t.transform(new org.locationtech.jts.geom.Coordinate(113.5, 40.0));
        String point = "<gml:Point srsName=\"EPSG:4547\"><gml:pos>" + (c.x + 1500) + " " + c.y
                + "</gml:pos></gml:Point>";
        FesFilterParser p = new FesFilterParser(AREAS_GK);
        Filter m = p
                .parse(xml(fes("<fes:DWithin>" + point + "<fes:Distance uom=\"m\">1600</fes:Distance></fes:DWithin>")));
        assertEquals(1600, ((Filter.Spatial) m).distance(), 1e-9);
        assertEquals(ids("3"), matching(m, AREAS_GK));
        Filter km = p
                .parse(xml(fes("<fes:DWithin>" + point + "<fes:Distance uom=\"km\">1.4</fes:Distance></fes:DWithin>")));
        assertEquals(1400, ((Filter.Spatial) km).distance(), 1e-9);
        assertEquals(ids(), matching(km, AREAS_GK));
        Filter ft = p.parse(
                xml(fes("<fes:DWithin>" + point + "<fes:Distance uom=\"ft\">5000</fes:Distance></fes:DWithin>")));
        assertEquals(1524, ((Filter.Spatial) ft).distance(), 1e-9);
        assertEquals(ids("3"), matching(ft, AREAS_GK));
    }

    @Test
    void filter11AndFilter10Forms() {
        // Filter 1.1: PropertyName, gml:Envelope in GML 3.1.1, EPSG:4326 short form read x/y
        String env = "<gml:Envelope srsName=\"EPSG:4326\"><gml:lowerCorner>113.65 40.25</gml:lowerCorner>"
                + "<gml:upperCorner>113.85 40.45</gml:upperCorner></gml:Envelope>";
        assertEquals(ids("1"), run(ogc("<ogc:BBOX><ogc:PropertyName>geom</ogc:PropertyName>" + env + "</ogc:BBOX>")));
        // Filter 1.0: gml:Box with coordinates, Distance with units
        String box = "<gml:Box srsName=\"http://www.opengis.net/gml/srs/epsg.xml#4326\"><gml:coordinates>113.65,40.25 113.85,40.45"
                + "</gml:coordinates></gml:Box>";
        assertEquals(ids("1"), run(ogc("<ogc:BBOX><ogc:PropertyName>geom</ogc:PropertyName>" + box + "</ogc:BBOX>")));
        String pt = "<gml:Point><gml:coordinates>113.5,40.0</gml:coordinates></gml:Point>";
        FesFilterParser wfs10 = new FesFilterParser(AREAS, CrsRegistry.parse("EPSG:4490").orElseThrow(),
                AxisConvention.EAST_NORTH);
        Filter d = wfs10.parse(xml(ogc("<ogc:DWithin><ogc:PropertyName>geom</ogc:PropertyName>" + pt
                + "<ogc:Distance units=\"m\">100</ogc:Distance></ogc:DWithin>")));
        assertEquals(ids("3"), matching(d, AREAS));
    }

    @Test
    void spatialInsideLogicalOperatorsWithComparisons() {
        String xml = fes("<fes:And><fes:Intersects><fes:ValueReference>geom</fes:ValueReference>"
                + polygon("40.0 113.0 40.0 114.5 41.0 114.5 41.0 113.0 40.0 113.0") + "</fes:Intersects>"
                + "<fes:PropertyIsGreaterThan><fes:ValueReference>area_km2</fes:ValueReference><fes:Literal>10</fes:Literal>"
                + "</fes:PropertyIsGreaterThan></fes:And>");
        assertEquals(ids("1", "2"), run(xml));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "<fes:After><fes:ValueReference>start_date</fes:ValueReference><gml:TimeInstant gml:id='t'><gml:timePosition>2021-12-31</gml:timePosition></gml:TimeInstant></fes:After> | 2",
            "<fes:After><fes:ValueReference>start_date</fes:ValueReference><gml:TimePeriod gml:id='p'><gml:beginPosition>2020-01-01</gml:beginPosition><gml:endPosition>2021-06-30</gml:endPosition></gml:TimePeriod></fes:After> | 2,4",
            "<fes:Before><fes:ValueReference>start_date</fes:ValueReference><gml:TimeInstant gml:id='t'><gml:timePosition>2021-12-31T08:00:00Z</gml:timePosition></gml:TimeInstant></fes:Before> | 1",
            "<fes:Before><fes:ValueReference>start_date</fes:ValueReference><gml:TimePeriod gml:id='p'><gml:beginPosition>2021-12-31</gml:beginPosition><gml:endPosition>2024-01-01</gml:endPosition></gml:TimePeriod></fes:Before> | 1",
            "<fes:TEquals><fes:ValueReference>start_date</fes:ValueReference><gml:TimeInstant gml:id='t'><gml:timePosition>2023-06-15</gml:timePosition></gml:TimeInstant></fes:TEquals> | 2",
            "<fes:During><fes:ValueReference>start_date</fes:ValueReference><gml:TimePeriod gml:id='p'><gml:beginPosition>2021-03-01</gml:beginPosition><gml:endPosition>2023-06-15</gml:endPosition></gml:TimePeriod></fes:During> | 4",
            "<fes:AnyInteracts><fes:ValueReference>start_date</fes:ValueReference><gml:TimePeriod gml:id='p'><gml:beginPosition>2021-03-01</gml:beginPosition><gml:endPosition>2023-06-15</gml:endPosition></gml:TimePeriod></fes:AnyInteracts> | 1,2,4",
            "<fes:Begins><fes:ValueReference>start_date</fes:ValueReference><gml:TimePeriod gml:id='p'><gml:begin><gml:TimeInstant gml:id='b'><gml:timePosition>2021-03-01</gml:timePosition></gml:TimeInstant></gml:begin><gml:end><gml:TimeInstant gml:id='e'><gml:timePosition>2022-01-01</gml:timePosition></gml:TimeInstant></gml:end></gml:TimePeriod></fes:Begins> | 1",
            "<fes:Ends><fes:ValueReference>start_date</fes:ValueReference><gml:TimePeriod gml:id='p'><gml:beginPosition>2021-03-01</gml:beginPosition><gml:endPosition>2021-12-31</gml:endPosition></gml:TimePeriod></fes:Ends> | 4",
            "<fes:Not><fes:After><fes:ValueReference>start_date</fes:ValueReference><gml:TimeInstant gml:id='t'><gml:timePosition>2021-12-31</gml:timePosition></gml:TimeInstant></fes:After></fes:Not> | 1,4",
    })
    void temporalOperatorsOnADateAttribute(String operator, String expected) {
        assertEquals(List.of(expected.split(",")), run(fes(operator)));
    }

    /** Filters exactly as OWSLib 0.27 (owslib.fes2) writes them. */
    @Test
    void filtersWrittenByOwsLib() {
        String bbox = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:BBOX><fes:ValueReference>ows:BoundingBox"
                + "</fes:ValueReference><gml311:Envelope xmlns:gml311=\"http://www.opengis.net/gml\" srsName=\"urn:ogc:def:crs:EPSG::4326\">"
                + "<gml311:lowerCorner>40.25 113.65</gml311:lowerCorner><gml311:upperCorner>40.45 113.85</gml311:upperCorner>"
                + "</gml311:Envelope></fes:BBOX></fes:Filter>";
        assertEquals(ids("1"), run(bbox));
        // srsName written in the GML namespace; the point is lat/lon because of the URN form
        String point = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:Intersects><fes:ValueReference>geom"
                + "</fes:ValueReference><gml32:Point xmlns:gml32=\"http://www.opengis.net/gml/3.2\" gml32:id=\"p\" "
                + "gml32:srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml32:pos>40.35 113.75</gml32:pos></gml32:Point>"
                + "</fes:Intersects></fes:Filter>";
        Filter.Spatial s = assertInstanceOf(Filter.Spatial.class, parse(point));
        assertEquals(113.75, s.geometry().getCoordinate().x, 1e-12);
        assertEquals(ids("1"), matching(s, AREAS));
        // the catalogue queryable is only accepted for BBOX
        assertThrows(QueryException.class, () -> parse(point.replace(">geom<", ">ows:BoundingBox<")));
        String like = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:And><fes:PropertyIsLike wildCard=\"*\" "
                + "singleChar=\"_\" escapeChar=\"\\\"><fes:ValueReference>name</fes:ValueReference><fes:Literal>O*</fes:Literal>"
                + "</fes:PropertyIsLike><fes:PropertyIsEqualTo><fes:ValueReference>kind</fes:ValueReference><fes:Literal>forest"
                + "</fes:Literal></fes:PropertyIsEqualTo></fes:And></fes:Filter>";
        assertEquals(ids("2"), run(like));
    }

    @Test
    void aPlainDateLiteralIsReadAsAnInstant() {
        assertEquals(ids("2"), run(fes("<fes:After><fes:ValueReference>start_date</fes:ValueReference>"
                + "<fes:Literal>2021-12-31</fes:Literal></fes:After>")));
    }

    @Test
    void temporalOperatorsThatNeedAPeriodPropertyAreRejected() {
        QueryException e = assertThrows(QueryException.class,
                () -> parse(fes("<fes:TOverlaps><fes:ValueReference>start_date"
                        + "</fes:ValueReference><gml:TimePeriod gml:id='p'><gml:beginPosition>2021-01-01</gml:beginPosition>"
                        + "<gml:endPosition>2022-01-01</gml:endPosition></gml:TimePeriod></fes:TOverlaps>")));
        assertTrue(e.getMessage().contains("needs a time-period property"), e.getMessage());
        QueryException notDate = assertThrows(QueryException.class,
                () -> parse(fes("<fes:After><fes:ValueReference>name"
                        + "</fes:ValueReference><gml:TimeInstant gml:id='t'><gml:timePosition>2021-01-01</gml:timePosition></gml:TimeInstant></fes:After>")));
        assertTrue(notDate.getMessage().contains("needs a date property"), notDate.getMessage());
        QueryException badDate = assertThrows(QueryException.class,
                () -> parse(fes("<fes:After><fes:ValueReference>start_date"
                        + "</fes:ValueReference><gml:TimeInstant gml:id='t'><gml:timePosition>yesterday</gml:timePosition></gml:TimeInstant></fes:After>")));
        assertTrue(badDate.getMessage().contains("is not a date"), badDate.getMessage());
    }

    @Test
    void valueReferenceMustBeTheGeometryProperty() {
        QueryException e = assertThrows(QueryException.class,
                () -> parse(fes("<fes:BBOX><fes:ValueReference>name</fes:ValueReference>"
                        + ENVELOPE_URN + "</fes:BBOX>")));
        assertTrue(e.getMessage().contains("is not the geometry property"), e.getMessage());
        assertEquals("name", e.locator());
        QueryException unknown = assertThrows(QueryException.class,
                () -> parse(fes("<fes:Intersects><fes:ValueReference>the_geom"
                        + "</fes:ValueReference>" + ENVELOPE_URN + "</fes:Intersects>")));
        assertTrue(unknown.getMessage().contains("is not a property"), unknown.getMessage());
        // as a request parameter it is an InvalidParameterValue with the parameter as locator
        ServiceException se = assertThrows(ServiceException.class, () -> new FesFilterParser(AREAS).parse(xml(fes(
                "<fes:BBOX><fes:ValueReference>name</fes:ValueReference>" + ENVELOPE_URN + "</fes:BBOX>")), "FILTER"));
        assertEquals(ServiceException.INVALID_PARAMETER_VALUE, se.code());
        assertEquals("FILTER", se.locator());
    }

    @Test
    void badSpatialOperands() {
        assertMessage("needs a GML geometry",
                fes("<fes:Intersects><fes:ValueReference>geom</fes:ValueReference></fes:Intersects>"));
        assertMessage("needs a Distance", fes("<fes:DWithin>" + ENVELOPE_URN + "</fes:DWithin>"));
        assertMessage("unknown distance unit 'furlong'", fes("<fes:DWithin>" + ENVELOPE_URN
                + "<fes:Distance uom=\"furlong\">3</fes:Distance></fes:DWithin>"));
        assertMessage("is not a number",
                fes("<fes:DWithin>" + ENVELOPE_URN + "<fes:Distance uom=\"m\">far</fes:Distance></fes:DWithin>"));
        assertMessage("must be a finite number >= 0",
                fes("<fes:DWithin>" + ENVELOPE_URN + "<fes:Distance uom=\"m\">-5</fes:Distance></fes:DWithin>"));
        assertMessage("unknown filter operator 'Near'",
                fes("<fes:Near><fes:ValueReference>geom</fes:ValueReference></fes:Near>"));
        assertMessage("has no geometry", fes("<fes:BBOX>" + ENVELOPE_URN + "</fes:BBOX>"), TARGETS);
    }

    private static void assertMessage(String expected, String xml) {
        assertMessage(expected, xml, AREAS);
    }

    private static void assertMessage(String expected, String xml, org.ecoplan.catalog.FeatureType type) {
        QueryException e = assertThrows(QueryException.class, () -> new FesFilterParser(type).parse(xml(xml)));
        assertTrue(e.getMessage().contains(expected),
                () -> "'" + e.getMessage() + "' should contain '" + expected + "'");
    }
}
