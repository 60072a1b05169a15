package org.ecoplan.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.ecoplan.ows.ServiceException;
import org.junit.jupiter.api.Test;

class MinimumDataRateTest {
    @Test
    void aSlowAnswerFailsLikeABrokenConnection() throws Exception {
        // no grace and an unreachable rate: any write after time has passed is too slow
        OutputStream out = new MinimumDataRate(Long.MAX_VALUE / 4, 0).watch(new ByteArrayOutputStream());
        Thread.sleep(2);
        assertThrows(IOException.class, () -> out.write(new byte[10]));
        OutputStream off = new MinimumDataRate(0, 0).watch(new ByteArrayOutputStream());
        Thread.sleep(2);
        assertDoesNotThrow(() -> off.write(new byte[10]), "0 switches the check off");
    }

    @Test
    void aSlowBodyIsRequestTimeout() throws Exception {
        long start = System.nanoTime();
        Thread.sleep(2);
        ServiceException e = assertThrows(ServiceException.class,
                () -> new MinimumDataRate(Long.MAX_VALUE / 4, 0).checkRequest(1, start));
        assertEquals(408, e.httpStatus());
        assertDoesNotThrow(() -> new MinimumDataRate(1024, 60_000_000_000L).checkRequest(1, start),
                "within the grace period nothing is checked");
    }
}
