package org.ecoplan.catalog.store;

/**
 * A store that cannot be reached at the moment (its database is down, restarting or refusing
 * connections), as opposed to a request it cannot answer. The condition passes by itself: services
 * answer it with 503 and {@code Retry-After} (RFC 9110 clause 15.6.4), not as a server bug.
 */
public class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) { super(message, cause); }
}
