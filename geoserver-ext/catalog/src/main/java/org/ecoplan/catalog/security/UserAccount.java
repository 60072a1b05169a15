package org.ecoplan.catalog.security;

import java.util.Set;

/**
 * A person who signs in with HTTP Basic: name, bcrypt hash of the password (never the password),
 * and roles.
 */
public record UserAccount(String name, String passwordHash, Set<String> roles) {
    public UserAccount {
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() { return "UserAccount[" + name + ", roles=" + roles + "]"; }
}
