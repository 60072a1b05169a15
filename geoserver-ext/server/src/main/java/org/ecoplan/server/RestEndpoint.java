package org.ecoplan.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.config.CatalogException;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
import org.ecoplan.catalog.config.WorkspaceConfig;
import org.ecoplan.catalog.security.AccessRule;
import org.ecoplan.catalog.security.Caller;
import org.ecoplan.ows.HttpEndpoint;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.render.style.StyleException;
import org.ecoplan.render.style.StyleParser;

/**
 * The admin REST API in GeoServer's shape ({@code /rest}, also {@code /geoserver/rest}), for the
 * administrator role only: {@code about/version}, {@code workspaces} (list, get, create, delete
 * with {@code recurse}), {@code namespaces}, {@code layers} (list, get, set the default style),
 * {@code styles} of a workspace (list, get, SLD download, SLD upload and replace, delete),
 * {@code layergroups}, {@code reload} and {@code security/acl/layers}. JSON or XML by extension
 * ({@code .json}, {@code .xml}) or Accept, as GeoServer. Every change is written to the data
 * directory's files and applied by a reload with the start-up checks, all or nothing
 * ({@link DataDirectoryChange}), and recorded in the audit log.
 */
final class RestEndpoint implements HttpEndpoint {
    static final String PREFIX = "/rest";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

    private final ServerContext context;
    private final AuditLog audit;
    private final Path securityDir;
    /** The context of the catalog serving now, which a change reads under the change lock. */
    private final java.util.function.Supplier<ServerContext> live;

    RestEndpoint(ServerContext context, AuditLog audit, Path securityDir,
            java.util.function.Supplier<ServerContext> live) {
        this.context = context;
        this.audit = audit;
        this.securityDir = securityDir;
        this.live = live;
    }

    @Override
    public String pathPrefix() { return PREFIX; }

    /** GeoServer's REST API changes resources: PUT and DELETE too. */
    @Override
    public List<String> methods(String path) { return List.of("GET", "HEAD", "POST", "PUT", "DELETE"); }

    /** Plain text with the status, as GeoServer's REST API answers errors. */
    @Override
    public OwsResponse exception(ServiceException e, OwsRequest request) {
        return AdminOnly.error(e);
    }

    @Override
    public OwsResponse handle(OwsRequest r) {
        AdminOnly.require(r, "The REST API");
        if (read(r.method())) return route(r);
        // a change reads what it changes under the change lock, from the catalog serving by then:
        // two changes at once cannot both start from the same state and lose one
        synchronized (DataDirectoryChange.LOCK) {
            ServerContext now = live.get();
            return (now == context ? this : new RestEndpoint(now, audit, securityDir, live)).route(r);
        }
    }

    private OwsResponse route(OwsRequest r) {
        String rest = r.path().substring(PREFIX.length());
        boolean xml = rest.endsWith(".xml") || (!rest.endsWith(".json") && accepts(r, "xml"));
        boolean sld = rest.endsWith(".sld");
        rest = rest.replaceFirst("\\.(json|xml|sld|html|shp|gpkg)$", "");
        List<String> p = new ArrayList<>();
        for (String s : rest.split("/")) if (!s.isEmpty()) p.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
        String m = r.method();
        Catalog c = context.catalog();
        String base = r.endpointUrl(PREFIX);
        if (p.equals(List.of("about", "version")) && read(m)) return about(xml);
        if (p.equals(List.of("reload")) && (m.equals("POST") || m.equals("PUT"))) return reload(r);
        if (p.equals(List.of("security", "acl", "layers")) && read(m)) return acl(xml);
        if (!p.isEmpty() && p.get(0).equals("security")) {
            OwsResponse answer = security(r, p, m, xml);
            if (answer != null) return answer;
        }
        if (p.equals(List.of("workspaces")) && read(m)) return workspaces(c, base, xml, "workspaces", "workspace");
        if (p.equals(List.of("namespaces")) && read(m)) return workspaces(c, base, xml, "namespaces", "namespace");
        if (p.equals(List.of("workspaces")) && m.equals("POST")) return createWorkspace(r, base);
        if (p.equals(List.of("layers")) && read(m)) return layers(c, null, base, xml);
        if (p.equals(List.of("layergroups")) && read(m)) return groups(c, null, base, xml);
        if (p.equals(List.of("styles")) && read(m)) return list("styles", "style", List.of(), base, xml);
        if ((p.size() == 2 || p.size() == 3) && p.get(0).equals("layers")) {
            LayerConfig l = c.layer(p.get(1).contains(":") ? p.get(1) : c.global().defaultWorkspace() + ":" + p.get(1))
                    .orElseThrow(() -> notFound("No such layer: " + p.get(1)));
            if (p.size() == 2 && read(m)) return layer(l, base, xml);
            if (p.size() == 2 && m.equals("PUT")) return setDefaultStyle(r, l);
            if (p.size() == 3 && p.get(2).equals("styles") && m.equals("POST")) return addStyle(r, l);
        }
        if (p.size() >= 2 && p.get(0).equals("workspaces")) {
            WorkspaceConfig ws = c.workspace(p.get(1)).orElseThrow(() -> notFound("No such workspace: " + p.get(1)));
            if (p.size() == 2 && read(m)) return workspace(ws, base, xml);
            if (p.size() == 2 && m.equals("DELETE")) return deleteWorkspace(r, ws);
            if (p.size() == 3 && p.get(2).equals("layers") && read(m)) return layers(c, ws.name(), base, xml);
            if (p.size() == 4 && p.get(2).equals("layers")) {
                LayerConfig l = c.layer(ws.name(), p.get(3)).orElseThrow(() -> notFound("No such layer: " + p.get(3)));
                if (read(m)) return layer(l, base, xml);
                if (m.equals("PUT")) return setDefaultStyle(r, l);
            }
            if (p.size() == 3 && p.get(2).equals("datastores") && read(m)) return datastores(c, ws.name(), base, xml);
            if (p.size() == 3 && p.get(2).equals("datastores") && m.equals("POST")) return createDatastore(r, ws, base);
            if (p.size() >= 4 && p.get(2).equals("datastores")) {
                String ds = p.get(3);
                if (p.size() == 5 && p.get(4).equals("file") && m.equals("PUT") && r.path().endsWith(".shp")) {
                    return uploadShapefile(r, ws, ds, base);
                }
                if (p.size() == 5 && p.get(4).equals("file") && m.equals("PUT") && r.path().endsWith(".gpkg")) {
                    return uploadGeoPackage(r, ws, ds, base);
                }
                var store = c.store(ws.name(), ds)
                        .orElseThrow(() -> notFound("No such datastore: " + ws.name() + ":" + ds));
                if (p.size() == 4 && read(m)) return datastore(store, base, xml);
                if (p.size() == 4 && m.equals("DELETE")) return deleteDatastore(r, store);
                if (p.size() == 5 && p.get(4).equals("featuretypes") && read(m))
                    return featureTypes(c, store, base, xml);
                if (p.size() == 5 && p.get(4).equals("featuretypes") && m.equals("POST")) {
                    return publishFeatureType(r, store, base);
                }
                if (p.size() == 6 && p.get(4).equals("featuretypes") && m.equals("DELETE")) {
                    LayerConfig l = c.layer(ws.name(), p.get(5)).filter(x -> ds.equals(x.store()))
                            .orElseThrow(() -> notFound("No such feature type: " + p.get(5)));
                    Path dataDir = c.dataDir().toAbsolutePath().normalize();
                    change(r, new DataDirectoryChange(dataDir).remove(dataDir.relativize(l.location().file()
                            .toAbsolutePath().normalize()).toString()));
                    return OwsResponse.text(200, "text/plain; charset=UTF-8", "");
                }
                if (p.size() == 6 && p.get(4).equals("featuretypes") && read(m)) {
                    LayerConfig l = c.layer(ws.name(), p.get(5)).filter(x -> ds.equals(x.store()))
                            .orElseThrow(() -> notFound("No such feature type: " + p.get(5)));
                    return featureType(l, xml);
                }
            }
            if (p.size() == 3 && p.get(2).equals("layergroups") && read(m)) return groups(c, ws.name(), base, xml);
            if (p.size() == 3 && p.get(2).equals("layergroups") && m.equals("POST")) return createGroup(r, ws, base);
            if (p.size() == 4 && p.get(2).equals("layergroups")) {
                LayerGroupConfig g = c.group(ws.name(), p.get(3))
                        .orElseThrow(() -> notFound("No such layer group: " + ws.name() + ":" + p.get(3)));
                if (read(m)) return group(g, base, xml);
                if (m.equals("DELETE")) return deleteGroup(r, g);
            }
            if (p.size() == 3 && p.get(2).equals("styles")) {
                if (read(m))
                    return list("styles", "style", styles(ws.name()), base + "/workspaces/" + ws.name() + "/styles",
                            xml);
                if (m.equals("POST")) return putStyle(r, ws.name(), r.params().value("name"), true);
            }
            if (p.size() == 4 && p.get(2).equals("styles")) {
                String style = p.get(3);
                if (read(m)) return sld ? sldFile(ws.name(), style) : style(ws.name(), style, xml);
                if (m.equals("PUT")) return putStyle(r, ws.name(), style, false);
                if (m.equals("DELETE")) return deleteStyle(r, ws.name(), style);
            }
        }
        throw notFound("No REST resource " + m + " " + r.path());
    }

