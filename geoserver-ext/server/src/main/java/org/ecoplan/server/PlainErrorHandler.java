package org.ecoplan.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;

/**
 * What Jetty answers when a request never reaches the engine (an ambiguous path, an over-long URI
 * or header): where the path can still be read, the report of the service it was for, as that
 * service reports a failure (an OWS exception report, problem+json for the OGC API); otherwise the
 * status and a one-line plain-text reason. Never Jetty's HTML page with its version.
 */
final class PlainErrorHandler extends ErrorHandler {
    private final java.util.function.Supplier<Router> router;

    PlainErrorHandler(java.util.function.Supplier<Router> router) {
        this.router = router;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        String reason = message == null || message.isBlank() ? "HTTP " + code : message;
        OwsResponse report = report(request, code, reason);
        if (report != null) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            report.body().writeTo(body);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, report.contentType());
            response.write(true, ByteBuffer.wrap(body.toByteArray()), callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=UTF-8");
        response.write(true, ByteBuffer.wrap((reason + "\n").getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** The route's own report of the failure, or null when the path cannot be read (a NUL in it). */
    private OwsResponse report(Request request, int code, String reason) {
        try {
            String path = request.getHttpURI().getPath();
            if (path == null) return null;
            Router.Target t = router.get().target(path);
            ServiceException e = new ServiceException(code < 500
                    ? ServiceException.INVALID_PARAMETER_VALUE
                    : ServiceException.NO_APPLICABLE_CODE, null, reason, code);
            OwsResponse r = t.route().exception(e, HttpExchange.bare(request, t.path(), t.workspace()));
            return r.status() == code && r.contentType() != null && r.body() != null ? r : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
