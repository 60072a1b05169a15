package org.ecoplan.catalog.security;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who a request comes from, as the data rules see it: a user or token name and its roles. Every
 * caller has the explicit anonymous role or the authenticated role (GeoServer's
 * {@code ROLE_ANONYMOUS} and {@code ROLE_AUTHENTICATED}), so a rule can name either.
 *
 * @param name          the user or API token name; "anonymous" for a caller without credentials
 * @param roles         the caller's roles, the implicit one included
 * @param authenticated whether credentials were presented and accepted
 */
public record Caller(String name, Set<String> roles, boolean authenticated) {
    public static final String ANONYMOUS_ROLE = "ROLE_ANONYMOUS";
    public static final String AUTHENTICATED_ROLE = "ROLE_AUTHENTICATED";
    /** The role that may do everything, GeoServer's administrator role name. */
    public static final String ADMIN_ROLE = "ADMIN";
    public static final Caller ANONYMOUS = new Caller("anonymous", Set.of(ANONYMOUS_ROLE), false);

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** An authenticated caller with its configured roles and {@link #AUTHENTICATED_ROLE}. */
    public static Caller authenticated(String name, Set<String> roles) {
        Set<String> all = new LinkedHashSet<>(roles);
        all.add(AUTHENTICATED_ROLE);
        return new Caller(name, all, true);
    }

    public boolean isAdmin() { return roles.contains(ADMIN_ROLE); }
}
