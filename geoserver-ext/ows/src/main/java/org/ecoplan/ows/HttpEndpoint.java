package org.ecoplan.ows;

/**
 * A resource-style HTTP endpoint outside the KVP dispatcher: RESTful WMTS tiles, XYZ tiles,
 * TileJSON, the plan viewer's static files. The server routes every request whose path starts
 * with {@link #pathPrefix()} here; the longest matching prefix wins.
 */
public interface HttpEndpoint {
    /** Path prefix, starting with "/" and without a trailing slash ("/tiles", "/viewer"). */
    String pathPrefix();

    /** Answers a request (GET/HEAD); errors are returned as responses, not thrown. */
    OwsResponse handle(OwsRequest request);
}
