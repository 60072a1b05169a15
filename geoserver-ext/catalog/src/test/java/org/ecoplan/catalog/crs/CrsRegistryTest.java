package org.ecoplan.catalog.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

class CrsRegistryTest {

    @ParameterizedTest
    @CsvSource({
            "EPSG:4490, 4490, SHORT",
            "epsg:4326, 4326, SHORT",
            "urn:ogc:def:crs:EPSG::4490, 4490, URN",
            "urn:ogc:def:crs:EPSG:9.8.15:4547, 4547, URN",
            "urn:x-ogc:def:crs:EPSG:4326, 4326, URN",
            "http://www.opengis.net/def/crs/EPSG/0/4526, 4526, HTTP_URI",
            "http://www.opengis.net/gml/srs/epsg.xml#4326, 4326, SHORT",
            "CRS:84, 4326, CRS84",
            "urn:ogc:def:crs:OGC:1.3:CRS84, 4326, CRS84",
            "http://www.opengis.net/def/crs/OGC/1.3/CRS84, 4326, CRS84",
            "EPSG:3857, 3857, SHORT"})
    void parsesEveryNameForm(String text, int epsg, CrsName.Form form) {
        CrsName n = CrsRegistry.parse(text).orElseThrow();
        assertEquals(epsg, n.crs().epsg());
        assertEquals(form, n.form());
    }

    @Test
    void rejectsUnknownNames() {
        assertTrue(CrsRegistry.parse("EPSG:999999").isEmpty());
        assertTrue(CrsRegistry.parse("foo").isEmpty());
        assertTrue(CrsRegistry.parse("EPSG:").isEmpty());
        assertTrue(CrsRegistry.parse(null).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
            "EPSG:4490, NORTH_EAST", "EPSG:4326, NORTH_EAST", "CRS:84, EAST_NORTH", "EPSG:3857, EAST_NORTH",
            "EPSG:4547, NORTH_EAST", "EPSG:4526, NORTH_EAST", "EPSG:32650, EAST_NORTH", "EPSG:2383, NORTH_EAST"})
    void authorityAxisOrder(String name, AxisOrder expected) {
        assertEquals(expected, CrsRegistry.require(name).authorityOrder());
    }

    @Test
    void conventionsDecideByForm() {
        CrsName shortForm = CrsRegistry.parse("EPSG:4490").orElseThrow();
        CrsName urn = CrsRegistry.parse("urn:ogc:def:crs:EPSG::4490").orElseThrow();
        CrsName http = CrsRegistry.parse("http://www.opengis.net/def/crs/EPSG/0/4547").orElseThrow();
        assertEquals(AxisOrder.NORTH_EAST, AxisOrders.of(shortForm, AxisConvention.AUTHORITY));
        assertEquals(AxisOrder.EAST_NORTH, AxisOrders.of(shortForm, AxisConvention.EAST_NORTH));
        assertEquals(AxisOrder.EAST_NORTH, AxisOrders.of(shortForm, AxisConvention.BY_FORM));
        assertEquals(AxisOrder.NORTH_EAST, AxisOrders.of(urn, AxisConvention.BY_FORM));
        assertEquals(AxisOrder.NORTH_EAST, AxisOrders.of(http, AxisConvention.BY_FORM));
        assertEquals(AxisOrder.EAST_NORTH,
                AxisOrders.of(CrsRegistry.parse("CRS:84").orElseThrow(), AxisConvention.AUTHORITY));
    }

    @Test
    void transformsCountySeatToGaussKrugerAndMercator() {
        // reference values from PROJ (pyproj) for the county seat 113.74E 40.36028N
        Coordinate gk = new GeometryTransformer(CrsRegistry.CGCS2000, CrsRegistry.CGCS2000_GK_114E)
                .transform(new Coordinate(113.74, 40.36028));
        assertEquals(477914.710, gk.x, 0.05);
        assertEquals(4469566.287, gk.y, 0.05);
        Coordinate zone38 = new GeometryTransformer(CrsRegistry.CGCS2000, CrsRegistry.require("EPSG:4526"))
                .transform(new Coordinate(113.74, 40.36028));
        assertEquals(38477914.710, zone38.x, 0.05);
        assertEquals(4469566.287, zone38.y, 0.05);
        Coordinate merc = new GeometryTransformer(CrsRegistry.EPSG_4326, CrsRegistry.WEB_MERCATOR)
                .transform(new Coordinate(113.74, 40.36028));
        assertEquals(12661478.883, merc.x, 0.05);
        assertEquals(4918436.143, merc.y, 0.05);
    }

    @Test
    void cgcs2000AndWgs84ShareCoordinates() {
        assertTrue(GeometryTransformer.isIdentity(CrsRegistry.CGCS2000, CrsRegistry.EPSG_4326));
        assertFalse(GeometryTransformer.isIdentity(CrsRegistry.CGCS2000, CrsRegistry.WEB_MERCATOR));
    }

    @Test
    void envelopeTransformCoversDensifiedEdges() {
        Envelope county = new Envelope(113.47986, 114.04066, 39.83077, 40.51673);
        Envelope gk = new GeometryTransformer(CrsRegistry.CGCS2000, CrsRegistry.CGCS2000_GK_114E).transform(county);
        assertTrue(gk.getMinX() < 456000 && gk.getMaxX() > 503000, gk.toString());
        assertTrue(gk.getMinY() > 4400000 && gk.getMaxY() < 4490000, gk.toString());
    }
}
