package org.ecoplan.catalog.security;

import java.util.Set;

/**
 * One data rule, GeoServer's {@code workspace.layer.permission = roles}: {@code *} for any
 * workspace or layer, and the role {@code *} for every caller.
 */
public record AccessRule(String workspace, String layer, AccessMode mode, Set<String> roles) {
    public static final String ANY = "*";

    public AccessRule {
        roles = Set.copyOf(roles);
    }

    boolean covers(String ws, String id) {
        return (workspace.equals(ANY) || workspace.equals(ws)) && (layer.equals(ANY) || layer.equals(id));
    }

    /** 2 for workspace.layer, 1 for workspace.*, 0 for *.*: the most specific rule decides. */
    int specificity() {
        return (workspace.equals(ANY) ? 0 : 1) + (layer.equals(ANY) ? 0 : 1);
    }

    boolean allows(Caller caller) {
        if (roles.contains(ANY)) return true;
        for (String r : caller.roles()) if (roles.contains(r)) return true;
        return false;
    }

    @Override
    public String toString() {
        return workspace + "." + layer + "." + mode.letter() + "=" + String.join(",", new java.util.TreeSet<>(roles));
    }
}
