package org.ecoplan.server;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceException;

/**
 * GeoServer-style control flow per operation: at most {@code perOperation} requests of one operation
 * (WFS GetFeature, WMS GetFeatureInfo, GetLegendGraphic, vector tiles, ...) are worked on at once,
 * answers included; one more waits up to {@code queueMillis} and is then refused with 503 and
 * Retry-After. Maps and raster tiles are limited besides by the shared render limiter. Operation
 * names a request makes up share one key, so the table cannot grow.
 */
final class OperationLimiter {
    private static final Set<String> KNOWN = Set.of("getcapabilities", "getmap", "getfeatureinfo", "getlegendgraphic",
            "describelayer", "getmetadata", "getfeature", "getpropertyvalue", "describefeaturetype",
            "liststoredqueries", "describestoredqueries", "gettile");

    private final int perOperation;
    private final long queueMillis;
    private final Map<String, Semaphore> operations = new ConcurrentHashMap<>();

    /** @param perOperation 0 switches the limit off */
    OperationLimiter(int perOperation, long queueMillis) {
        this.perOperation = perOperation;
        this.queueMillis = queueMillis;
    }

    /** ECOPLAN_MAX_CONCURRENT_PER_OPERATION (4 × cores, at least 8) and ECOPLAN_QUEUE_TIMEOUT_MS (10000). */
    static OperationLimiter fromEnvironment() {
        int d = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
        return new OperationLimiter(
                Integer.parseInt(ServerSettings.setting("ECOPLAN_MAX_CONCURRENT_PER_OPERATION", Integer.toString(d))),
                Long.parseLong(ServerSettings.setting("ECOPLAN_QUEUE_TIMEOUT_MS", "10000")));
    }

    /**
     * The operation a request is for: the service and REQUEST of an OWS request ("wfs:getfeature"),
     * else the first segment of the path ("tiles", "vtiles", "wmts" for the REST binding).
     */
    static String key(OwsRequest request) {
        String path = request.path().toLowerCase(Locale.ROOT);
        String op = request.params().value("REQUEST");
        for (String service : new String[]{"wms", "wfs", "wmts", "ows"}) {
            if (path.equals("/" + service) && op != null) {
                String s = request.params().value("SERVICE");
                String name = op.trim().toLowerCase(Locale.ROOT);
                String svc = s == null ? service : s.trim().toLowerCase(Locale.ROOT);
                if (!Set.of("wms", "wfs", "wmts").contains(svc)) svc = "other";
                return svc + ":" + (KNOWN.contains(name) ? name : "other");
            }
        }
        int second = path.indexOf('/', 1);
        String first = second < 0 ? path.substring(Math.min(1, path.length())) : path.substring(1, second);
        return Set.of("tiles", "vtiles", "wmts", "viewer", "wms", "wfs", "ows").contains(first) ? first : "other";
    }

    /** A turn for the request's operation, released by closing it; 503 when none comes within the queue timeout. */
    ClientLimiter.Turn acquire(OwsRequest request) {
        if (perOperation <= 0) return () -> {};
        String key = key(request);
        Semaphore s = operations.computeIfAbsent(key, k -> new Semaphore(perOperation));
        try {
            if (!s.tryAcquire(queueMillis, TimeUnit.MILLISECONDS)) {
                throw new ServiceException(ServiceException.SERVICE_UNAVAILABLE, null, "The server is busy with "
                        + perOperation + " requests of this kind (" + key + "); retry in "
                        + ClientLimiter.RETRY_AFTER_SECONDS + " s", 503);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(ServiceException.SERVICE_UNAVAILABLE, null, "The server is stopping", 503);
        }
        return s::release;
    }
}
