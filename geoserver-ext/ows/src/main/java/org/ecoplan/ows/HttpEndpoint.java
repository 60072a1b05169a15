package org.ecoplan.ows;

/**
 * A resource-style HTTP endpoint outside the KVP dispatcher: RESTful WMTS tiles, XYZ tiles,
 * TileJSON, the plan viewer's static files. The server routes every request whose path starts
 * with {@link #pathPrefix()} here; the longest matching prefix wins.
 */
public interface HttpEndpoint {
    /** Path prefix, starting with "/" and without a trailing slash ("/tiles", "/viewer"). */
    String pathPrefix();

    /**
     * Answers a request (GET/HEAD). Failures are thrown, as {@link ServiceException} when the
     * endpoint knows the code and status; the server's error boundary logs them once and asks
     * {@link #exception} for the answer.
     */
    OwsResponse handle(OwsRequest request);

    /** The methods every endpoint answers; OPTIONS (CORS preflight) is the server's. */
    java.util.List<String> READ_AND_POST = java.util.List.of("GET", "HEAD", "POST");

    /**
     * The HTTP methods this endpoint answers at a path (after any workspace segment): GET, HEAD
     * and POST unless it changes resources (PUT, DELETE) where its protocol lets clients do so.
     */
    default java.util.List<String> methods(String path) {
        return READ_AND_POST;
    }

    /** The answer to a failed request, in this endpoint's error format: plain text unless its protocol defines one. */
    default OwsResponse exception(ServiceException e, OwsRequest request) {
        return OwsResponse.text(e.httpStatus(), "text/plain; charset=UTF-8", e.getMessage() + "\n");
    }
}