    private static boolean read(String method) { return method.equals("GET") || method.equals("HEAD"); }

    private static boolean accepts(OwsRequest r, String what) {
        String a = r.header("accept");
        return a != null && a.toLowerCase(Locale.ROOT).contains(what) && !a.toLowerCase(Locale.ROOT).contains("json");
    }

    private static ServiceException notFound(String message) {
        return new ServiceException("NotFound", null, message, 404);
    }

    private static ServiceException bad(String message) {
        return new ServiceException("BadRequest", null, message, 400);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private OwsResponse about(boolean xml) {
        String version = RestEndpoint.class.getPackage().getImplementationVersion();
        return RestDocument.answer(200, map("about", map("resource", List.of(map("@name", "ecoplan", "Version",
                version == null ? "0.1.0-SNAPSHOT" : version, "Git-Revision", "", "Build-Timestamp", "")))), xml);
    }

    /**
     * GeoServer's security resources: users ({@code security/usergroup/users}, {@code …/user/{name}}),
     * a user's roles ({@code security/roles}, {@code …/role/{role}/user/{name}}), the data rules
     * ({@code security/acl/layers}), and this server's API tokens ({@code security/tokens}: a new
     * token is shown once, in the answer that creates it; only its SHA-256 is kept). Null for a
     * resource that is not one of these.
     */
    private OwsResponse security(OwsRequest r, List<String> p, String m, boolean xml) {
        var sec = context.access().security();
        List<org.ecoplan.catalog.security.UserAccount> users = new ArrayList<>(sec.users());
        List<org.ecoplan.catalog.security.ApiToken> tokens = new ArrayList<>(sec.tokens());
        if (p.equals(List.of("security", "usergroup", "users")) && read(m)) {
            List<Object> list = new ArrayList<>();
            for (var u : users) list.add(map("userName", u.name(), "enabled", u.enabled()));
            return RestDocument.answer(200, xml ? map("users", map("user", list)) : map("users", list), xml);
        }
        if (p.equals(List.of("security", "usergroup", "users")) && m.equals("POST")) {
            JsonNode u = json(r).path("user");
            String name = u.path("userName").asText(null);
            if (name == null || !name.matches("[A-Za-z0-9_.@-]{1,64}"))
                throw bad("userName: 1–64 letters, digits or _ . @ -");
            if (users.stream().anyMatch(x -> x.name().equals(name))
                    || tokens.stream().anyMatch(t -> t.name().equals(name))) {
                throw new ServiceException("Conflict", null, "User " + name + " exists", 409);
            }
            users.add(new org.ecoplan.catalog.security.UserAccount(name, hash(u.path("password").asText("")),
                    java.util.Set.of(),
                    u.path("enabled").asBoolean(true)));
            writeSecurity(r, users, tokens, null, "user " + name + " added");
            return OwsResponse.text(201, "text/plain; charset=UTF-8", name + "\n");
        }
        if (p.size() == 4 && p.subList(0, 3).equals(List.of("security", "usergroup", "user"))) {
            String name = p.get(3);
            var old = users.stream().filter(x -> x.name().equals(name)).findFirst()
                    .orElseThrow(() -> notFound("No user " + name));
            if (m.equals("DELETE")) {
                if (name.equals(r.caller().name())) throw bad("An administrator does not delete the account in use");
                users.remove(old);
            } else if (m.equals("POST") || m.equals("PUT")) {
                JsonNode u = json(r).path("user");
                String hash = u.hasNonNull("password") ? hash(u.path("password").asText()) : old.passwordHash();
                users.set(users.indexOf(old), new org.ecoplan.catalog.security.UserAccount(name, hash, old.roles(),
                        u.path("enabled").asBoolean(old.enabled())));
            } else {
                return null;
            }
            writeSecurity(r, users, tokens, null, "user " + name + (m.equals("DELETE") ? " removed" : " changed"));
            return OwsResponse.text(200, "text/plain; charset=UTF-8", "");
        }
        if (p.equals(List.of("security", "roles")) && read(m)) {
            java.util.Set<String> roles = new java.util.TreeSet<>();
            users.forEach(u -> roles.addAll(u.roles()));
            tokens.forEach(t -> roles.addAll(t.roles()));
            sec.rules().rules().forEach(a -> a.roles().stream().filter(x -> !x.equals("*")).forEach(roles::add));
            roles.add(Caller.ADMIN_ROLE);
            return RestDocument.answer(200, xml
                    ? map("roles", map("role", new ArrayList<>(roles)))
                    : map("roles", new ArrayList<>(roles)), xml);
        }
        if (p.size() == 6 && p.subList(0, 3).equals(List.of("security", "roles", "role")) && p.get(4).equals("user")) {
            String role = p.get(3);
            String name = p.get(5);
            if (!role.matches("[A-Za-z0-9_-]{1,64}")) throw bad("A role is 1–64 letters, digits, _ or -");
            var old = users.stream().filter(x -> x.name().equals(name)).findFirst()
                    .orElseThrow(() -> notFound("No user " + name));
            java.util.Set<String> roles = new java.util.TreeSet<>(old.roles());
            if (m.equals("POST")) roles.add(role);
            else if (m.equals("DELETE")) roles.remove(role);
            else return null;
            users.set(users.indexOf(old), new org.ecoplan.catalog.security.UserAccount(name, old.passwordHash(), roles,
                    old.enabled()));
            writeSecurity(r, users, tokens, null,
                    "role " + role + (m.equals("POST") ? " given to " : " taken from ") + name);
            return OwsResponse.text(m.equals("POST") ? 201 : 200, "text/plain; charset=UTF-8", "");
        }
        if (p.equals(List.of("security", "tokens")) && read(m)) {
            List<Object> list = new ArrayList<>();
            for (var t : tokens)
                list.add(map("name", t.name(), "roles", new ArrayList<>(new java.util.TreeSet<>(t.roles()))));
            return RestDocument.answer(200, xml ? map("tokens", map("token", list)) : map("tokens", list), xml);
        }
        if (p.equals(List.of("security", "tokens")) && m.equals("POST")) {
            JsonNode t = json(r).path("token");
            String name = t.path("name").asText(null);
            if (name == null || !name.matches("[A-Za-z0-9_.@-]{1,64}"))
                throw bad("A token name is 1–64 letters, digits or _ . @ -");
            if (tokens.stream().anyMatch(x -> x.name().equals(name))
                    || users.stream().anyMatch(u -> u.name().equals(name))) {
                throw new ServiceException("Conflict", null, "Token " + name + " exists", 409);
            }
            java.util.Set<String> roles = new java.util.TreeSet<>();
            for (JsonNode x : t.path("roles")) {
                if (!x.asText().matches("[A-Za-z0-9_-]{1,64}")) throw bad("A role is 1–64 letters, digits, _ or -");
                roles.add(x.asText());
            }
            byte[] secret = new byte[32];
            new java.security.SecureRandom().nextBytes(secret);
            String value = java.util.HexFormat.of().formatHex(secret);
            tokens.add(new org.ecoplan.catalog.security.ApiToken(name, Authenticator.sha256(value), roles));
            writeSecurity(r, users, tokens, null, "token " + name + " created");
            return RestDocument
                    .answer(201, map("token", map("name", name, "value", value, "roles", new ArrayList<>(roles))),
                            false)
                    .withHeader("Cache-Control", "no-store");
        }
        if (p.size() == 3 && p.subList(0, 2).equals(List.of("security", "tokens")) && m.equals("DELETE")) {
            if (!tokens.removeIf(x -> x.name().equals(p.get(2)))) throw notFound("No token " + p.get(2));
            writeSecurity(r, users, tokens, null, "token " + p.get(2) + " revoked");
            return OwsResponse.text(200, "text/plain; charset=UTF-8", "");
        }
        if (p.equals(List.of("security", "acl", "layers")) && (m.equals("POST") || m.equals("PUT"))) {
            List<AccessRule> rules = new ArrayList<>(sec.rules().rules());
            JsonNode body = json(r);
            for (var it = body.fields(); it.hasNext();) {
                var e = it.next();
                AccessRule rule = rule(e.getKey(), e.getValue().asText(""));
                boolean exists = rules.stream().anyMatch(x -> sameKey(x, rule));
                if (m.equals("POST") && exists) {
                    throw new ServiceException("Conflict", null, "Rule " + e.getKey() + " exists; PUT changes it", 409);
                }
                rules.removeIf(x -> sameKey(x, rule));
                rules.add(rule);
            }
            writeSecurity(r, users, tokens, rules, "rules " + body.toString());
            return OwsResponse.text(m.equals("POST") ? 201 : 200, "text/plain; charset=UTF-8", "");
        }
        if (p.size() == 4 && p.subList(0, 3).equals(List.of("security", "acl", "layers")) && m.equals("DELETE")) {
            List<AccessRule> rules = new ArrayList<>(sec.rules().rules());
            if (!rules.removeIf(x -> (x.workspace() + "." + x.layer() + "." + x.mode().letter()).equals(p.get(3)))) {
                throw notFound("No rule " + p.get(3));
            }
            writeSecurity(r, users, tokens, rules, "rule " + p.get(3) + " removed");
            return OwsResponse.text(200, "text/plain; charset=UTF-8", "");
        }
        return null;
    }

    private static boolean sameKey(AccessRule a, AccessRule b) {
        return a.workspace().equals(b.workspace()) && a.layer().equals(b.layer()) && a.mode() == b.mode();
    }

    private static AccessRule rule(String key, String roles) {
        String[] k = key.split("\\.");
        var mode = k.length == 3
                ? org.ecoplan.catalog.security.AccessMode.of(k[2])
                : java.util.Optional.<org.ecoplan.catalog.security.AccessMode>empty();
        if (mode.isEmpty() || !k[0].matches("[A-Za-z0-9_*-]+") || !k[1].matches("[A-Za-z0-9_*-]+")) {
            throw bad("A rule is workspace.layer.r|w|a: '" + shorten(key) + "'");
        }
        java.util.Set<String> set = new java.util.TreeSet<>();
        for (String x : roles.split(",")) {
            if (!x.strip().matches("[A-Za-z0-9_-]{1,64}|\\*")) throw bad("Role '" + shorten(x) + "' of rule " + key);
            set.add(x.strip());
        }
        return new AccessRule(k[0], k[1], mode.get(), set);
    }

    /** A bcrypt hash (cost 12) of a new password; a password is never stored or logged as it is. */
    private static String hash(String password) {
        if (password.length() < 8) throw bad("A password has at least 8 characters");
        return new String(at.favre.lib.crypto.bcrypt.BCrypt.withDefaults().hashToChar(Authenticator.COST,
                password.toCharArray()));
    }

    /** The security files rewritten from their new content, applied by a reload (checked as at start-up). */
    private void writeSecurity(OwsRequest r, List<org.ecoplan.catalog.security.UserAccount> users,
            List<org.ecoplan.catalog.security.ApiToken> tokens, List<AccessRule> rules, String what) {
        if (securityDir == null || !Files.isDirectory(securityDir)) throw bad("This server has no security directory");
        DataDirectoryChange change = new DataDirectoryChange(securityDir, "security/")
                .write("users.yaml", SecurityFiles.users(users, tokens).getBytes(StandardCharsets.UTF_8));
        if (rules != null)
            change.write("layers.properties", SecurityFiles.rules(rules).getBytes(StandardCharsets.UTF_8));
        change(r, change);
    }

    private OwsResponse acl(boolean xml) {
        Map<String, Object> rules = new TreeMap<>();
        for (AccessRule a : context.access().security().rules().rules()) {
            rules.put(a.workspace() + "." + a.layer() + "." + a.mode().letter(),
                    String.join(",", new java.util.TreeSet<>(a.roles())));
        }
        return xml
                ? RestDocument.answer(200, map("rules", map("rule", rules.entrySet().stream()
                        .map(e -> map("resource", e.getKey(), "roles", e.getValue())).toList())), true)
                : RestDocument.answer(200, rules, false);
    }

    private static OwsResponse workspaces(Catalog c, String base, boolean xml, String plural, String single) {
        List<Object> items = new ArrayList<>();
        for (WorkspaceConfig w : c.workspaces()) {
            items.add(single.equals("namespace")
                    ? map("prefix", w.name(), "uri", w.namespaceUri(), "href",
                            base + "/namespaces/" + w.name() + ".json")
                    : map("name", w.name(), "href", base + "/workspaces/" + w.name() + ".json"));
        }
        return RestDocument.answer(200, map(plural, map(single, items)), xml);
    }

    private static OwsResponse workspace(WorkspaceConfig w, String base, boolean xml) {
        String self = base + "/workspaces/" + w.name();
        return RestDocument.answer(200, map("workspace", map("name", w.name(), "isolated", false, "dataStores",
                self + "/datastores.json", "coverageStores", self + "/coveragestores.json", "wmsStores",
                self + "/wmsstores.json")), xml);
    }

    private static OwsResponse layers(Catalog c, String ws, String base, boolean xml) {
        List<Object> items = new ArrayList<>();
        for (LayerConfig l : c.layers()) {
            if (ws != null && !l.workspace().equals(ws)) continue;
            items.add(map("name", l.qualifiedName(), "href", base + "/layers/" + l.qualifiedName() + ".json"));
        }
        return RestDocument.answer(200, map("layers", map("layer", items)), xml);
    }

    private static OwsResponse layer(LayerConfig l, String base, boolean xml) {
        Map<String, Object> doc = map("name", l.id(), "type", l.featureType().hasGeometry() ? "VECTOR" : "VECTOR",
                "resource", map("@class", "featureType", "name", l.qualifiedName(), "href",
                        base + "/workspaces/" + l.workspace() + "/datastores/" + l.store() + "/featuretypes/" + l.id()
                                + ".json"),
                "queryable", l.queryable(), "opaque", false);
        if (l.styles() != null && l.styles().all().size() > 0 && l.styles().all().get(0) != null) {
            doc.put("defaultStyle", map("name", l.workspace() + ":" + l.styles().all().get(0), "workspace",
                    l.workspace(), "href", base + "/workspaces/" + l.workspace() + "/styles/" + l.styles().all().get(0)
                            + ".json"));
        }
        return RestDocument.answer(200, map("layer", doc), xml);
    }

    private static OwsResponse groups(Catalog c, String ws, String base, boolean xml) {
        List<Object> items = new ArrayList<>();
        for (LayerGroupConfig g : c.groups()) {
            if (ws != null && !g.workspace().equals(ws)) continue;
            items.add(map("name", g.qualifiedName(), "href", base + "/workspaces/" + g.workspace() + "/layergroups/"
                    + g.id() + ".json"));
        }
        return RestDocument.answer(200, map("layerGroups", map("layerGroup", items)), xml);
    }

    private static OwsResponse list(String plural, String single, List<String> names, String base, boolean xml) {
        List<Object> items = new ArrayList<>();
        for (String n : names) items.add(map("name", n, "href", base + "/" + n + ".json"));
        return RestDocument.answer(200, map(plural, map(single, items)), xml);
    }

    private List<String> styles(String ws) {
        Path dir = context.catalog().dataDir().resolve("styles").resolve(ws);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".sld"))
                    .map(f -> f.substring(0, f.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path styleFile(String ws, String style) {
        if (!NAME.matcher(style).matches()) throw bad("A style name is a letter or _ then letters, digits, _ or -");
        return context.catalog().dataDir().resolve("styles").resolve(ws).resolve(style + ".sld");
    }

    private OwsResponse style(String ws, String style, boolean xml) {
        if (!Files.isRegularFile(styleFile(ws, style))) throw notFound("No such style: " + ws + ":" + style);
        return RestDocument.answer(200, map("style", map("name", style, "workspace", map("name", ws), "format", "sld",
                "languageVersion", map("version", "1.0.0"), "filename", style + ".sld")), xml);
    }

    private OwsResponse sldFile(String ws, String style) {
        Path f = styleFile(ws, style);
        if (!Files.isRegularFile(f)) throw notFound("No such style: " + ws + ":" + style);
        try {
            return OwsResponse.bytes(200, "application/vnd.ogc.sld+xml", Files.readAllBytes(f));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Uploads (POST, a new name) or replaces (PUT) a style's SLD, checked as at start-up, line numbers included. */
    private OwsResponse putStyle(OwsRequest r, String ws, String style, boolean create) {
        if (style == null) throw bad("Name the style: POST .../styles?name=<name> with the SLD as the body");
        Path f = styleFile(ws, style);
        if (create && Files.exists(f))
            throw new ServiceException("Conflict", null, "Style " + ws + ":" + style
                    + " exists; PUT replaces it", 409);
        if (!create && !Files.exists(f)) throw notFound("No such style: " + ws + ":" + style);
        String type = r.contentType() == null ? "" : r.contentType().toLowerCase(Locale.ROOT);
        if (!type.contains("sld") && !type.contains("se+xml") && !type.contains("xml")) {
            throw new ServiceException("UnsupportedMediaType", null, "Send the style as SLD "
                    + "(application/vnd.ogc.sld+xml or application/vnd.ogc.se+xml), not " + type, 415);
        }
        if (r.body().length == 0) throw bad("The style's SLD is missing: send it as the body");
        try {
            StyleParser.parse(new ByteArrayInputStream(r.body()), style + ".sld");
        } catch (StyleException e) {
            throw bad("The SLD does not parse (line " + Math.max(1, e.line()) + "): " + e.getMessage());
        }
        change(r, new DataDirectoryChange(context.catalog().dataDir()).write("styles/" + ws + "/" + style + ".sld",
                r.body()));
        OwsResponse ok = OwsResponse.text(create ? 201 : 200, "text/plain; charset=UTF-8", style + "\n");
        return create
                ? ok.withHeader("Location", r.endpointUrl(PREFIX) + "/workspaces/" + ws + "/styles/" + style)
                : ok;
    }

    private OwsResponse deleteStyle(OwsRequest r, String ws, String style) {
        if (!Files.exists(styleFile(ws, style))) throw notFound("No such style: " + ws + ":" + style);
        for (LayerConfig l : context.catalog().layers()) {
            if (l.workspace().equals(ws) && l.styles() != null && l.styles().all().contains(style)) {
                throw new ServiceException("Forbidden", null,
                        "Style " + style + " is used by layer " + l.qualifiedName(),
                        403);
            }
        }
        change(r, new DataDirectoryChange(context.catalog().dataDir()).remove("styles/" + ws + "/" + style + ".sld"));
        return OwsResponse.text(200, "text/plain; charset=UTF-8", "");
    }

    /** PUT {"layer": {"defaultStyle": {"name": "[ws:]style"}}}: the layer file's default style, rewritten in place. */
    private OwsResponse setDefaultStyle(OwsRequest r, LayerConfig l) {
        String name = json(r).path("layer").path("defaultStyle").path("name").asText(null);
        if (name == null) throw bad("Expected {\"layer\": {\"defaultStyle\": {\"name\": \"style\"}}}");
        rewriteStyles(r, l, styleName(l, name), true);
        return OwsResponse.text(200, "text/plain; charset=UTF-8", "");
    }

    /**
     * POST {"style": {"name": ..., "workspace": {"name": ...}}} to {@code layers/{layer}/styles}: an
     * alternative style of the layer, or its default with {@code ?default=true}.
     */
    private OwsResponse addStyle(OwsRequest r, LayerConfig l) {
        JsonNode style = json(r).path("style");
        String name = style.path("name").asText(null);
        if (name == null) throw bad("Expected {\"style\": {\"name\": \"style\"}}");
        String ws = style.path("workspace").path("name").asText(l.workspace());
        if (!ws.equals(l.workspace())) throw bad("A layer's styles are those of its own workspace, " + l.workspace());
        rewriteStyles(r, l, styleName(l, name), "true".equalsIgnoreCase(r.params().value("default")));
        return OwsResponse.text(201, "text/plain; charset=UTF-8", "");
    }

    private static String styleName(LayerConfig l, String name) {
        String style = name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
        if (name.contains(":") && !name.startsWith(l.workspace() + ":")) {
            throw bad("A layer's styles are those of its own workspace, " + l.workspace());
        }
        if (!NAME.matcher(style).matches()) throw bad("No such style: " + name);
        return style;
    }

    /** The layer file's styles line rewritten: the style as default (the old default kept as an alternative) or added. */
    private void rewriteStyles(OwsRequest r, LayerConfig l, String style, boolean asDefault) {
        Path file = l.location().file();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Matcher m = Pattern.compile("(?m)^styles:.*$").matcher(text);
        if (!m.find()) throw bad("Layer " + l.qualifiedName() + " has no styles line to change");
        List<String> all = new ArrayList<>(l.styles().all());
        all.removeIf(java.util.Objects::isNull);
        String def = all.isEmpty() ? null : all.get(0);
        List<String> alternatives = new ArrayList<>(all.isEmpty() ? List.of() : all.subList(1, all.size()));
        if (asDefault) {
            if (def != null && !def.equals(style) && !alternatives.contains(def)) alternatives.add(0, def);
            alternatives.remove(style);
            def = style;
        } else if (!style.equals(def) && !alternatives.contains(style)) {
            alternatives.add(style);
        }
        String line = "styles: {default: " + def + (alternatives.isEmpty()
                ? ""
                : ", alternatives: ["
                        + String.join(", ", alternatives) + "]")
                + "}";
        String changed = text.substring(0, m.start()) + line + text.substring(m.end());
        Path dataDir = context.catalog().dataDir().toAbsolutePath().normalize();
        change(r, new DataDirectoryChange(dataDir).write(dataDir.relativize(file.toAbsolutePath().normalize())
                .toString(), changed.getBytes(StandardCharsets.UTF_8)));
    }

    private static OwsResponse datastores(Catalog c, String ws, String base, boolean xml) {
        List<Object> items = new ArrayList<>();
        for (var s : c.stores()) {
            if (s.workspace().equals(ws)) {
                items.add(map("name", s.id(), "href", base + "/workspaces/" + ws + "/datastores/" + s.id() + ".json"));
            }
        }
        return RestDocument.answer(200, map("dataStores", map("dataStore", items)), xml);
    }

    /** A datastore's connection parameters, GeoServer's entries, the password never shown. */
    private static OwsResponse datastore(org.ecoplan.catalog.config.StoreConfig s, String base, boolean xml) {
        List<Object> entries = new ArrayList<>();
        String url = s.url();
        String type;
        if (url.startsWith("gpkg:")) {
            type = "GeoPackage";
            entries.add(map("@key", "dbtype", "$", "geopkg"));
            entries.add(map("@key", "database", "$", url.substring(5)));
        } else {
            type = "PostGIS";
            entries.add(map("@key", "dbtype", "$", "postgis"));
            Matcher m = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+)(\\?.*)?").matcher(url);
            if (m.matches()) {
                entries.add(map("@key", "host", "$", m.group(1)));
                entries.add(map("@key", "port", "$", m.group(2) == null ? "5432" : m.group(2)));
                entries.add(map("@key", "database", "$", m.group(3)));
                for (String kv : (m.group(4) == null ? "" : m.group(4).substring(1)).split("&")) {
                    int eq = kv.indexOf('=');
                    if (eq < 0) continue;
                    String k = kv.substring(0, eq);
                    if (k.equals("user")) entries.add(map("@key", "user", "$", kv.substring(eq + 1)));
                    if (k.equals("currentSchema")) entries.add(map("@key", "schema", "$", kv.substring(eq + 1)));
                    if (k.equals("password")) entries.add(map("@key", "passwd", "$", "******"));
                }
            }
        }
        String self = base + "/workspaces/" + s.workspace() + "/datastores/" + s.id();
        return RestDocument.answer(200, map("dataStore", map("name", s.id(), "type", type, "enabled", true,
                "workspace", map("name", s.workspace()), "connectionParameters", map("entry", entries), "featureTypes",
                self + "/featuretypes.json")), xml);
    }

    private static OwsResponse featureTypes(Catalog c, org.ecoplan.catalog.config.StoreConfig s, String base,
            boolean xml) {
        List<Object> items = new ArrayList<>();
        for (LayerConfig l : c.layers()) {
            if (l.workspace().equals(s.workspace()) && s.id().equals(l.store())) {
                items.add(map("name", l.id(), "href", base + "/workspaces/" + s.workspace() + "/datastores/" + s.id()
                        + "/featuretypes/" + l.id() + ".json"));
            }
        }
        return RestDocument.answer(200, map("featureTypes", map("featureType", items)), xml);
    }

    private static OwsResponse featureType(LayerConfig l, boolean xml) {
        List<Object> attributes = new ArrayList<>();
        for (var a : l.featureType().attributes()) {
            attributes.add(map("name", a.name(), "binding", a.type().javaType().getName(), "nillable", !a.required()));
        }
        Map<String, Object> doc = map("name", l.id(), "nativeName", l.table(), "title", l.title().both(), "abstract",
                l.abstractText().both(), "namespace", map("name", l.workspace()), "store", map("name",
                        l.workspace() + ":" + l.store()),
                "attributes", map("attribute", attributes));
        if (l.featureType().hasGeometry()) {
            doc.put("srs", l.featureType().geometry().crs().id());
            doc.put("nativeCRS", l.featureType().geometry().crs().id());
        }
        return RestDocument.answer(200, map("featureType", doc), xml);
    }

    /**
     * POST a dataStore: GeoPackage ({@code dbtype geopkg}, {@code database} a path inside the data
     * directory) or PostGIS ({@code host, port, database, user, passwd, schema}); the store is opened
     * by the reload, so one that cannot be reached is refused.
     */
    private OwsResponse createDatastore(OwsRequest r, WorkspaceConfig ws, String base) {
        JsonNode d = json(r).path("dataStore");
        String name = d.path("name").asText(null);
        if (name == null || !NAME.matcher(name).matches())
            throw bad("A datastore name is a letter or _ then letters, digits, _ or -");
        if (context.catalog().store(ws.name(), name).isPresent()) {
            throw new ServiceException("Conflict", null, "Datastore " + ws.name() + ":" + name + " exists", 409);
        }
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode entries = d.path("connectionParameters").path("entry");
        for (JsonNode e : entries.isArray() ? entries : List.of(entries)) {
            params.put(e.path("@key").asText(""), e.path("$").asText(""));
        }
        d.path("connectionParameters").fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode()) params.put(f.getKey(), f.getValue().asText());
        });
        String url = switch (params.getOrDefault("dbtype", "")) {
            case "geopkg" -> {
                String db = params.getOrDefault("database", "").replaceFirst("^file:", "");
                Path inside = context.catalog().dataDir().resolve(db).normalize();
                if (db.isBlank() || Path.of(db).isAbsolute()
                        || !inside.startsWith(context.catalog().dataDir().normalize())) {
                    throw bad("A GeoPackage datastore's database is a path inside the data directory");
                }
                yield "gpkg:" + db;
            }
            case "postgis" -> {
                String host = params.getOrDefault("host", "");
                String db = params.getOrDefault("database", "");
                String port = params.getOrDefault("port", "5432");
                if (!host.matches("[A-Za-z0-9.-]{1,253}") || !db.matches("[A-Za-z0-9_-]{1,63}")
                        || !port.matches("\\d{1,5}")) {
                    throw bad("PostGIS parameters: host, port and database must be plain names");
                }
                StringBuilder u = new StringBuilder("jdbc:postgresql://" + host + ":" + port + "/" + db);
                List<String> q = new ArrayList<>();
                if (!params.getOrDefault("user", "").isEmpty()) q.add("user=" + enc(params.get("user")));
                if (!params.getOrDefault("passwd", "").isEmpty()) q.add("password=" + enc(params.get("passwd")));
                if (!params.getOrDefault("schema", "").isEmpty()) q.add("currentSchema=" + enc(params.get("schema")));
                if (!q.isEmpty()) u.append('?').append(String.join("&", q));
                yield u.toString();
            }
            default -> throw bad("dbtype must be geopkg or postgis");
        };
        // the store is opened and asked for a table now: a store that cannot be reached is refused, not published broken
        try (var probe = org.ecoplan.catalog.store.DataStores.open(url.startsWith("gpkg:")
                ? "gpkg:" + context.catalog().dataDir().resolve(url.substring(5))
                : url)) {
            probe.hasTable("ecoplan_probe");
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            String pw = params.getOrDefault("passwd", "");
            if (!pw.isEmpty()) why = why.replace(pw, "******").replace(enc(pw), "******");
            throw bad("The datastore cannot be opened: " + why.replaceAll("password=[^&\\s]*", "password=******"));
        }
        String yaml = "# created through the REST API\nid: " + name + "\nurl: " + quoted(url) + "\n";
        change(r, new DataDirectoryChange(context.catalog().dataDir()).write("layers/" + ws.name() + "/stores/" + name
                + ".yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        return OwsResponse.text(201, "text/plain; charset=UTF-8", name + "\n").withHeader("Location",
                base + "/workspaces/" + ws.name() + "/datastores/" + name);
    }

    /**
     * POST a featureType: a table of the store ({@code nativeName}, else {@code name}) published as a
     * layer, its columns, geometry and SRID as the store describes them ({@code srs} must agree: no
     * reprojection is declared here), with a plain style; refused when the table has no {@code fid}.
     */
    private OwsResponse publishFeatureType(OwsRequest r, org.ecoplan.catalog.config.StoreConfig store, String base) {
        JsonNode f = json(r).path("featureType");
        String name = f.path("name").asText(null);
        String table = f.path("nativeName").asText(name);
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw bad("A feature type name is an ASCII letter or _ then letters, digits or _");
        }
        if (table == null || !table.matches("[A-Za-z_][A-Za-z0-9_]{0,62}"))
            throw bad("nativeName must be a table name");
        String ws = store.workspace();
        if (context.catalog().layer(ws, name).isPresent() || context.catalog().group(ws, name).isPresent()) {
            throw new ServiceException("Conflict", null, "Layer " + ws + ":" + name + " exists", 409);
        }
        var d = context.stores().get(store.qualifiedName()).describe(table).orElseThrow(() -> bad("Datastore "
                + store.qualifiedName() + " has no table '" + table + "' with a fid key"));
        String srs = f.path("srs").asText(null);
        String crs;
        if (d.geometryColumn() == null) {
            crs = null;
        } else if (d.srid() > 0) {
            crs = "EPSG:" + d.srid();
            if (srs != null
                    && !org.ecoplan.catalog.crs.CrsRegistry.decode(srs).map(x -> x.epsg() == d.srid()).orElse(false)) {
                throw bad("Table " + table + " is in " + crs + ", not " + srs
                        + " (no reprojection is declared on publishing)");
            }
        } else if (srs != null && org.ecoplan.catalog.crs.CrsRegistry.decode(srs).isPresent()) {
            crs = srs;
        } else {
            throw bad("Table " + table + " declares no SRID: give srs");
        }
        DataDirectoryChange change = new DataDirectoryChange(context.catalog().dataDir());
        publishTable(change, r, ws, store.id(), store.qualifiedName(), name, f.path("title").asText(name),
                f.path("abstract").asText(""), d, crs);
        change(r, change);
        return OwsResponse.text(201, "text/plain; charset=UTF-8", name + "\n").withHeader("Location",
                base + "/workspaces/" + ws + "/datastores/" + store.id() + "/featuretypes/" + name);
    }

