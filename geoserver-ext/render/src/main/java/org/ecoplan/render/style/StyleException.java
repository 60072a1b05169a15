package org.ecoplan.render.style;

/** A style document that cannot be used: bad XML, a forbidden construct or a bad value, with its line. */
public class StyleException extends RuntimeException {
    private final int line;

    public StyleException(String message, int line) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    public StyleException(String message, int line, Throwable cause) {
        this(message, line);
        initCause(cause);
    }

    /** 1-based line of the problem, or 0 when unknown. */
    public int line() { return line; }
}
