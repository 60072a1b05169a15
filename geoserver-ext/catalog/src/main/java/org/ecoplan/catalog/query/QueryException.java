package org.ecoplan.catalog.query;

/**
 * A query that cannot be answered as asked: an unknown property, a literal of the wrong type.
 * Protocols map it to their exception (WFS InvalidParameterValue with the property as locator).
 */
public class QueryException extends RuntimeException {
    private final String locator;

    public QueryException(String message, String locator) {
        super(message);
        this.locator = locator;
    }

    public String locator() { return locator; }
}
