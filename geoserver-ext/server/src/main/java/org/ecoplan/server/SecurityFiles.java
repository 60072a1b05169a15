package org.ecoplan.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.TreeSet;
import org.ecoplan.catalog.security.AccessRule;
import org.ecoplan.catalog.security.ApiToken;
import org.ecoplan.catalog.security.UserAccount;

/**
 * Writes a security directory's files from their content, in the form {@code SecurityLoader}
 * reads: {@code users.yaml} (users by bcrypt hash, tokens by SHA-256 — never a secret) and
 * {@code layers.properties} (GeoServer's data rules, HIDE mode).
 */
final class SecurityFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SecurityFiles() {}

    static String users(List<UserAccount> users, List<ApiToken> tokens) {
        StringBuilder b = new StringBuilder(
                "# users (bcrypt hashes) and API tokens (SHA-256), written by the REST API\n");
        b.append("users:\n");
        for (UserAccount u : users) {
            b.append("  - {name: ").append(q(u.name())).append(", password: ").append(q(u.passwordHash()))
                    .append(", roles: ").append(list(u.roles())).append(u.enabled() ? "" : ", enabled: false")
                    .append("}\n");
        }
        if (users.isEmpty()) b.setLength(b.length() - 1);
        if (users.isEmpty()) b.append(" []\n");
        b.append("tokens:\n");
        for (ApiToken t : tokens) {
            b.append("  - {name: ").append(q(t.name())).append(", sha256: ").append(t.sha256()).append(", roles: ")
                    .append(list(t.roles())).append("}\n");
        }
        if (tokens.isEmpty()) {
            b.setLength(b.length() - 1);
            b.append(" []\n");
        }
        return b.toString();
    }

    static String rules(List<AccessRule> rules) {
        StringBuilder b = new StringBuilder(
                "# data rules (GeoServer's layers.properties), written by the REST API\nmode=HIDE\n");
        for (AccessRule r : rules) b.append(r).append('\n');
        return b.toString();
    }

    private static String list(java.util.Set<String> roles) {
        return "[" + String.join(", ", new TreeSet<>(roles)) + "]";
    }

    private static String q(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
