package org.ecoplan.ows.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ecoplan.catalog.crs.CrsRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class LengthUnitTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "m, METRE", "meters, METRE", "Metres, METRE", "urn:ogc:def:uom:EPSG::9001, METRE",
            "http://www.opengis.net/def/uom/EPSG/0/9001, METRE", "http://www.opengis.net/def/uom/UCUM/0/km, KILOMETRE",
            "km, KILOMETRE", "kilometers, KILOMETRE", "ft, FOOT", "feet, FOOT", "[ft_i], FOOT",
            "statute miles, STATUTE_MILE", "'statute   miles', STATUTE_MILE", "mi, STATUTE_MILE",
            "nautical miles, NAUTICAL_MILE",
            "deg, DEGREE", "degrees, DEGREE", "urn:ogc:def:uom:EPSG::9102, DEGREE", "#m, METRE",
    })
    void unitNames(String name, LengthUnit expected) {
        assertEquals(expected, LengthUnit.of(name).orElseThrow());
    }

    @Test
    void unknownUnits() {
        assertTrue(LengthUnit.of("furlong").isEmpty());
        assertTrue(LengthUnit.of("").isEmpty());
        assertTrue(LengthUnit.of(null).isEmpty());
    }

    @Test
    void conversionToNativeUnits() {
        var gf = new GeometryFactory();
        var atEquator = gf.createPoint(new Coordinate(113, 0));
        var at60 = gf.createPoint(new Coordinate(113, 60));
        // geographic: metres to degrees along the parallel
        assertEquals(1.0, DistanceConversion.toNative(DistanceConversion.METRES_PER_DEGREE, LengthUnit.METRE,
                CrsRegistry.CGCS2000, atEquator), 1e-12);
        assertEquals(2.0, DistanceConversion.toNative(DistanceConversion.METRES_PER_DEGREE, LengthUnit.METRE,
                CrsRegistry.CGCS2000, at60), 1e-9);
        assertEquals(0.25, DistanceConversion.toNative(0.25, LengthUnit.DEGREE, CrsRegistry.CGCS2000, at60), 0);
        // projected (metres): kilometres, feet, degrees along the meridian
        assertEquals(2500,
                DistanceConversion.toNative(2.5, LengthUnit.KILOMETRE, CrsRegistry.CGCS2000_GK_114E, atEquator), 1e-9);
        assertEquals(304.8, DistanceConversion.toNative(1000, LengthUnit.FOOT, CrsRegistry.WEB_MERCATOR, atEquator),
                1e-9);
        assertEquals(DistanceConversion.METRES_PER_DEGREE,
                DistanceConversion.toNative(1, LengthUnit.DEGREE, CrsRegistry.CGCS2000_GK_114E, null), 1e-6);
        // no unit: already native
        assertEquals(7.5, DistanceConversion.toNative(7.5, null, CrsRegistry.CGCS2000, atEquator), 0);
    }
}
