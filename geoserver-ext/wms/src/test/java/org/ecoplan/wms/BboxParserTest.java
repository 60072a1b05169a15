package org.ecoplan.wms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.ows.ServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;

class BboxParserTest {
    private static final java.util.List<String> OFFERED = java.util.List.of("EPSG:4490", "EPSG:4326", "CRS:84",
            "EPSG:3857", "EPSG:4547", "EPSG:4526");

    /** For every offered CRS: whether WMS 1.3.0 reads the BBOX north first. 1.1.1 never does. */
    @ParameterizedTest
    @CsvSource({"EPSG:4490,true", "EPSG:4326,true", "CRS:84,false", "EPSG:3857,false", "EPSG:4547,true",
            "EPSG:4526,true"})
    void axisOrderPerCrs(String code, boolean northFirst130) {
        CrsName crs130 = SupportedCrs.require(code, WmsVersion.V_1_3_0, OFFERED);
        Envelope e = BboxParser.parse("1,2,3,4", crs130, WmsVersion.V_1_3_0);
        Envelope expected = northFirst130 ? new Envelope(2, 4, 1, 3) : new Envelope(1, 3, 2, 4);
        assertEquals(expected, e, code + " in 1.3.0");
        assertArrayEquals(new double[]{1, 2, 3, 4}, BboxParser.ordered(e, crs130, WmsVersion.V_1_3_0), 0,
                "round trip " + code);

        CrsName crs111 = SupportedCrs.require(code, WmsVersion.V_1_1_1, OFFERED);
        assertEquals(new Envelope(1, 3, 2, 4), BboxParser.parse("1,2,3,4", crs111, WmsVersion.V_1_1_1),
                code + " in 1.1.1");
    }

    @Test
    void yanggaoIn4490LatLon() {
        CrsName crs = SupportedCrs.require("EPSG:4490", WmsVersion.V_1_3_0, OFFERED);
        Envelope e = BboxParser.parse("39.9,113.5,40.4,114.2", crs, WmsVersion.V_1_3_0);
        assertEquals(113.5, e.getMinX());
        assertEquals(40.4, e.getMaxY());
    }

    @Test
    void badBoxes() {
        CrsName crs = SupportedCrs.require("EPSG:3857", WmsVersion.V_1_3_0, OFFERED);
        for (String bad : new String[]{"1,2,3", "1,2,3,x", "3,2,1,4", "1,4,3,2", "1,2,1,4", "1,2,NaN,4",
                "-1e308,-1e308,1e308,1e308"}) {
            ServiceException e = assertThrows(ServiceException.class,
                    () -> BboxParser.parse(bad, crs, WmsVersion.V_1_3_0), bad);
            assertEquals("InvalidParameterValue", e.code(), bad);
            assertEquals("BBOX", e.locator(), bad);
        }
        assertEquals("MissingParameterValue",
                assertThrows(ServiceException.class, () -> BboxParser.parse(null, crs, WmsVersion.V_1_3_0)).code());
    }

    @Test
    void unofferedCrsIsInvalidCrsOrSrs() {
        assertEquals("InvalidCRS",
                assertThrows(ServiceException.class,
                        () -> SupportedCrs.require("EPSG:32650", WmsVersion.V_1_3_0, OFFERED))
                        .code());
        ServiceException e = assertThrows(ServiceException.class,
                () -> SupportedCrs.require("EPSG:nope", WmsVersion.V_1_1_1, OFFERED));
        assertEquals("InvalidSRS", e.code());
        assertEquals("SRS", e.locator());
    }
}
