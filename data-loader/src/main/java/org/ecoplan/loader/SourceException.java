package org.ecoplan.loader;

/**
 * A source file that cannot be read at all (missing, empty, not UTF-8, truncated or malformed),
 * as opposed to a feature with bad values. The message names the file and, where the format has
 * them, line and column.
 */
public class SourceException extends RuntimeException {
    private final String location;

    /** @param location "file", "file:line" or "file:line:column" */
    public SourceException(String location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    public SourceException(String location, String message, Throwable cause) {
        super(location + ": " + message, cause);
        this.location = location;
    }

    public String location() { return location; }

    /** The message without the location prefix. */
    public String reason() {
        return getMessage().substring(location.length() + 2);
    }
}
