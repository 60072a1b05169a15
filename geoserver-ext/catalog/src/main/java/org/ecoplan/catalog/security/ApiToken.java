package org.ecoplan.catalog.security;

import java.util.Set;

/**
 * A bearer token another department's system presents ({@code Authorization: Bearer ...}): its
 * name, the SHA-256 of the token (the token itself is shown once, when created, and never stored),
 * and the roles it carries.
 *
 * @param sha256 lower-case hex SHA-256 of the token's UTF-8 bytes
 */
public record ApiToken(String name, String sha256, Set<String> roles) {
    public ApiToken {
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() { return "ApiToken[" + name + ", roles=" + roles + "]"; }
}
