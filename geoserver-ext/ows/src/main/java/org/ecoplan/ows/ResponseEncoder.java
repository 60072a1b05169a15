package org.ecoplan.ows;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * One output format of one kind of result: a GetFeature feature collection (WFS 2.0 clause
 * 11.2.4 outputFormat), the hits of a GetFeatureInfo (WMS 1.3.0 clause 7.4.3.5 INFO_FORMAT, WMTS
 * 1.0 clause 7.3.2 InfoFormat), and so on. Every format is one implementation registered with
 * {@link java.util.ServiceLoader} under this interface's name; {@link ResponseEncoders} finds it by
 * the result type and the name a request asks for, so adding a format touches nothing else.
 *
 * @param <T> the result this format writes
 */
public interface ResponseEncoder<T> {
    /** The kind of result written: the registry groups encoders by it. */
    Class<T> type();

    /** The names a request may use (MIME types and short aliases); the first one is advertised. */
    List<String> names();

    /** The Content-Type of an answer to a request that asked for {@code requested} (which may be null). */
    default String contentType(String requested) {
        return names().get(0);
    }

    /** The resource extension in RESTful bindings (WMTS REST, OGC API {@code f=}), or null when not offered there. */
    default String extension() {
        return null;
    }

    /** Whether the format is offered by a service in a version ("WFS", "1.0.0"): in its capabilities and requests. */
    default boolean offeredIn(String service, String version) {
        return true;
    }

    /** Writes the result, streaming where the result streams. */
    void write(T result, OutputStream out) throws IOException;

    /** Whether a requested name names this format; case, blanks, quotes and '+' are ignored. */
    default boolean matches(String requested) {
        String wanted = normalize(requested);
        for (String n : names()) if (normalize(n).equals(wanted)) return true;
        return false;
    }

    /**
     * A format name in comparable form: lower case, without blanks, quotes or '+' (an unencoded '+'
     * in a query string arrives as a blank).
     */
    static String normalize(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '+' && c != '"' && c != '\'') b.append(c);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
