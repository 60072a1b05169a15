package org.ecoplan.formats;

/**
 * A file that cannot be read: missing, truncated, malformed, or in an encoding or CRS that cannot
 * be decoded. Unchecked, because a reader is an {@link java.util.Iterator}.
 */
public final class FormatException extends RuntimeException {
    private final String location;
    private final String reason;

    /**
     * @param location the file as the caller named it, optionally with ":line" (text) or "#record" (binary)
     * @param reason   what is wrong, as a plain sentence
     */
    public FormatException(String location, String reason) {
        super(location + ": " + reason);
        this.location = location;
        this.reason = reason;
    }

    public FormatException(String location, String reason, Throwable cause) {
        super(location + ": " + reason, cause);
        this.location = location;
        this.reason = reason;
    }

    public String location() { return location; }

    public String reason() { return reason; }
}
