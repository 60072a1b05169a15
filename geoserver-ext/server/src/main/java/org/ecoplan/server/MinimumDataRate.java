package org.ecoplan.server;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceException;

/**
 * The slowest a request body may arrive and an answer may be taken, in bytes per second, after a
 * short grace period. Jetty 12's core does not enforce its own minimum-rate settings, so the
 * server checks after every read and write: a client that trickles a body or stops reading a
 * streamed answer is cut off instead of holding a thread (and, while a feature stream is open, a
 * store's read lock) for as long as it likes. A connection that sends or takes nothing at all is
 * ended by the idle timeout.
 *
 * @param bytesPerSecond 0 switches the check off
 */
record MinimumDataRate(long bytesPerSecond, long graceNanos) {
    static MinimumDataRate requests() {
        return new MinimumDataRate(Long.parseLong(ServerSettings.setting("ECOPLAN_MIN_REQUEST_BYTES_PER_S", "1024")),
                2_000_000_000L);
    }

    static MinimumDataRate responses() {
        return new MinimumDataRate(Long.parseLong(ServerSettings.setting("ECOPLAN_MIN_RESPONSE_BYTES_PER_S", "1024")),
                5_000_000_000L);
    }

    /** Whether {@code bytes} since {@code startNanos} is too slow. */
    boolean tooSlow(long bytes, long startNanos) {
        if (bytesPerSecond <= 0) return false;
        long elapsed = System.nanoTime() - startNanos;
        return elapsed > graceNanos && bytes < bytesPerSecond * (elapsed / 1_000_000_000.0);
    }

    /** Throws 408 Request Timeout when a body arrives too slowly. */
    void checkRequest(long bytes, long startNanos) {
        if (tooSlow(bytes, startNanos)) {
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "body",
                    "The request body arrives slower than " + bytesPerSecond + " bytes per second", 408);
        }
    }

    /** An output stream that fails (as a broken connection does) when the client takes the answer too slowly. */
    OutputStream watch(OutputStream out) {
        if (bytesPerSecond <= 0) return out;
        long start = System.nanoTime();
        return new FilterOutputStream(out) {
            private long written;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                written += len;
                check();
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                written++;
                check();
            }

            private void check() throws IOException {
                if (tooSlow(written, start)) {
                    throw new IOException("the client takes the answer slower than " + bytesPerSecond
                            + " bytes per second");
                }
            }
        };
    }
}
