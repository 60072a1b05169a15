package org.ecoplan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.ServiceException;
import org.junit.jupiter.api.Test;

class OperationLimiterTest {
    private static OwsRequest get(String path, String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return new OwsRequest("GET", path, new KvpMap(m), null, null, "http://h", Map.of());
    }

    @Test
    void operationsAreKeyedByServiceAndRequestWithMadeUpNamesTogether() {
        assertEquals("wfs:getfeature", OperationLimiter.key(get("/wfs", "SERVICE", "WFS", "REQUEST", "GetFeature")));
        assertEquals("wms:getfeatureinfo",
                OperationLimiter.key(get("/ows", "SERVICE", "wms", "REQUEST", "GetFeatureInfo")));
        assertEquals("wfs:other", OperationLimiter.key(get("/wfs", "REQUEST", "x".repeat(500))));
        assertEquals("vtiles", OperationLimiter.key(get("/vtiles/a/WebMercatorQuad/1/0/0.mvt")));
        assertEquals("other", OperationLimiter.key(get("/no/such/thing")));
    }

    @Test
    void aFullOperationRefusesAfterTheQueueTimeoutAndOthersGoOn() {
        OperationLimiter limiter = new OperationLimiter(1, 50);
        OwsRequest getFeature = get("/wfs", "SERVICE", "WFS", "REQUEST", "GetFeature");
        ClientLimiter.Turn first = limiter.acquire(getFeature);
        ServiceException busy = assertThrows(ServiceException.class, () -> limiter.acquire(getFeature));
        assertEquals(503, busy.httpStatus());
        // another operation is not held up by it
        limiter.acquire(get("/wms", "SERVICE", "WMS", "REQUEST", "GetLegendGraphic")).close();
        first.close();
        limiter.acquire(getFeature).close();
    }
}
