package org.ecoplan.catalog.query;

/**
 * A query that cannot be answered as asked: an unknown property, a literal of the wrong type.
 * Protocols map it to their exception (WFS InvalidParameterValue with the property as locator).
 */
public class QueryException extends RuntimeException {
    private final String locator;
    private final String code;

    public QueryException(String message, String locator) {
        this(message, locator, null);
    }

    /** With the OGC exception code the protocol should use, when it is not InvalidParameterValue. */
    public QueryException(String message, String locator, String code) {
        super(message);
        this.locator = locator;
        this.code = code;
    }

    public String locator() { return locator; }

    /** The exception code to report, or null for the protocol's default (InvalidParameterValue). */
    public String code() {
        return code;
    }
}
