package org.ecoplan.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceException;

/**
 * GeoServer-style control flow per client address: at most {@code perClient} requests of one
 * address are worked on at a time; one more waits up to {@code queueMillis} for a turn and is then
 * answered 503 with {@code Retry-After}, so a single client cannot take every worker thread.
 * (Behind a reverse proxy every client shares the proxy's address: raise the limit there.)
 */
final class ClientLimiter {
    /** Seconds a refused client is told to wait. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final int perClient;
    private final long queueMillis;
    private final Cache<String, Semaphore> clients = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    /** @param perClient 0 switches the limit off */
    ClientLimiter(int perClient, long queueMillis) {
        this.perClient = perClient;
        this.queueMillis = queueMillis;
    }

    /** ECOPLAN_MAX_REQUESTS_PER_CLIENT (32) and ECOPLAN_QUEUE_TIMEOUT_MS (10000). */
    static ClientLimiter fromEnvironment() {
        return new ClientLimiter(Integer.parseInt(ServerSettings.setting("ECOPLAN_MAX_REQUESTS_PER_CLIENT", "32")),
                Long.parseLong(ServerSettings.setting("ECOPLAN_QUEUE_TIMEOUT_MS", "10000")));
    }

    /** A turn for the address, released by closing it; 503 when none comes within the queue timeout. */
    Turn acquire(String address) {
        if (perClient <= 0) return () -> {};
        Semaphore s = clients.get(address == null ? "" : address, a -> new Semaphore(perClient));
        try {
            if (!s.tryAcquire(queueMillis, TimeUnit.MILLISECONDS)) {
                throw new ServiceException(ServiceException.SERVICE_UNAVAILABLE, null, "This client has "
                        + perClient + " requests in progress already; retry in " + RETRY_AFTER_SECONDS + " s", 503);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(ServiceException.SERVICE_UNAVAILABLE, null, "The server is stopping", 503);
        }
        return s::release;
    }

    /** A client's turn; closing it lets the next request of that client in. */
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }
}
