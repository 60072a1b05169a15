package org.ecoplan.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ecoplan.ows.ServiceException;
import org.junit.jupiter.api.Test;

class RenderLimiterTest {
    @Test
    void aFullGateRefusesWithServiceUnavailable() {
        RenderLimiter gate = new RenderLimiter(1, 0);
        gate.acquire();
        ServiceException e = assertThrows(ServiceException.class, gate::acquire);
        assertEquals("ServiceUnavailable", e.code());
        assertEquals(503, e.httpStatus());
        gate.release();
        gate.acquire();
        assertEquals(0, gate.available());
        gate.release();
        assertEquals(1, gate.available());
    }
}
