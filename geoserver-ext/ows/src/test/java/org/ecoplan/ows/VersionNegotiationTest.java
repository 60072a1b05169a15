package org.ecoplan.ows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class VersionNegotiationTest {
    private final VersionNegotiation wfs = new VersionNegotiation(List.of("2.0.0", "1.1.0", "1.0.0"));

    @Test
    void negotiateFollowsWms13Clause624() {
        assertEquals("2.0.0", wfs.negotiate(null, "VERSION"));
        assertEquals("1.1.0", wfs.negotiate("1.1.0", "VERSION"));
        assertEquals("2.0.0", wfs.negotiate("3.0", "VERSION"), "higher than all: the highest");
        assertEquals("1.0.0", wfs.negotiate("0.9.1", "VERSION"), "lower than all: the lowest");
        assertEquals("1.1.0", wfs.negotiate("1.5.0", "VERSION"), "in between: the next lower");
        ServiceException e = assertThrows(ServiceException.class, () -> wfs.negotiate("1.x", "VERSION"));
        assertEquals(ServiceException.INVALID_PARAMETER_VALUE, e.code());
        assertEquals("VERSION", e.locator());
    }

    @Test
    void acceptVersionsTakesTheHighestServedOrFails() {
        assertEquals("2.0.0", wfs.accept(null));
        assertEquals("1.1.0", wfs.accept("1.0.0,1.1.0,9.9.9"));
        ServiceException e = assertThrows(ServiceException.class, () -> wfs.accept("3.0.0, 0.1"));
        assertEquals(ServiceException.VERSION_NEGOTIATION_FAILED, e.code());
        assertEquals("AcceptVersions", e.locator());
    }

    @Test
    void exactNamesOneServedVersion() {
        assertEquals("1.0.0", wfs.exact(" 1.0.0 "));
        assertNull(wfs.exact("1.0"));
        assertNull(wfs.exact(null));
    }
}
