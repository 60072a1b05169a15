package org.ecoplan.server;

import java.net.URI;
import java.util.regex.Pattern;
import org.ecoplan.ows.ServerSettings;

/**
 * The base URL written into capabilities, links and tile templates: GeoServer's proxy base URL.
 * When {@code ECOPLAN_PUBLIC_URL} is set (e.g. {@code https://maps.example.org/ecoplan}) it is used
 * for every request and the {@code Host} header is never echoed; otherwise the request's own
 * scheme and {@code Host} are used, and only if the Host value is a plain host name or address
 * with an optional port.
 */
record PublicUrl(String fixed) {
    private static final Pattern HOST = Pattern
            .compile("(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]{2,45}\\])(?::\\d{1,5})?");

    static PublicUrl fromEnvironment() {
        String v = ServerSettings.setting("ECOPLAN_PUBLIC_URL", null);
        if (v == null) return new PublicUrl(null);
        URI u = URI.create(v);
        if (u.getScheme() == null || !u.getScheme().matches("https?") || u.getHost() == null) {
            throw new IllegalArgumentException("ECOPLAN_PUBLIC_URL must be an http(s) URL, not '" + v + "'");
        }
        return new PublicUrl(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
    }

    /**
     * @param scheme   the request's scheme
     * @param host     the request's Host header, or null
     * @param fallback the server's own name and port, for a missing or malformed Host
     */
    String baseUrl(String scheme, String host, String fallback) {
        if (fixed != null) return fixed;
        return scheme + "://" + (host != null && HOST.matcher(host).matches() ? host : fallback);
    }
}
