package org.ecoplan.catalog.security;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The server's identities and data rules, read from its security directory: users and API
 * tokens ({@code users.yaml}) and data rules ({@code layers.properties}). {@link #NONE} when the
 * directory is absent: no one signs in and everything is readable by everyone.
 */
public record SecurityConfig(List<UserAccount> users, List<ApiToken> tokens, DataAccessRules rules,
        boolean enabled) {
    public static final SecurityConfig NONE = new SecurityConfig(List.of(), List.of(), DataAccessRules.OPEN, false);

    public SecurityConfig {
        users = List.copyOf(users);
        tokens = List.copyOf(tokens);
    }

    public Map<String, UserAccount> usersByName() {
        return users.stream().collect(Collectors.toMap(UserAccount::name, Function.identity()));
    }

    public Map<String, ApiToken> tokensByHash() {
        return tokens.stream().collect(Collectors.toMap(ApiToken::sha256, Function.identity()));
    }
}
