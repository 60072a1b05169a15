package org.ecoplan.ows;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Decoding of one segment of a URL path (RFC 3986 clause 3.3): percent-encoded octets as UTF-8,
 * and '+' left as it is — it means a space only in a form-encoded query, not in a path.
 */
public final class PathSegment {
    private PathSegment() {}

    /** @throws IllegalArgumentException for a malformed percent-encoding */
    public static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
