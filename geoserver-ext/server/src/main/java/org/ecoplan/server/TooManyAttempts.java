package org.ecoplan.server;

/** Sign-ins refused for a while after repeated failures: HTTP 429 with {@code Retry-After} (RFC 6585 clause 4). */
final class TooManyAttempts extends AuthenticationFailure {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    TooManyAttempts(long retryAfterSeconds) {
        super("TooManyAttempts", "Too many failed sign-ins; try again in " + retryAfterSeconds + " s", 429);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    String header() { return Long.toString(retryAfterSeconds); }

    @Override
    String headerName() { return "Retry-After"; }
}
