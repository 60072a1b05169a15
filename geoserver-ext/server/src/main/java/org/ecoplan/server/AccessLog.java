package org.ecoplan.server;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log: one line per request, including those Jetty answers itself, to the logger
 * {@code ecoplan.access}: time (UTC), client address ({@link ClientAddress}: behind a trusted proxy, the
 * forwarded one), method, path and query, status, bytes of
 * the response body and the time taken in milliseconds; the request id ({@link RequestId}) and the same
 * fields as key-value pairs, which the JSON log writes as fields.
 *
 * <pre>2026-12-04T06:10:11.123Z 127.0.0.1 GET /wms?REQUEST=GetCapabilities 200 18234 12ms</pre>
 */
final class AccessLog implements RequestLog {
    static final String LOGGER = "ecoplan.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private final ClientAddress clients;

    AccessLog(ClientAddress clients) {
        this.clients = clients;
    }

    @Override
    public void log(Request request, Response response) {
        if (!LOG.isInfoEnabled()) return;
        String query = request.getHttpURI().getQuery();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime());
        String client = clients.of(request);
        // the same fields as key-value pairs too, for the JSON log (ECOPLAN_LOG_FORMAT=json)
        LOG.atInfo().addKeyValue("request_id", response.getHeaders().get(RequestId.HEADER))
                .addKeyValue("client", client).addKeyValue("method", request.getMethod())
                .addKeyValue("path", request.getHttpURI().getPath()).addKeyValue("status", response.getStatus())
                .addKeyValue("bytes", Response.getContentBytesWritten(response)).addKeyValue("ms", ms)
                .log("{} {} {} {}{} {} {} {}ms", Instant.ofEpochMilli(Request.getTimeStamp(request)),
                        client, request.getMethod(), request.getHttpURI().getPath(),
                        query == null ? "" : "?" + query, response.getStatus(),
                        Response.getContentBytesWritten(response),
                        ms);
    }
}
