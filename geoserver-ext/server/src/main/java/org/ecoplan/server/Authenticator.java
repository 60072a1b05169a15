package org.ecoplan.server;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.ecoplan.catalog.security.ApiToken;
import org.ecoplan.catalog.security.Caller;
import org.ecoplan.catalog.security.SecurityConfig;
import org.ecoplan.catalog.security.UserAccount;
import org.ecoplan.ows.ServiceException;

/**
 * Who a request comes from: HTTP Basic (RFC 7617) for people, checked against the bcrypt hashes
 * of the users file, and bearer tokens (RFC 6750) for other systems, checked by their SHA-256; no
 * {@code Authorization} header is the anonymous caller. Wrong credentials are a 401 with the
 * challenge; repeated failures for one user name or from one address are slowed down: after
 * {@value #FREE_FAILURES} failures every further attempt is refused with 429 for a time that
 * doubles with each failure from 5 s (up to {@value #MAX_LOCK_SECONDS} s), whether the password is right or
 * not. A bcrypt check costs tens of milliseconds, so a proven header is remembered (by its SHA-256,
 * never in clear) for {@value #REMEMBER_MINUTES} minutes.
 */
final class Authenticator {
    static final String CHALLENGE = "Basic realm=\"ecoplan\", charset=\"UTF-8\", Bearer realm=\"ecoplan\"";
    static final int FREE_FAILURES = 5;
    static final int MAX_LOCK_SECONDS = 300;
    static final int REMEMBER_MINUTES = 5;
    /** The cost of the hashes the REST API makes; an unknown user is checked against a hash of the same cost. */
    static final int COST = 12;
    /**
     * Failed sign-ins, for the whole life of the process (a reload must not wipe them), by security
     * directory and user or address, so servers with other security in one JVM do not share them.
     */
    private static final Cache<String, Failures> FAILURES = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofSeconds(MAX_LOCK_SECONDS * 2L)).build();

    private final Map<String, UserAccount> users;
    private final Map<String, ApiToken> tokens;
    private final String scope;
    /** Checked for an unknown user too, at the highest cost in use, so the answer takes as long as for a known one. */
    private final String dummyHash;
    private final Cache<String, Caller> proven = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(REMEMBER_MINUTES)).build();

    /** Consecutive failures of one user name or address, and until when it is locked (epoch ms). */
    private record Failures(int count, long lockedUntil) {}

    /** @param scope what keeps these failures apart from another server's in the same JVM (its security directory) */
    Authenticator(SecurityConfig security, String scope) {
        this.users = security.usersByName();
        this.tokens = security.tokensByHash();
        this.scope = scope + "|";
        int cost = COST;
        for (UserAccount u : users.values()) {
            try {
                cost = Math.max(cost, Integer.parseInt(u.passwordHash().substring(4, 6)));
            } catch (RuntimeException ignored) {
                // the loader checked the form; a hash it let through has its cost here
            }
        }
        this.dummyHash = security.enabled() && !users.isEmpty()
                ? new String(
                        BCrypt.withDefaults().hash(cost, new byte[16],
                                "not a password".getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8)
                : null;
    }

    /**
     * The caller of a request.
     *
     * @param authorization the Authorization header, or null
     * @param address       the client's address, for the back-off
     * @throws ServiceException 401 for credentials that are wrong or malformed, 429 while locked
     */
    Caller authenticate(String authorization, String address) {
        if (authorization == null || authorization.isBlank()) return Caller.ANONYMOUS;
        String key = sha256(authorization);
        // credentials already proven pass before any lock: someone else's failures cannot lock a user out
        Caller known = proven.getIfPresent(key);
        if (known != null) return known;
        String header = authorization.strip();
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String value = space < 0 ? "" : header.substring(space + 1).strip();
        String user = null;
        if (scheme.equalsIgnoreCase("Basic")) user = basicUser(value);
        checkNotLocked("address " + address);
        if (user != null) checkNotLocked("user " + user);
        Caller caller = switch (scheme.toLowerCase(Locale.ROOT)) {
            case "basic" -> basic(value);
            case "bearer" -> bearer(value);
            default -> throw unauthorized("Unsupported authorization scheme; use Basic or Bearer");
        };
        if (caller == null) {
            failed("address " + address);
            if (user != null) failed("user " + user);
            throw unauthorized("Wrong user name, password or token");
        }
        FAILURES.invalidate(scope + "address " + address);
        if (user != null) FAILURES.invalidate(scope + "user " + user);
        proven.put(key, caller);
        return caller;
    }

    private Caller basic(String value) {
        String decoded = decode(value);
        int colon = decoded.indexOf(':');
        if (colon < 0) throw unauthorized("Malformed Basic credentials");
        String name = decoded.substring(0, colon);
        byte[] password = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        UserAccount u = users.get(name);
        String hash = u == null ? dummyHash : u.passwordHash();
        if (hash == null) return null;
        boolean ok = BCrypt.verifyer().verify(password, hash.getBytes(StandardCharsets.UTF_8)).verified;
        return ok && u != null && u.enabled() ? Caller.authenticated(u.name(), u.roles()) : null;
    }

    private Caller bearer(String token) {
        if (token.isEmpty()) throw unauthorized("Empty bearer token");
        ApiToken t = tokens.get(sha256(token));
        return t == null ? null : Caller.authenticated(t.name(), t.roles());
    }

    private static String basicUser(String value) {
        try {
            String d = decode(value);
            int colon = d.indexOf(':');
            return colon < 0 ? null : d.substring(0, colon);
        } catch (ServiceException e) {
            return null;
        }
    }

    private static String decode(String value) {
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized("Malformed Basic credentials (not base64)");
        }
    }

    private void checkNotLocked(String who) {
        Failures f = FAILURES.getIfPresent(scope + who);
        long now = System.currentTimeMillis();
        if (f != null && f.lockedUntil() > now) {
            long seconds = Math.max(1, (f.lockedUntil() - now + 999) / 1000);
            throw new TooManyAttempts(seconds);
        }
    }

    private void failed(String who) {
        FAILURES.asMap().compute(scope + who, (k, f) -> {
            int n = f == null ? 1 : f.count() + 1;
            // 5 s after the sixth failure, doubling with each further one
            long lock = n <= FREE_FAILURES
                    ? 0
                    : Math.min(MAX_LOCK_SECONDS * 1000L, 5000L << Math.min(20, n - FREE_FAILURES - 1));
            return new Failures(n, System.currentTimeMillis() + lock);
        });
    }

    static AuthenticationFailure unauthorized(String message) {
        return new AuthenticationFailure("NotAuthorized", message, 401);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
