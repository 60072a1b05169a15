package org.ecoplan.map;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.ecoplan.ows.ServiceException;

/**
 * The server's one bound on images rendered at once, WMS maps and tile blocks together
 * (ECOPLAN_MAX_CONCURRENT_RENDERS): each render holds a full-size image and a database cursor. A
 * request that cannot get a slot within the wait time is refused with ServiceUnavailable (HTTP 503)
 * instead of queueing without end.
 */
public final class RenderLimiter {
    private final Semaphore permits;
    private final long waitMillis;

    public RenderLimiter(int concurrent, long waitMillis) {
        this.permits = new Semaphore(concurrent, true);
        this.waitMillis = waitMillis;
    }

    /** Takes a slot; the caller must call {@link #release()} in a finally block. */
    public void acquire() {
        boolean ok;
        try {
            ok = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        }
        if (!ok) {
            throw new ServiceException(ServiceException.SERVICE_UNAVAILABLE, null,
                    "The server is rendering the maximum number of maps at once; retry shortly", 503);
        }
    }

    public void release() { permits.release(); }

    public int available() { return permits.availablePermits(); }

    /** Renders waiting for a slot now (an estimate, as the JDK gives it). */
    public int waiting() {
        return permits.getQueueLength();
    }
}
