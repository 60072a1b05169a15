package org.ecoplan.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers when a request never reaches the engine (a malformed request line, an
 * over-long URI or header): the status and a one-line plain-text reason, instead of Jetty's HTML
 * page with its version and stack details.
 */
final class PlainErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        String text = (message == null || message.isBlank() ? "HTTP " + code : message) + "\n";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=UTF-8");
        response.write(true, java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