    /** A layer file (and a plain style) publishing a described table of a store, added to a change. */
    private void publishTable(DataDirectoryChange change, OwsRequest r, String ws, String storeId, String storeName,
            String name, String title, String abs, org.ecoplan.catalog.store.TableDescription d, String crs) {
        StringBuilder y = new StringBuilder("# published through the REST API by " + r.caller().name() + ", "
                + java.time.LocalDate.now() + "\n");
        y.append("id: ").append(name).append("\ntitle: {zh: ").append(quoted(title)).append(", en: ")
                .append(quoted(title))
                .append("}\nabstract: {zh: ").append(quoted(abs.isBlank() ? title : abs)).append(", en: ")
                .append(quoted(abs.isBlank() ? title : abs)).append("}\nstore: ").append(storeId).append("\ntable: ")
                .append(d.table()).append("\n");
        if (crs == null) {
            y.append("geometry: {type: none}\n");
        } else {
            y.append("geometry: {type: ").append(d.geometryType().sfName()).append(", crs: ").append(crs)
                    .append(", column: ").append(d.geometryColumn()).append("}\n");
        }
        y.append("attributes:\n");
        for (var c : d.columns()) {
            if (!c.name().matches("[A-Za-z_][A-Za-z0-9_]*"))
                throw bad("Column '" + c.name() + "' is not an ASCII name");
            y.append("  - {name: ").append(c.name()).append(", type: ").append(c.type().name().toLowerCase(Locale.ROOT))
                    .append(", alias: {zh: ").append(c.name()).append(", en: ").append(c.name()).append("}}\n");
        }
        if (d.columns().isEmpty()) y.setLength(y.length() - 1);
        if (d.columns().isEmpty()) y.append(" []\n");
        if (crs != null) y.append("styles: {default: ").append(name).append("}\n");
        y.append("queryable: true\nmetadata:\n  source: ").append(quoted("table " + d.table() + " of datastore "
                + storeName + ", published through the REST API")).append("\n")
                .append("  licence: \"未明确 / not stated\"\n  attribution: \"未明确 / not stated\"\n")
                .append("  schematic: false\n  confidence: \"未明确\"\n");
        change.write("layers/" + ws + "/" + name + ".yaml", y.toString().getBytes(StandardCharsets.UTF_8));
        if (crs != null && !Files.exists(context.catalog().dataDir().resolve("styles/" + ws + "/" + name + ".sld"))) {
            change.write("styles/" + ws + "/" + name + ".sld", PlainStyle.sld(name, d.geometryType())
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * An upload becomes a GeoPackage file of the replica that takes it; in a cluster (ECOPLAN_CLUSTER_DB)
     * the other replicas could not open it, so uploads are refused there rather than served by one.
     */
    private static void refuseInCluster(String what) {
        String cluster = org.ecoplan.ows.ServerSettings.setting("ECOPLAN_CLUSTER_DB", null);
        if (cluster != null && !cluster.isBlank()) {
            throw new ServiceException("Conflict", null, what + " upload would be a file of this replica only; in a "
                    + "cluster, load the data into PostGIS with the data-loader and publish its table "
                    + "(POST .../datastores/{ds}/featuretypes)", 409);
        }
    }

    /**
     * {@code PUT .../datastores/{ds}/file.gpkg} with a GeoPackage: kept as the new store's file, and
     * every feature table of it that has a {@code fid} key and a known SRID published as a layer.
     */
    private OwsResponse uploadGeoPackage(OwsRequest r, WorkspaceConfig ws, String ds, String base) {
        refuseInCluster("A GeoPackage");
        if (!NAME.matcher(ds).matches()) throw bad("A datastore name is a letter or _ then letters, digits, _ or -");
        if (context.catalog().store(ws.name(), ds).isPresent()) {
            throw new ServiceException("Conflict", null, "Datastore " + ws.name() + ":" + ds + " exists", 409);
        }
        byte[] magic = "SQLite format 3\u0000".getBytes(StandardCharsets.US_ASCII);
        if (r.body().length < 100 || !java.util.Arrays.equals(java.util.Arrays.copyOf(r.body(), 16), magic)) {
            throw bad("The upload is not a GeoPackage (no SQLite header)");
        }
        String file = "data/" + ws.name() + "/uploads/" + ds + ".gpkg";
        DataDirectoryChange change = new DataDirectoryChange(context.catalog().dataDir()).write(file, r.body())
                .write("layers/" + ws.name() + "/stores/" + ds + ".yaml", ("# created by a GeoPackage upload\nid: " + ds
                        + "\nurl: gpkg:" + file + "\n").getBytes(StandardCharsets.UTF_8));
        List<String> published = new ArrayList<>();
        Path tmp = null;
        try {
            tmp = Files.createTempFile("ecoplan-upload-", ".gpkg");
            Files.write(tmp, r.body());
            try (var store = org.ecoplan.catalog.store.DataStores.open("gpkg:" + tmp)) {
                for (String table : store.featureTables()) {
                    var d = store.describe(table);
                    if (d.isEmpty() || !table.matches("[A-Za-z_][A-Za-z0-9_]{0,62}") || d.get().srid() <= 0) continue;
                    if (context.catalog().layer(ws.name(), table).isPresent()
                            || context.catalog().group(ws.name(), table).isPresent()) {
                        throw new ServiceException("Conflict", null, "Layer " + ws.name() + ":" + table + " exists",
                                409);
                    }
                    publishTable(change, r, ws.name(), ds, ws.name() + ":" + ds, table, table, "", d.get(),
                            "EPSG:" + d.get().srid());
                    published.add(table);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (org.ecoplan.catalog.store.StoreException e) {
            throw bad("The GeoPackage cannot be read: " + e.getMessage().replace(String.valueOf(tmp), "upload"));
        } finally {
            if (tmp != null) tmp.toFile().delete();
        }
        if (published.isEmpty()) throw bad("The GeoPackage has no feature table with a fid key and an SRID to publish");
        change(r, change);
        return OwsResponse.text(201, "text/plain; charset=UTF-8", String.join("\n", published) + "\n")
                .withHeader("Location", base + "/workspaces/" + ws.name() + "/datastores/" + ds);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private OwsResponse deleteDatastore(OwsRequest r, org.ecoplan.catalog.config.StoreConfig s) {
        List<LayerConfig> using = context.catalog().layers().stream()
                .filter(l -> l.workspace().equals(s.workspace()) && s.id().equals(l.store())).toList();
        if (!using.isEmpty() && !"true".equalsIgnoreCase(r.params().value("recurse"))) {
            throw new ServiceException("Forbidden", null, "Datastore " + s.qualifiedName() + " has feature types "
                    + using.stream().map(LayerConfig::id).toList() + " (recurse=true removes them too)", 403);
        }
        Path dataDir = context.catalog().dataDir().toAbsolutePath().normalize();
        DataDirectoryChange change = new DataDirectoryChange(dataDir);
        change.remove(dataDir.relativize(s.location().file().toAbsolutePath().normalize()).toString())
                .remove("data/" + s.workspace() + "/uploads/" + s.id());
        // a store made by an upload takes its file with it; a store naming a file of its own keeps it
        for (String made : List.of("data/" + s.workspace() + "/uploads/" + s.id() + ".gpkg",
                "var/uploads/" + s.workspace() + "/" + s.id() + ".gpkg")) {
            if (s.url().equals("gpkg:" + made)) change.remove(made);
        }
        for (LayerConfig l : using) {
            change.remove(dataDir.relativize(l.location().file().toAbsolutePath().normalize()).toString());
        }
        change(r, change);
        return OwsResponse.text(200, "text/plain; charset=UTF-8", "");
    }

    /**
     * {@code PUT .../datastores/{ds}/file.shp[?charset=GBK]} with a zipped Shapefile: the store
     * (a GeoPackage under {@code var/uploads/}, made if new), the layer (its name, geometry type,
     * CRS and attributes from the files), a plain style for it and the upload itself (its source,
     * for the loader) are written; its features are loaded into the store; the reload publishes
     * it. Any failure leaves nothing: the files are put back, a new GeoPackage removed.
     */
    private OwsResponse uploadShapefile(OwsRequest r, WorkspaceConfig ws, String ds, String base) {
        refuseInCluster("A Shapefile");
        if (!NAME.matcher(ds).matches()) throw bad("A datastore name is a letter or _ then letters, digits, _ or -");
        if (r.body().length == 0) throw bad("Send the zipped Shapefile as the body");
        var existing = context.catalog().store(ws.name(), ds);
        // an upload writes only into a store an upload made: never into a file other layers are read from
        if (existing.isPresent()
                && !existing.get().url().equals("gpkg:var/uploads/" + ws.name() + "/" + ds + ".gpkg")) {
            throw new ServiceException("Conflict", null, "Datastore " + ws.name() + ":" + ds + " was not made by an "
                    + "upload; upload into a new datastore", 409);
        }
        ShapefilePublication pub;
        Path tmp = null;
        try {
            tmp = Files.createTempFile("ecoplan-upload-", ".zip");
            Files.write(tmp, r.body());
            pub = ShapefilePublication.read(tmp, r.params().value("charset"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (tmp != null) tmp.toFile().delete();
        }
        String id = pub.name();
        if (context.catalog().layer(ws.name(), id).isPresent() || context.catalog().group(ws.name(), id).isPresent()) {
            throw new ServiceException("Conflict", null, "Layer " + ws.name() + ":" + id + " exists", 409);
        }
        if (existing.isPresent() && context.stores().get(existing.get().qualifiedName()).hasTable(id)) {
            throw new ServiceException("Conflict", null, "Datastore " + ws.name() + ":" + ds + " has a table " + id
                    + " already", 409);
        }
        String storeFile = "var/uploads/" + ws.name() + "/" + ds + ".gpkg";
        String upload = "data/" + ws.name() + "/uploads/" + ds + "/" + id + ".zip";
        String charset = r.params().value("charset");
        StringBuilder y = new StringBuilder("# published through the REST API (upload of " + id + ".zip by "
                + r.caller().name() + ", " + java.time.LocalDate.now() + ")\n");
        y.append("id: ").append(id).append("\ntitle: {zh: ").append(quoted(id)).append(", en: ").append(quoted(id))
                .append("}\nabstract: {zh: \"上传的数据，未附说明\", en: \"Uploaded data, no description given\"}\n")
                .append("store: ").append(ds).append("\ngeometry: {type: ").append(pub.type().sfName())
                .append(", crs: ")
                .append(pub.crs()).append("}\nsource: {file: ").append(upload).append(", format: shapefile")
                .append(charset == null ? "" : ", encoding: " + quoted(charset)).append("}\nattributes:\n");
        for (var f : pub.fields().entrySet()) {
            y.append("  - {name: ").append(f.getKey()).append(", type: ")
                    .append(f.getValue().name().toLowerCase(Locale.ROOT)).append(", alias: {zh: ").append(f.getKey())
                    .append(", en: ").append(f.getKey()).append("}}\n");
        }
        y.append("styles: {default: ").append(id).append("}\nqueryable: true\nmetadata:\n")
                .append("  source: ").append(quoted("uploaded through the REST API as " + id + ".zip")).append("\n")
                .append("  licence: \"未明确 / not stated by the uploader\"\n")
                .append("  attribution: \"未明确 / not stated by the uploader\"\n")
                .append("  schematic: false\n  confidence: \"未明确\"\n");
        DataDirectoryChange change = new DataDirectoryChange(context.catalog().dataDir())
                .write(upload, r.body())
                .write("layers/" + ws.name() + "/" + id + ".yaml", y.toString().getBytes(StandardCharsets.UTF_8));
        if (!Files.exists(context.catalog().dataDir().resolve("styles/" + ws.name() + "/" + id + ".sld"))) {
            change.write("styles/" + ws.name() + "/" + id + ".sld", PlainStyle.sld(id, pub.type())
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (existing.isEmpty()) {
            change.write("layers/" + ws.name() + "/stores/" + ds + ".yaml",
                    ("# created by a Shapefile upload\nid: " + ds
                            + "\nurl: gpkg:" + storeFile + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path dataDir = context.catalog().dataDir();
        String version = Authenticator.sha256(new String(r.body(), StandardCharsets.ISO_8859_1));
        change.beforeReload(() -> load(dataDir, ws.name(), id, pub, version), existing.isEmpty() ? storeFile : null);
        change(r, change);
        return OwsResponse.text(201, "text/plain; charset=UTF-8", id + "\n").withHeader("Location",
                base + "/workspaces/" + ws.name() + "/datastores/" + ds + "/featuretypes/" + id);
    }

    /** Writes an upload's features into its store, in one transaction, as the layer now configured reads them. */
    private static void load(Path dataDir, String ws, String id, ShapefilePublication pub, String version) {
        Catalog next = org.ecoplan.catalog.config.CatalogLoader.load(dataDir, List.of(ws));
        LayerConfig l = next.layer(ws, id).orElseThrow();
        var store = next.store(ws, l.store()).orElseThrow();
        String url = ServerContext.resolve(store, dataDir);
        try {
            Files.createDirectories(dataDir.resolve(store.url().substring(5)).toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (var ds = org.ecoplan.catalog.store.DataStores.open(url);
                var writer = ds.writer()) {
            writer.replaceTable(l.featureType(), l.table(), pub.features().iterator(), version, n -> {});
            writer.commit();
        }
    }

    private static OwsResponse group(LayerGroupConfig g, String base, boolean xml) {
        List<Object> published = new ArrayList<>();
        for (String id : g.layers()) {
            published.add(map("@type", "layer", "name", g.workspace() + ":" + id, "href",
                    base + "/workspaces/" + g.workspace() + "/layers/" + id + ".json"));
        }
        return RestDocument.answer(200, map("layerGroup", map("name", g.id(), "mode", "SINGLE", "title",
                g.title().both(), "workspace", map("name", g.workspace()), "publishables",
                map("published", published))),
                xml);
    }

    /** POST a GeoServer layerGroup document: a group file of the workspace (SINGLE mode, layers of the workspace). */
    private OwsResponse createGroup(OwsRequest r, WorkspaceConfig ws, String base) {
        JsonNode g = json(r).path("layerGroup");
        String name = g.path("name").asText(null);
        if (name == null || !NAME.matcher(name).matches()) {
            throw bad("Expected {\"layerGroup\": {\"name\": …}} with a name of letters, digits, _ or -");
        }
        if (context.catalog().group(ws.name(), name).isPresent()
                || context.catalog().layer(ws.name(), name).isPresent()) {
            throw new ServiceException("Conflict", null, "'" + name + "' exists in " + ws.name(), 409);
        }
        List<String> layers = new ArrayList<>();
        JsonNode published = g.path("publishables").path("published");
        for (JsonNode p : published.isArray() ? published : List.of(published)) {
            String n = p.path("name").asText("");
            String id = n.startsWith(ws.name() + ":") ? n.substring(ws.name().length() + 1) : n;
            if (!NAME.matcher(id).matches())
                throw bad("Layer group member '" + shorten(n) + "' is not a layer of " + ws.name());
            layers.add(id);
        }
        if (layers.isEmpty()) throw bad("A layer group needs publishables.published layers");
        String title = g.path("title").asText(g.path("layerGroupTitle").asText(""));
        if (title.isBlank()) title = name;
        String yaml = "# created through the REST API\nid: " + name + "\ntitle: {zh: " + quoted(title) + ", en: "
                + quoted(title) + "}\nabstract: {zh: " + quoted(title) + ", en: " + quoted(title) + "}\nlayers: ["
                + String.join(", ", layers) + "]\n";
        change(r, new DataDirectoryChange(context.catalog().dataDir()).write("layers/" + ws.name() + "/groups/" + name
                + ".yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        return OwsResponse.text(201, "text/plain; charset=UTF-8", name + "\n").withHeader("Location",
                base + "/workspaces/" + ws.name() + "/layergroups/" + name);
    }

    private OwsResponse deleteGroup(OwsRequest r, LayerGroupConfig g) {
        Path dataDir = context.catalog().dataDir().toAbsolutePath().normalize();
        change(r, new DataDirectoryChange(dataDir).remove(dataDir.relativize(g.location().file().toAbsolutePath()
                .normalize()).toString()));
        return OwsResponse.text(200, "text/plain; charset=UTF-8", "");
    }

    private static String quoted(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private OwsResponse createWorkspace(OwsRequest r, String base) {
        JsonNode body = json(r);
        String name = body.path("workspace").path("name").asText(null);
        if (name == null) throw bad("Expected {\"workspace\": {\"name\": \"...\"}}");
        if (!NAME.matcher(name).matches()) {
            throw bad(
                    "A workspace name is a letter or _ then up to 63 letters, digits, _ or -: '" + shorten(name) + "'");
        }
        if (context.catalog().workspace(name).isPresent()
                || Files.exists(context.catalog().dataDir().resolve("layers").resolve(name))) {
            throw new ServiceException("Conflict", null, "Workspace '" + name + "' already exists", 409);
        }
        String yaml = "# created through the REST API\nname: " + name + "\nnamespaceUri: http://ecoplan.org/" + name
                + "\ntitle: {zh: \"" + name + "\", en: \"" + name + "\"}\nabstract: {zh: \"" + name + "\", en: \""
                + name
                + "\"}\ncrs: [EPSG:4490, CRS:84, EPSG:4326, EPSG:3857]\n";
        change(r, new DataDirectoryChange(context.catalog().dataDir()).write("layers/" + name + "/workspace.yaml",
                yaml.getBytes(StandardCharsets.UTF_8)));
        return OwsResponse.text(201, "text/plain; charset=UTF-8", name + "\n").withHeader("Location",
                base + "/workspaces/" + name);
    }

    private OwsResponse deleteWorkspace(OwsRequest r, WorkspaceConfig ws) {
        boolean recurse = "true".equalsIgnoreCase(r.params().value("recurse"));
        boolean empty = context.catalog().layers().stream().noneMatch(l -> l.workspace().equals(ws.name()))
                && context.catalog().groups().stream().noneMatch(g -> g.workspace().equals(ws.name()));
        if (!empty && !recurse) {
            throw new ServiceException("Forbidden", null,
                    "Workspace " + ws.name() + " is not empty (recurse=true removes"
                            + " its layers, groups, stores and styles too)",
                    403);
        }
        change(r, new DataDirectoryChange(context.catalog().dataDir()).remove("layers/" + ws.name())
                .remove("styles/" + ws.name()));
        return OwsResponse.text(200, "text/plain; charset=UTF-8", "");
    }

    private OwsResponse reload(OwsRequest r) {
        change(r, new DataDirectoryChange(context.catalog().dataDir()));
        return OwsResponse.text(200, "text/plain; charset=UTF-8", "");
    }

    /** Applies a change with a reload; its files are put back and the reason is a 400 when the catalog refuses it. */
    private void change(OwsRequest r, DataDirectoryChange change) {
        change(r, change, null);
    }

    /** @param what what changed where the path does not say it (a user, token or rule; never a secret) */
    private void change(OwsRequest r, DataDirectoryChange change, String what) {
        String who = r.caller().name();
        try {
            List<Map<String, String>> files = change
                    .apply(() -> context.component(EcoplanServer.Reloader.class).reload());
            audit.record(who, r.method(), r.path(), what, "applied", files);
        } catch (CatalogException e) {
            audit.record(who, r.method(), r.path(), what, "refused: " + e.errors().size() + " error(s)", List.of());
            throw bad("Refused; the catalog was not changed:\n" + e.getMessage());
        } catch (RuntimeException e) {
            audit.record(who, r.method(), r.path(), what, "refused: " + e.getClass().getSimpleName(), List.of());
            throw bad("Refused; the catalog was not changed: " + e.getMessage());
        }
    }

    /** The body as JSON or XML, read into one tree ({@link RestBody}). */
    private static JsonNode json(OwsRequest r) {
        return RestBody.read(r.body(), r.contentType());
    }

    private static String shorten(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }
}
