package org.ecoplan.server;

import org.ecoplan.ows.ServiceException;

/**
 * Credentials refused: 401 with the challenge (RFC 9110 clause 11.6.1), or 429 with
 * {@code Retry-After} after repeated failures (RFC 6585 clause 4). The status is HTTP's own, whatever a
 * service's exception convention (WMS answers its exceptions with 200), so every client sees it.
 */
class AuthenticationFailure extends ServiceException {
    private static final long serialVersionUID = 1L;

    AuthenticationFailure(String code, String message, int status) {
        super(code, "Authorization", message, status);
    }

    /** Headers the answer carries besides the report. */
    String header() { return Authenticator.CHALLENGE; }

    String headerName() { return "WWW-Authenticate"; }
}
