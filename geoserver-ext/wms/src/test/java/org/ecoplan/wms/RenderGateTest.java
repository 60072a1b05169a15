package org.ecoplan.wms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ecoplan.ows.ServiceException;
import org.junit.jupiter.api.Test;

class RenderGateTest {
    @Test
    void aFullGateRefusesWithServiceUnavailable() {
        RenderGate gate = new RenderGate(1, 0);
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

    @Test
    void imageMemoryIsCheckedBeforeAllocating() {
        ServiceException e = assertThrows(ServiceException.class, () -> GetMap.checkMemory(200_000, 200_000));
        assertEquals("ServiceUnavailable", e.code());
        GetMap.checkMemory(256, 256);
    }
}
