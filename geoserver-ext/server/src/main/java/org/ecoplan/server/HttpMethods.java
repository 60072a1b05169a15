package org.ecoplan.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.ecoplan.ows.ServiceException;

/**
 * The HTTP methods a route answers (GET, HEAD and POST everywhere; PUT and DELETE where the
 * endpoint says so: the admin REST API, the dismissal of an OGC API job), and OPTIONS as a CORS
 * preflight (Fetch standard, CORS protocol) or an {@code Allow} list. Anything else is 405 Method
 * Not Allowed with {@code Allow}, in the format of the service asked.
 */
final class HttpMethods {
    private HttpMethods() {}

    /** The Allow list of a route at a path. */
    static String allowed(Route route, String path) {
        return String.join(", ", route.methods(path)) + ", OPTIONS";
    }

    /** Answers an OPTIONS request (204, Allow, and the CORS headers a preflight asks for); false for other methods. */
    static boolean preflight(Request request, Response response, Callback callback, Route route, String path) {
        if (!"OPTIONS".equals(request.getMethod())) return false;
        response.setStatus(HttpStatus.NO_CONTENT_204);
        response.getHeaders().put(HttpHeader.ALLOW, allowed(route, path));
        if (request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, String.join(", ", route.methods(path)));
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

    /** Refuses a method the route does not answer at this path. */
    static void require(String method, Route route, String path) {
        if (!route.methods(path).contains(method)) {
            throw new ServiceException(ServiceException.OPERATION_NOT_SUPPORTED, "method",
                    "HTTP method " + method + " is not allowed here; use " + allowed(route, path), 405);
        }
    }
}
