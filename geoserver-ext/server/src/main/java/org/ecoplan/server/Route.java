package org.ecoplan.server;

import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;

/**
 * Where a request path leads: what answers it, and in which format that protocol reports a
 * failure (an OWS or WMS exception report, plain text, later problem JSON).
 */
interface Route {
    OwsResponse handle(OwsRequest request);

    OwsResponse exception(ServiceException e, OwsRequest request);

    /** The HTTP methods answered at a path of this route (see {@link org.ecoplan.ows.HttpEndpoint#methods}). */
    default java.util.List<String> methods(String path) {
        return org.ecoplan.ows.HttpEndpoint.READ_AND_POST;
    }

    /** A route answered by the server itself, whose errors are plain text. */
    static Route plain(java.util.function.Function<OwsRequest, OwsResponse> handler) {
        return new Route() {
            @Override
            public OwsResponse handle(OwsRequest request) { return handler.apply(request); }

            @Override
            public OwsResponse exception(ServiceException e, OwsRequest request) {
                return OwsResponse.text(e.httpStatus(), "text/plain; charset=UTF-8", e.getMessage() + "\n");
            }
        };
    }
}
