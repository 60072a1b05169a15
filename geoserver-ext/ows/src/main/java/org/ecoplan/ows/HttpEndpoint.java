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

    /** The answer to a failed request, in this endpoint's error format: plain text unless its protocol defines one. */
    default OwsResponse exception(ServiceException e, OwsRequest request) {
        return OwsResponse.text(e.httpStatus(), "text/plain; charset=UTF-8", e.getMessage() + "\n");
    }
}
