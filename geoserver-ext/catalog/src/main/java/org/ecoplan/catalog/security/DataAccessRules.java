package org.ecoplan.catalog.security;

import java.util.List;
import java.util.Optional;

/**
 * The data rules of the server (GeoServer's data security, {@code layers.properties}): for a
 * layer and a permission, the most specific rule that covers the layer decides ({@code ws.layer}
 * before {@code ws.*} before {@code *.*}); where no rule covers a layer, reading is open to every
 * caller and writing to none but the administrator, as GeoServer's defaults are. The
 * administrator role may do everything. Rules hide what a caller may not read: such a layer is
 * not listed, not drawn and not found, exactly as a layer that does not exist.
 */
public final class DataAccessRules {
    /** No rules: everything readable by everyone, as without security. */
    public static final DataAccessRules OPEN = new DataAccessRules(List.of());

    private final List<AccessRule> rules;

    public DataAccessRules(List<AccessRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<AccessRule> rules() { return rules; }

    public boolean canRead(Caller caller, String workspace, String layer) {
        return allows(caller, workspace, layer, AccessMode.READ);
    }

    public boolean allows(Caller caller, String workspace, String layer, AccessMode mode) {
        if (caller.isAdmin()) return true;
        Optional<AccessRule> rule = decisive(workspace, layer, mode);
        if (rule.isEmpty()) return mode == AccessMode.READ;
        return rule.get().allows(caller);
    }

    private Optional<AccessRule> decisive(String workspace, String layer, AccessMode mode) {
        AccessRule best = null;
        for (AccessRule r : rules) {
            if (r.mode() != mode || !r.covers(workspace, layer)) continue;
            if (best == null || r.specificity() > best.specificity()) best = r;
        }
        return Optional.ofNullable(best);
    }
}
