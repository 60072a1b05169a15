package org.ecoplan.server;

import java.nio.file.Path;
import java.util.Map;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.config.SecurityLoader;
import org.ecoplan.catalog.security.Caller;
import org.ecoplan.catalog.security.SecurityConfig;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServerSettings;

/**
 * The server's security: the identities and data rules of its security directory
 * ({@code ECOPLAN_SECURITY_DIR}, else {@code <data dir>/security}; none: everything open), the
 * authenticator of requests, and the one place a request's view of the catalog is narrowed to
 * what its caller may read. Every service sees the catalog through that view, so one rule holds in
 * capabilities, maps, feature info, legends, features, tiles and the viewer alike.
 */
final class AccessControl {
    private final Catalog catalog;
    private final SecurityConfig security;
    private final Authenticator authenticator;

    AccessControl(Catalog catalog, SecurityConfig security, String scope) {
        this.catalog = catalog;
        this.security = security;
        this.authenticator = new Authenticator(security, scope);
    }

    /** The security directory of a data directory: {@code ECOPLAN_SECURITY_DIR}, else {@code security/} in it. */
    static Path securityDir(Path dataDir) {
        String dir = ServerSettings.setting("ECOPLAN_SECURITY_DIR", null);
        return dir != null ? Path.of(dir) : dataDir.resolve("security");
    }

    /** Reads a security directory (every error at once); none there: everything open. */
    static AccessControl load(Catalog catalog, Path securityDir) {
        return new AccessControl(catalog, SecurityLoader.load(securityDir, catalog),
                securityDir.toAbsolutePath().normalize().toString());
    }

    SecurityConfig security() { return security; }

    Authenticator authenticator() { return authenticator; }

    /** What the endpoint a request reached publishes, to its caller. */
    CatalogView view(OwsRequest request) {
        if (!security.enabled()) return catalog.view(request.workspace());
        Caller caller = request.caller();
        return catalog.view(request.workspace(), l -> security.rules().canRead(caller, l.workspace(), l.id()));
    }

    /**
     * An answer a shared cache may not hand to another caller: when the server has security, every
     * answer varies with the Authorization header, and one for an authenticated caller is private.
     */
    OwsResponse privateWhenSecured(OwsResponse answer, Caller caller) {
        if (!security.enabled()) return answer;
        OwsResponse r = answer.withHeader("Vary", vary(answer.headers()));
        if (!caller.authenticated()) return r;
        String cache = answer.headers().get("Cache-Control");
        return r.withHeader("Cache-Control", cache == null
                ? "private"
                : cache.replace("public", "private")
                        + (cache.contains("private") || cache.contains("public") ? "" : ", private"));
    }

    private static String vary(Map<String, String> headers) {
        String v = headers.get("Vary");
        return v == null || v.isBlank() ? "Authorization" : v + ", Authorization";
    }
}
