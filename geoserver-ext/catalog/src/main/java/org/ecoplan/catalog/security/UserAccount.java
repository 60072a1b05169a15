package org.ecoplan.catalog.security;

import java.util.Set;

/**
 * A person who signs in with HTTP Basic: name, bcrypt hash of the password (never the password),
 * roles, and whether the account may sign in at all.
 */
public record UserAccount(String name, String passwordHash, Set<String> roles, boolean enabled) {
    public UserAccount {
        roles = Set.copyOf(roles);
    }

    /** An enabled account. */
    public UserAccount(String name, String passwordHash, Set<String> roles) {
        this(name, passwordHash, roles, true);
    }

    @Override
    public String toString() { return "UserAccount[" + name + ", roles=" + roles + "]"; }
}
