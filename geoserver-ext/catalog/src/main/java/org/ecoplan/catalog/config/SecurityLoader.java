package org.ecoplan.catalog.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.security.AccessMode;
import org.ecoplan.catalog.security.AccessRule;
import org.ecoplan.catalog.security.ApiToken;
import org.ecoplan.catalog.security.DataAccessRules;
import org.ecoplan.catalog.security.SecurityConfig;
import org.ecoplan.catalog.security.UserAccount;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a security directory: {@code users.yaml} (users with bcrypt password hashes and roles,
 * API tokens by SHA-256 and roles) and {@code layers.properties} (GeoServer's data rules,
 * {@code workspace.layer.r|w|a = ROLE,...}, {@code *} for any), checked against the catalog, every
 * error reported at once with file and line. A password in plain text, an unsalted hash, a rule
 * naming a layer that does not exist: refused at start-up.
 */
public final class SecurityLoader {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_-]{1,64}|\\*");
    /** bcrypt's modular crypt format: $2a$/$2b$/$2y$, cost, 22 characters of salt and 31 of hash. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12]\\d|3[01])\\$[./A-Za-z0-9]{53}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final List<ConfigError> errors = new ArrayList<>();

    private SecurityLoader() {}

    /**
     * The security of a data directory: {@link SecurityConfig#NONE} when {@code dir} is null or absent.
     *
     * @throws CatalogException listing every error
     */
    public static SecurityConfig load(Path dir, Catalog catalog) {
        if (dir == null || !Files.isDirectory(dir)) return SecurityConfig.NONE;
        SecurityLoader l = new SecurityLoader();
        List<UserAccount> users = new ArrayList<>();
        List<ApiToken> tokens = new ArrayList<>();
        Path usersFile = dir.resolve("users.yaml");
        if (Files.isRegularFile(usersFile)) l.readUsers(usersFile, users, tokens);
        List<AccessRule> rules = new ArrayList<>();
        Path rulesFile = dir.resolve("layers.properties");
        if (Files.isRegularFile(rulesFile)) l.readRules(rulesFile, catalog, rules);
        if (!l.errors.isEmpty()) throw new CatalogException(l.errors);
        return new SecurityConfig(users, tokens, new DataAccessRules(rules), true);
    }

    private void readUsers(Path file, List<UserAccount> users, List<ApiToken> tokens) {
        YamlNodes y = new YamlNodes(file, errors);
        MappingNode root = y.read();
        if (root == null) return;
        Map<String, Node> m = y.map(root, "users file", Set.of("users", "tokens"));
        Set<String> names = new HashSet<>();
        for (Node n : y.list(m, "users")) {
            Map<String, Node> u = y.map(n, "user", Set.of("name", "password", "roles", "enabled"));
            String name = y.string(u, "name", n, true);
            String hash = y.string(u, "password", n, true);
            Set<String> roles = roles(y, u, n);
            if (name != null && !NAME.matcher(name).matches()) {
                y.error(n, "user name '" + name + "' must be 1–64 letters, digits or _ . @ -");
            } else if (name != null && !names.add(name)) {
                y.error(n, "user '" + name + "' is listed twice");
            }
            // never echo the value: it may be a password written in plain text by mistake
            if (hash != null && !BCRYPT.matcher(hash).matches()) {
                y.error(n, "the password of user '" + name + "' is not a bcrypt hash ($2a$/$2b$/$2y$); store "
                        + "only the hash, e.g. from `htpasswd -nbBC 12 user password`");
            }
            if (name != null && hash != null && roles != null) {
                users.add(new UserAccount(name, hash, roles, y.bool(u, "enabled", true)));
            }
        }
        Set<String> hashes = new HashSet<>();
        for (Node n : y.list(m, "tokens")) {
            Map<String, Node> t = y.map(n, "token", Set.of("name", "sha256", "roles"));
            String name = y.string(t, "name", n, true);
            String hash = y.string(t, "sha256", n, true);
            Set<String> roles = roles(y, t, n);
            if (name != null && (!NAME.matcher(name).matches() || !names.add(name))) {
                y.error(n, "token name '" + name + "' must be a unique name of 1–64 letters, digits or _ . @ -");
            }
            if (hash != null && !SHA256.matcher(hash).matches()) {
                y.error(n, "the sha256 of token '" + name + "' must be 64 lower-case hex digits (the token's "
                        + "SHA-256, never the token)");
            } else if (hash != null && !hashes.add(hash)) {
                y.error(n, "token '" + name + "' has the hash of another token");
            }
            if (name != null && hash != null && roles != null) tokens.add(new ApiToken(name, hash, roles));
        }
    }

    private static Set<String> roles(YamlNodes y, Map<String, Node> m, Node owner) {
        Set<String> out = new LinkedHashSet<>();
        for (String r : y.strings(m, "roles")) {
            if (!ROLE.matcher(r).matches() || r.equals("*")) {
                y.error(m.get("roles"), "role '" + r + "' must be letters, digits, _ or -");
                return null;
            }
            out.add(r);
        }
        return out;
    }

    private void readRules(Path file, Catalog catalog, List<AccessRule> rules) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            errors.add(new ConfigError(new Location(file, 1), "cannot read: " + e.getMessage()));
            return;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Location at = new Location(file, i + 1);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) continue;
            int eq = line.indexOf('=');
            if (eq < 0) {
                errors.add(new ConfigError(at, "expected workspace.layer.permission=ROLE,... (or mode=HIDE)"));
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (key.equals("mode")) {
                if (!value.equalsIgnoreCase("HIDE")) {
                    errors.add(new ConfigError(at, "mode " + value + " is not supported: only HIDE (a layer the caller"
                            + " may not read is answered as one that does not exist, so none is revealed)"));
                }
                continue;
            }
            String[] k = key.split("\\.");
            if (k.length != 3) {
                errors.add(new ConfigError(at, "'" + key + "': a rule is workspace.layer.permission (r, w or a)"));
                continue;
            }
            Optional<AccessMode> mode = AccessMode.of(k[2]);
            if (mode.isEmpty()) {
                errors.add(new ConfigError(at, "'" + key + "': permission '" + k[2] + "' must be r, w or a"));
                continue;
            }
            if (!k[0].equals(AccessRule.ANY) && catalog.workspace(k[0]).isEmpty()) {
                errors.add(new ConfigError(at, "'" + key + "': no workspace '" + k[0] + "'"));
                continue;
            }
            if (!k[1].equals(AccessRule.ANY) && (k[0].equals(AccessRule.ANY)
                    || (catalog.layer(k[0], k[1]).isEmpty() && catalog.group(k[0], k[1]).isEmpty()))) {
                errors.add(new ConfigError(at, "'" + key + "': no layer or group '" + k[1] + "' in workspace '" + k[0]
                        + "'" + (k[0].equals(AccessRule.ANY) ? " (a named layer needs a named workspace)" : "")));
                continue;
            }
            if (!keys.add(key)) {
                errors.add(new ConfigError(at, "'" + key + "' is set twice"));
                continue;
            }
            Set<String> roles = new LinkedHashSet<>();
            for (String r : value.split(",")) {
                String role = r.strip();
                if (!ROLE.matcher(role).matches()) {
                    errors.add(new ConfigError(at,
                            "'" + key + "': role '" + role + "' must be letters, digits, _, - or *"));
                    roles = null;
                    break;
                }
                roles.add(role);
            }
            if (roles != null) rules.add(new AccessRule(k[0], k[1], mode.get(), roles));
        }
    }
}
