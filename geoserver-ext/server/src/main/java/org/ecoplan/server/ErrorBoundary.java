package org.ecoplan.server;

import org.ecoplan.catalog.query.QueryTimeoutException;
import org.ecoplan.catalog.store.StoreUnavailableException;

import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failed request becomes an answer and a log line (house rule 8). A
 * {@link ServiceException} is answered in the format of the route's protocol; a server-side one
 * (HTTP 5xx) is logged once as a warning. Anything else is a bug or a broken environment: it is
 * logged once with its stack trace and answered as NoApplicableCode (HTTP 500) without internals,
 * since class names and store messages tell a caller about the server, not about the request.
 */
final class ErrorBoundary {
    private static final Logger LOG = LoggerFactory.getLogger("ecoplan.error");

    private ErrorBoundary() {}

    static OwsResponse answer(Route route, OwsRequest request) {
        try {
            return route.handle(request);
        } catch (RuntimeException | StackOverflowError e) {
            return report(route, e, request);
        }
    }

    /**
     * The answer to a failure, also one raised while a streamed body was being written but before
     * anything was sent: a known code as it is, a store stopped at the deadline or unreachable as 503, anything
     * else as a logged bug (500, no internals).
     */
    static OwsResponse report(Route route, Throwable e, OwsRequest request) {
        if (e instanceof ServiceException se) return failed(route, se, request);
        if (e instanceof QueryTimeoutException timeout) {
            // a store stopped a query at the request's deadline: too much asked, not a bug
            return failed(route, new ServiceException(ServiceException.OPERATION_PROCESSING_FAILED, null,
                    "The request ran past its time limit (" + timeout.getMessage() + "); ask for less", 503), request);
        }
        if (e instanceof StoreUnavailableException down) {
            // the database is down or restarting: it passes, so the client is told to come back
            LOG.warn("{} {}: data store unreachable: {}", request.method(), request.path(), down.getMessage());
            return render(route, new ServiceException(ServiceException.SERVICE_UNAVAILABLE, null,
                    "A data store cannot be reached at the moment; retry in " + ClientLimiter.RETRY_AFTER_SECONDS
                            + " s",
                    503), request);
        }
        LOG.error("{} {} failed", request.method(), request.path(), e);
        ServiceException internal = new ServiceException(ServiceException.NO_APPLICABLE_CODE, null,
                "Internal error while processing the request; it has been logged", 500);
        return render(route, internal, request);
    }

    /** The answer to a request that failed with a known code (also before its handler ran, e.g. while reading it). */
    static OwsResponse failed(Route route, ServiceException e, OwsRequest request) {
        if (e.httpStatus() >= 500) {
            LOG.warn("{} {} answered {} {}: {}", request.method(), request.path(), e.httpStatus(), e.code(),
                    e.getMessage());
        }
        return render(route, e, request);
    }

    private static OwsResponse render(Route route, ServiceException e, OwsRequest request) {
        try {
            return route.exception(e, request);
        } catch (RuntimeException second) {
            LOG.error("{} {}: the exception report could not be written", request.method(), request.path(), second);
            return OwsResponse.text(e.httpStatus(), "text/plain; charset=UTF-8", e.getMessage() + "\n");
        }
    }
}
