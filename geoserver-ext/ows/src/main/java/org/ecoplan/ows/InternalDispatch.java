package org.ecoplan.ows;

/**
 * Answers a request inside the server as if it had come over HTTP to its path, so one protocol can
 * publish another's resources (the OGC API's tiles are the tile endpoints' tiles) while the
 * services never see each other. Found with {@link ServiceContext#component}; the server routes
 * it. Failures are thrown as the endpoint throws them, for the caller to report in its own format.
 */
public interface InternalDispatch {
    OwsResponse dispatch(OwsRequest request);
}
