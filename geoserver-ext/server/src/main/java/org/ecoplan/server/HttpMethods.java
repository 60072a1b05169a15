package org.ecoplan.server;

import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.ecoplan.ows.ServiceException;

/**
 * The HTTP methods the services answer: GET, HEAD and POST, and OPTIONS as a CORS preflight
 * (Fetch standard, CORS protocol) or an {@code Allow} list. Anything else (PUT, DELETE, PATCH,
 * TRACE, ...) is 405 Method Not Allowed with {@code Allow}, in the format of the service asked.
 * The one exception is DELETE of an OGC API – Processes job ({@code .../ogcapi/jobs/{jobId}},
 * OGC 18-062r2 clause 13, dismiss), the only resource a client may remove.
 */
final class HttpMethods {
    static final String ALLOWED = "GET, HEAD, POST, OPTIONS";
    private static final Set<String> SERVED = Set.of("GET", "HEAD", "POST");
    private static final java.util.regex.Pattern DISMISSIBLE = java.util.regex.Pattern.compile("/ogcapi/jobs/[^/]+/?$");

    private HttpMethods() {}

    /** Answers an OPTIONS request (204, Allow, and the CORS headers a preflight asks for); false for other methods. */
    static boolean preflight(Request request, Response response, Callback callback) {
        if (!"OPTIONS".equals(request.getMethod())) return false;
        response.setStatus(HttpStatus.NO_CONTENT_204);
        response.getHeaders().put(HttpHeader.ALLOW, ALLOWED);
        if (request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            boolean job = DISMISSIBLE.matcher(request.getHttpURI().getPath()).find();
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, job
                    ? "GET, HEAD, POST, DELETE"
                    : "GET, HEAD, POST");
            String asked = request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_HEADERS);
            // the request bodies are XML or forms; no credentials are involved, so any header a client names is fine
            if (asked != null && asked.matches("[A-Za-z0-9-, ]{1,512}")) {
                response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, asked);
            }
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "86400");
        }
        callback.succeeded();
        return true;
    }

    /** Refuses a method the services do not serve. */
    static void require(String method, String path) {
        if (method.equals("DELETE") && DISMISSIBLE.matcher(path).find() && path.startsWith("/ogcapi/")) return;
        // the admin REST API changes resources (GeoServer's /rest): PUT and DELETE there, for administrators
        if ((method.equals("PUT") || method.equals("DELETE")) && (path.equals("/rest") || path.startsWith("/rest/")))
            return;
        if (!SERVED.contains(method)) {
            throw new ServiceException(ServiceException.OPERATION_NOT_SUPPORTED, "method",
                    "HTTP method " + method + " is not allowed here; use " + ALLOWED, 405);
        }
    }
}
