package org.ecoplan.wms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ecoplan.ows.ServiceException;
import org.junit.jupiter.api.Test;

class WmsVersionTest {
    @Test
    void negotiationFollowsClause624() {
        assertEquals(WmsVersion.V_1_3_0, WmsVersion.negotiate(null));
        assertEquals(WmsVersion.V_1_3_0, WmsVersion.negotiate(""));
        assertEquals(WmsVersion.V_1_3_0, WmsVersion.negotiate("1.3.0"));
        assertEquals(WmsVersion.V_1_1_1, WmsVersion.negotiate("1.1.1"));
        assertEquals(WmsVersion.V_1_3_0, WmsVersion.negotiate("2.0.0"), "higher than all: highest");
        assertEquals(WmsVersion.V_1_1_1, WmsVersion.negotiate("1.0.0"), "lower than all: lowest");
        assertEquals(WmsVersion.V_1_1_1, WmsVersion.negotiate("1.2.0"), "in between: next lower");
        assertEquals(WmsVersion.V_1_1_1, WmsVersion.negotiate("1.1"));
    }

    @Test
    void badVersionTextIsInvalidParameterValue() {
        ServiceException e = assertThrows(ServiceException.class, () -> WmsVersion.negotiate("one"));
        assertEquals("InvalidParameterValue", e.code());
        assertEquals("VERSION", e.locator());
    }

    @Test
    void versionSpecificNames() {
        assertEquals("CRS", WmsVersion.V_1_3_0.crsParam());
        assertEquals("SRS", WmsVersion.V_1_1_1.crsParam());
        assertEquals("InvalidSRS", WmsVersion.V_1_1_1.invalidCrsCode());
        assertEquals("application/vnd.ogc.se_xml", WmsVersion.V_1_1_1.exceptionMime());
    }
}
