package org.ecoplan.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;

/** Converts between Jetty's request/response and the engine's {@link OwsRequest}/{@link OwsResponse}. */
final class HttpExchange {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("ecoplan.error");

    private HttpExchange() {}

    /**
     * @param path      the path the engine sees (after a workspace segment)
     * @param workspace the workspace of a virtual service, or null
     */
    static OwsRequest read(Request request, int maxBodyBytes, String path, String workspace, HttpPolicy policy)
            throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String query = request.getHttpURI().getQuery();
        if (query != null) decodeForm(query, params);
        byte[] body = new byte[0];
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod())) {
            body = readBounded(Content.Source.asInputStream(request), maxBodyBytes, policy.requests());
            if ("POST".equals(request.getMethod()) && contentType != null
                    && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                decodeForm(new String(body, StandardCharsets.UTF_8), params);
                body = new byte[0];
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField f : request.getHeaders())
            headers.putIfAbsent(f.getName().toLowerCase(Locale.ROOT), f.getValue());
        String scheme = request.getHttpURI().getScheme() == null ? "http" : request.getHttpURI().getScheme();
        String base = policy.publicUrl().baseUrl(scheme, request.getHeaders().get(HttpHeader.HOST),
                Request.getServerName(request) + ":" + Request.getServerPort(request));
        return new OwsRequest(request.getMethod(), path, new KvpMap(params), body, contentType, base, headers,
                workspace);
    }

    /** The request without parameters or body, for reporting a failure to read them. */
    static OwsRequest bare(Request request, String path, String workspace) {
        return new OwsRequest(request.getMethod(), path, KvpMap.empty(), null, null, "", null, workspace);
    }

    private static byte[] readBounded(InputStream in, int max, MinimumDataRate rate) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long start = System.nanoTime();
        int n;
        while ((n = in.read(buf)) > 0) {
            rate.checkRequest(out.size() + n, start);
            if (out.size() + n > max) {
                throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "body",
                        "Request body larger than the limit of " + max + " bytes", 413);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** application/x-www-form-urlencoded decoding; the first value of a repeated key wins. */
    static void decodeForm(String text, Map<String, String> into) {
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                into.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8),
                        URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, k,
                        "Malformed percent-encoding in parameter " + k);
            }
        }
    }

    /**
     * @param onFailure the report of a failure raised while the body is written, sent instead when
     *                  nothing of the body has gone out yet; null to only break the answer off
     */
    static void write(OwsResponse r, Request request, Response response, Callback callback, HttpPolicy policy,
            java.util.function.Function<RuntimeException, OwsResponse> onFailure) {
        response.setStatus(r.status());
        // every 503 says when to come back (RFC 9110 clause 10.2.3) — also one written in place of a
        // streaming answer that failed before its first byte (the headers are reset then)
        if (r.status() == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(ClientLimiter.RETRY_AFTER_SECONDS));
        }
        if (r.contentType() != null) response.getHeaders().put(HttpHeader.CONTENT_TYPE, r.contentType());
        // HTML pages: the landing page, the viewer, metadata and feature-info pages
        if (policy.csp() != null && r.contentType() != null && r.contentType().startsWith("text/html")) {
            response.getHeaders().put("Content-Security-Policy", policy.csp());
        }
        r.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        if ("HEAD".equals(request.getMethod()) || r.body() == null) {
            callback.succeeded();
            return;
        }
        // streaming encoders write element by element: buffer them, or every small write becomes a
        // socket write; a body complete in memory (a cached tile) goes out in one write, unbuffered
        if (r.body() instanceof OwsResponse.Bytes b) {
            // a known length is sent as such: the head and the body leave in one write, so a process killed
            // mid-answer sends nothing rather than half, and a proxy can retry it on another replica
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, b.data().length);
        }
        OutputStream out = r.body() instanceof OwsResponse.Bytes
                ? policy.responses().watch(Content.Sink.asOutputStream(response))
                : new java.io.BufferedOutputStream(policy.responses().watch(Content.Sink.asOutputStream(response)),
                        32 * 1024);
        try {
            r.body().writeTo(out);
            // closing ends the answer (the last chunk): only after the whole body was written, so a body
            // that fails half-way is broken off and the client can tell it is incomplete
            out.close();
        } catch (IOException | java.io.UncheckedIOException e) {
            // the client went away or the connection broke while the body was written: nothing to answer
            LOG.debug("{} {}: response not completed: {}", request.getMethod(), request.getHttpURI().getPath(),
                    e.toString());
            callback.failed(e);
            return;
        } catch (RuntimeException e) {
            if (onFailure != null && !response.isCommitted()) {
                // nothing has gone out (the body is buffered): the client gets the report, not a broken answer
                response.reset();
                write(onFailure.apply(e), request, response, callback, policy, null);
                return;
            }
            // the status line is sent already; all that can be done is to log once and cut the response short
            LOG.warn("{} {} failed while its response was written: {}", request.getMethod(),
                    request.getHttpURI().getPath(), e.toString());
            if (!(e instanceof ServiceException)) LOG.error("{} {}", request.getMethod(), request.getHttpURI(), e);
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }
}
