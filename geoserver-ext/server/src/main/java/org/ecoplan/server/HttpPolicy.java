package org.ecoplan.server;

import org.ecoplan.ows.ServerSettings;

/**
 * How this server conducts its HTTP exchanges, read from the environment once at start-up: the
 * public base URL of its links, the slowest a body may arrive and an answer be taken, and the
 * Content-Security-Policy of its HTML pages (ECOPLAN_CSP; "off" sends none).
 *
 * @param csp null for none
 */
record HttpPolicy(PublicUrl publicUrl, MinimumDataRate requests, MinimumDataRate responses, String csp) {
    /** Scripts, styles and connections from this server only; images also from https (the 天地图 base map). */
    static final String DEFAULT_CSP = "default-src 'self'; img-src 'self' data: blob: https:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; worker-src 'self' blob:; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

    static HttpPolicy fromEnvironment() {
        String csp = ServerSettings.setting("ECOPLAN_CSP", DEFAULT_CSP);
        return new HttpPolicy(PublicUrl.fromEnvironment(), MinimumDataRate.requests(), MinimumDataRate.responses(),
                csp.equalsIgnoreCase("off") ? null : csp);
    }
}
