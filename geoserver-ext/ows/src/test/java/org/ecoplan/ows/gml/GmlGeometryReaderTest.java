package org.ecoplan.ows.gml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ecoplan.catalog.crs.AxisConvention;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.query.QueryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class GmlGeometryReaderTest {
    private static final String GML32 = "xmlns:gml=\"http://www.opengis.net/gml/3.2\"";
    private static final String GML = "xmlns:gml=\"http://www.opengis.net/gml\"";
    private static final CrsName DEFAULT_URN = CrsRegistry.parse("urn:ogc:def:crs:EPSG::4490").orElseThrow();
    private static final CrsName DEFAULT_SHORT = CrsRegistry.parse("EPSG:4490").orElseThrow();

    private static Element xml(String text) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(text))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static GmlGeometry read(String text) {
        return new GmlGeometryReader(DEFAULT_SHORT, AxisConvention.BY_FORM).read(xml(text));
    }

    private static void assertCoordinate(double x, double y, Coordinate c) {
        assertEquals(x, c.x, 1e-12, "x");
        assertEquals(y, c.y, 1e-12, "y");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "EPSG:4326, 113.75, 40.1, 4326",
            "urn:ogc:def:crs:EPSG::4326, 40.1, 113.75, 4326",
            "urn:x-ogc:def:crs:EPSG:4326, 40.1, 113.75, 4326",
            "http://www.opengis.net/def/crs/EPSG/0/4326, 40.1, 113.75, 4326",
            "http://www.opengis.net/gml/srs/epsg.xml#4326, 113.75, 40.1, 4326",
            "CRS:84, 113.75, 40.1, 4326",
            "urn:ogc:def:crs:OGC:1.3:CRS84, 113.75, 40.1, 4326",
            "EPSG:4490, 113.75, 40.1, 4490",
            "urn:ogc:def:crs:EPSG::4490, 40.1, 113.75, 4490",
            "http://www.opengis.net/def/crs/EPSG/0/4490, 40.1, 113.75, 4490",
    })
    void axisOrderFollowsTheSrsNameForm(String srsName, String first, String second, int epsg) {
        GmlGeometry g = read("<gml:Point " + GML32 + " srsName=\"" + srsName + "\"><gml:pos>" + first + " " + second
                + "</gml:pos></gml:Point>");
        assertCoordinate(113.75, 40.1, g.geometry().getCoordinate());
        assertEquals(epsg, g.crs().crs().epsg());
        assertEquals(epsg, g.geometry().getSRID());
    }

    @Test
    void srsNameWrittenInTheGmlNamespaceIsHonoured() {
        // as OWSLib writes it; the reader's default here is the x/y short form, so only the attribute makes this lat/lon
        GmlGeometry g = read("<gml:Point " + GML32
                + " gml:srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pos>40.1 113.75</gml:pos></gml:Point>");
        assertCoordinate(113.75, 40.1, g.geometry().getCoordinate());
        assertEquals(4326, g.crs().crs().epsg());
    }

    @Test
    void projectedGaussKrugerUrnIsNorthingFirstAndShortFormIsEastingFirst() {
        GmlGeometry urn = read("<gml:Point " + GML32
                + " srsName=\"urn:ogc:def:crs:EPSG::4547\"><gml:pos>4440000 478000</gml:pos></gml:Point>");
        assertCoordinate(478000, 4440000, urn.geometry().getCoordinate());
        GmlGeometry shortForm = read(
                "<gml:Point " + GML32 + " srsName=\"EPSG:4547\"><gml:pos>478000 4440000</gml:pos></gml:Point>");
        assertCoordinate(478000, 4440000, shortForm.geometry().getCoordinate());
    }

    @Test
    void missingSrsNameUsesTheCallersDefaultWithItsAxisOrder() {
        Element p = xml("<gml:Point " + GML32 + "><gml:pos>40.1 113.75</gml:pos></gml:Point>");
        GmlGeometry g = new GmlGeometryReader(DEFAULT_URN, AxisConvention.BY_FORM).read(p);
        assertCoordinate(113.75, 40.1, g.geometry().getCoordinate());
        assertEquals(DEFAULT_URN, g.crs());
        // WFS 1.0 style: always x/y whatever the name
        GmlGeometry xy = new GmlGeometryReader(DEFAULT_URN, AxisConvention.EAST_NORTH).read(
                xml("<gml:Point " + GML32 + "><gml:pos>113.75 40.1</gml:pos></gml:Point>"));
        assertCoordinate(113.75, 40.1, xy.geometry().getCoordinate());
    }

    @Test
    void gml2PolygonWithCoordinatesAndInnerBoundary() {
        GmlGeometry g = read("<gml:Polygon " + GML + " srsName=\"http://www.opengis.net/gml/srs/epsg.xml#4490\">"
                + "<gml:outerBoundaryIs><gml:LinearRing><gml:coordinates>0,0 10,0 10,10 0,10 0,0</gml:coordinates>"
                + "</gml:LinearRing></gml:outerBoundaryIs><gml:innerBoundaryIs><gml:LinearRing>"
                + "<gml:coordinates>2,2 4,2 4,4 2,4 2,2</gml:coordinates></gml:LinearRing></gml:innerBoundaryIs></gml:Polygon>");
        assertEquals("Polygon", g.geometry().getGeometryType());
        assertEquals(96.0, g.geometry().getArea(), 1e-9);
    }

    @Test
    void gmlCoordinatesWithCustomSeparatorsAndDecimalMark() {
        GmlGeometry g = read("<gml:LineString " + GML + "><gml:coordinates decimal=\",\" cs=\" \" ts=\";\">"
                + "113,5 40,25;113,75 40,5</gml:coordinates></gml:LineString>");
        Coordinate[] c = g.geometry().getCoordinates();
        assertCoordinate(113.5, 40.25, c[0]);
        assertCoordinate(113.75, 40.5, c[1]);
    }

    @Test
    void gml2CoordElementsAndBox() {
        GmlGeometry p = read(
                "<gml:Point " + GML + "><gml:coord><gml:X>113.7</gml:X><gml:Y>40.2</gml:Y></gml:coord></gml:Point>");
        assertCoordinate(113.7, 40.2, p.geometry().getCoordinate());
        GmlGeometry box = read("<gml:Box " + GML
                + " srsName=\"EPSG:4490\"><gml:coordinates>113.6,40.0 113.9,40.3</gml:coordinates></gml:Box>");
        assertEquals(0.3 * 0.3, box.geometry().getArea(), 1e-9);
        assertEquals(113.6, box.geometry().getEnvelopeInternal().getMinX(), 1e-12);
    }

    @Test
    void gml32PosListWithSrsDimension3DropsHeights() {
        GmlGeometry g = read("<gml:LineString " + GML32 + " srsDimension=\"3\"><gml:posList>"
                + "113.5 40.0 1000 113.6 40.1 1010 113.7 40.2 1020</gml:posList></gml:LineString>");
        assertEquals(3, g.geometry().getNumPoints());
        assertCoordinate(113.6, 40.1, g.geometry().getCoordinates()[1]);
        assertEquals(Double.NaN, g.geometry().getCoordinates()[1].getZ());
    }

    @Test
    void gml311PosListDimensionOnThePosListAndPosElements() {
        GmlGeometry g = read(
                "<gml:LineString " + GML + "><gml:posList dimension=\"3\">1 2 3 4 5 6</gml:posList></gml:LineString>");
        assertCoordinate(4, 5, g.geometry().getCoordinates()[1]);
        GmlGeometry p = read(
                "<gml:LineString " + GML + "><gml:pos>1 2</gml:pos><gml:pos>3 4</gml:pos></gml:LineString>");
        assertEquals(2, p.geometry().getNumPoints());
    }

    @Test
    void envelopeIsAPolygonInAuthorityOrderForUrn() {
        GmlGeometry g = read("<gml:Envelope " + GML32 + " srsName=\"urn:ogc:def:crs:EPSG::4326\">"
                + "<gml:lowerCorner>40.0 113.5</gml:lowerCorner><gml:upperCorner>40.5 114.0</gml:upperCorner></gml:Envelope>");
        var e = g.geometry().getEnvelopeInternal();
        assertEquals(113.5, e.getMinX(), 1e-12);
        assertEquals(40.0, e.getMinY(), 1e-12);
        assertEquals(114.0, e.getMaxX(), 1e-12);
        assertEquals(40.5, e.getMaxY(), 1e-12);
        assertEquals("Polygon", g.geometry().getGeometryType());
    }

    @Test
    void multiSurfaceWithSurfacePatchesAndInheritedSrsName() {
        GmlGeometry g = read("<gml:MultiSurface " + GML32 + " srsName=\"urn:ogc:def:crs:EPSG::4490\">"
                + "<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>"
                + "40 113 40 114 41 114 41 113 40 113</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>"
                + "<gml:surfaceMember><gml:Surface><gml:patches><gml:PolygonPatch><gml:exterior><gml:LinearRing><gml:posList>"
                + "42 113 42 114 43 114 43 113 42 113</gml:posList></gml:LinearRing></gml:exterior></gml:PolygonPatch>"
                + "</gml:patches></gml:Surface></gml:surfaceMember></gml:MultiSurface>");
        assertEquals("MultiPolygon", g.geometry().getGeometryType());
        assertEquals(2, g.geometry().getNumGeometries());
        var e = g.geometry().getEnvelopeInternal();
        assertEquals(113, e.getMinX(), 1e-12);
        assertEquals(43, e.getMaxY(), 1e-12);
    }

    @Test
    void multiGeometriesOfEveryKind() {
        Geometry mp = read("<gml:MultiPoint " + GML32
                + "><gml:pointMember><gml:Point><gml:pos>1 2</gml:pos></gml:Point></gml:pointMember>"
                + "<gml:pointMembers><gml:Point><gml:pos>3 4</gml:pos></gml:Point><gml:Point><gml:pos>5 6</gml:pos></gml:Point></gml:pointMembers></gml:MultiPoint>")
                .geometry();
        assertEquals("MultiPoint", mp.getGeometryType());
        assertEquals(3, mp.getNumGeometries());
        Geometry mls = read("<gml:MultiLineString " + GML
                + "><gml:lineStringMember><gml:LineString><gml:coordinates>0,0 1,1</gml:coordinates>"
                + "</gml:LineString></gml:lineStringMember></gml:MultiLineString>").geometry();
        assertEquals("MultiLineString", mls.getGeometryType());
        Geometry mc = read("<gml:MultiCurve " + GML32
                + "><gml:curveMember><gml:Curve><gml:segments><gml:LineStringSegment>"
                + "<gml:posList>0 0 1 1</gml:posList></gml:LineStringSegment><gml:LineStringSegment><gml:posList>1 1 2 0</gml:posList>"
                + "</gml:LineStringSegment></gml:segments></gml:Curve></gml:curveMember></gml:MultiCurve>").geometry();
        assertEquals("MultiLineString", mc.getGeometryType());
        assertEquals(3, mc.getNumPoints(), "the shared joint of two segments counts once");
        Geometry mpoly = read("<gml:MultiPolygon " + GML
                + "><gml:polygonMember><gml:Polygon><gml:outerBoundaryIs><gml:LinearRing>"
                + "<gml:coordinates>0,0 1,0 1,1 0,0</gml:coordinates></gml:LinearRing></gml:outerBoundaryIs></gml:Polygon>"
                + "</gml:polygonMember></gml:MultiPolygon>").geometry();
        assertEquals("MultiPolygon", mpoly.getGeometryType());
        assertEquals(0.5, mpoly.getArea(), 1e-12);
    }

    @Test
    void badInputGivesClearQueryExceptions() {
        assertMessage("is not a number", "<gml:Point " + GML32 + "><gml:pos>113.7 abc</gml:pos></gml:Point>");
        assertMessage("is not a number", "<gml:Point " + GML32 + "><gml:pos>0x1p3 1</gml:pos></gml:Point>");
        assertMessage("out of range", "<gml:Point " + GML32 + "><gml:pos>1e999 1</gml:pos></gml:Point>");
        assertMessage("not a whole number",
                "<gml:LineString " + GML32 + "><gml:posList>1 2 3</gml:posList></gml:LineString>");
        assertMessage("unknown srsName",
                "<gml:Point " + GML32 + " srsName=\"EPSG:999999\"><gml:pos>1 2</gml:pos></gml:Point>");
        assertMessage("invalid GML Polygon", "<gml:Polygon " + GML32 + "><gml:exterior><gml:LinearRing><gml:posList>"
                + "0 0 1 0 1 1 0 1</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>");
        assertMessage("unsupported GML geometry element 'Circle'", "<gml:Circle " + GML32 + "/>");
        assertMessage("has no exterior ring", "<gml:Polygon " + GML32 + "/>");
        assertMessage("at least 2 positions", "<gml:LineString " + GML32 + "><gml:pos>1 2</gml:pos></gml:LineString>");
        assertMessage("one geometry must use one CRS", "<gml:MultiPoint " + GML32
                + " srsName=\"EPSG:4326\"><gml:pointMember>"
                + "<gml:Point srsName=\"EPSG:3857\"><gml:pos>1 2</gml:pos></gml:Point></gml:pointMember></gml:MultiPoint>");
        assertMessage("srsDimension",
                "<gml:LineString " + GML32 + " srsDimension=\"x\"><gml:posList>1 2</gml:posList></gml:LineString>");
    }

    private static void assertMessage(String expected, String xml) {
        QueryException e = assertThrows(QueryException.class, () -> read(xml));
        assertTrue(e.getMessage().contains(expected),
                () -> "message '" + e.getMessage() + "' should contain '" + expected + "'");
    }
}
