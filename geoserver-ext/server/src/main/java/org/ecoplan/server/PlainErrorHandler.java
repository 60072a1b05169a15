package org.ecoplan.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers when a request never reaches the engine (a malformed request line, an
 * over-long URI or header): the status and a one-line plain-text reason, instead of Jetty's HTML
 * page with its version and stack details; for the OGC API the same as problem+json.
 */
final class PlainErrorHandler extends ErrorHandler {
    /** Whether the request was for the OGC API (its raw path names it; a malformed one may not parse). */
    private static boolean isOgcApi(Request request) {
        try {
            // the raw URI: a path with %00 or an ambiguous segment has no decoded form
            String uri = request.getHttpURI().asString();
            return uri != null && (uri.contains("/ogcapi") || uri.contains("/ogc/features/"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String jsonText(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        String reason = message == null || message.isBlank() ? "HTTP " + code : message;
        if (isOgcApi(request)) {
            // the OGC API answers its errors as problem+json (RFC 7807), even those Jetty gives itself
            String json = "{\"type\":\"about:blank\",\"title\":\"" + jsonText(HttpStatus.getMessage(code))
                    + "\",\"status\":" + code + ",\"detail\":\"" + jsonText(reason) + "\"}";
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
            response.write(true, java.nio.ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=UTF-8");
        response.write(true, java.nio.ByteBuffer.wrap((reason + "\n").getBytes(StandardCharsets.UTF_8)), callback);
    }
}
