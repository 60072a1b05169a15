package org.ecoplan.catalog.query;

/**
 * A store stopped a query at its deadline ({@link FeatureQuery#deadlineNanos()}): the request ran
 * past its time budget. Services answer it as a temporary refusal (503), not as a server bug.
 */
public class QueryTimeoutException extends RuntimeException {
    public QueryTimeoutException(String message) {
        super(message);
    }
}
