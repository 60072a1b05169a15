package org.ecoplan.catalog.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.GeometryDescriptor;
import org.ecoplan.catalog.GeometryType;
import org.ecoplan.catalog.Localized;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a data directory into a {@link Catalog}, checking everything it can and reporting every
 * error with file and line in one {@link CatalogException}:
 * <pre>
 * layers/global.yaml                  the global endpoints' identity, the default workspace
 * layers/&lt;ws&gt;/workspace.yaml           a workspace: name, namespace, identity, CRSs ({@link WorkspaceConfig})
 * layers/&lt;ws&gt;/&lt;layer&gt;.yaml             its layers
 * layers/&lt;ws&gt;/groups/&lt;group&gt;.yaml      its layer groups
 * layers/&lt;ws&gt;/stores/&lt;store&gt;.yaml      its stores
 * styles/&lt;ws&gt;/&lt;style&gt;.sld             its styles (else styles/&lt;style&gt;.sld, shared)
 * </pre>
 * Source files and GeoPackage paths are relative to the data directory. A workspace whose
 * {@code enabled} is false is not read unless it is asked for by name.
 */
public final class CatalogLoader {
    static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A workspace name: a URL path segment and an XML namespace prefix. */
    static final Pattern WORKSPACE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    /** First path segments the server answers itself; a workspace may not take them. */
    static final Set<String> RESERVED = Set.of("ows", "wms", "wfs", "wmts", "wcs", "tiles", "vtiles", "viewer",
            "health", "rest", "geoserver", "gwc", "ogcapi", "api", "metrics", "web", "index.html", "favicon.ico");
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(?::-([^}]*))?}");
    private static final Set<String> LAYER_KEYS = Set.of("id", "title", "abstract", "keywords", "store", "table",
            "geometry", "source", "attributes", "styles", "queryable", "metadata", "rules");
    private static final Set<String> ATTRIBUTE_KEYS = Set.of("name", "type", "required", "alias", "codes", "derive");
    private static final Set<String> DERIVED = Set.of("area_km2", "length_km");
    private static final Set<String> FORMATS = Set.of("geojson", "csv", "gpkg", "shapefile", "jzd", "kml");
    /** Positional confidence; 未明确 where nobody stated it (an upload's, until its owner says). */
    private static final Set<String> CONFIDENCE = Set.of("high", "medium", "low", "very low", "未明确");

    private final Path dataDir;
    private final Set<String> only;
    private String workspace;
    private final List<ConfigError> errors = new ArrayList<>();

    private CatalogLoader(Path dataDir, Collection<String> only) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.only = new LinkedHashSet<>(only);
    }

    /** Loads and validates every enabled workspace of a data directory; throws {@link CatalogException} listing every error. */
    public static Catalog load(Path dataDir, CatalogCheck... checks) {
        return load(dataDir, List.of(), checks);
    }

    /**
     * Loads the named workspaces of a data directory, enabled or not (every enabled one when the
     * list is empty).
     */
    public static Catalog load(Path dataDir, Collection<String> workspaces, CatalogCheck... checks) {
        return new CatalogLoader(dataDir, workspaces).run(List.of(checks));
    }

    private Catalog run(List<CatalogCheck> checks) {
        Path layersDir = dataDir.resolve("layers");
        GlobalConfig global = readGlobal(layersDir.resolve("global.yaml"));
        for (Path f : yamlFiles(layersDir)) {
            if (!f.getFileName().toString().matches("global\\.ya?ml")) {
                errors.add(new ConfigError(new Location(f, 1),
                        "layer files belong in a workspace directory, layers/<workspace>/ (with its workspace.yaml)"));
            }
        }
        List<WorkspaceConfig> workspaces = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, String> namespaces = new LinkedHashMap<>();
        for (Path dir : directories(layersDir)) {
            Path file = dir.resolve("workspace.yaml");
            if (!Files.isRegularFile(file)) {
                errors.add(new ConfigError(new Location(dir, 1), "a workspace directory needs its workspace.yaml"));
                continue;
            }
            ReadWorkspace w = readWorkspace(file, dir.getFileName().toString());
            if (w == null) continue;
            seen.add(w.config.name());
            if (!w.enabled && !only.contains(w.config.name())) continue;
            if (!only.isEmpty() && !only.contains(w.config.name())) continue;
            String other = namespaces.putIfAbsent(w.config.namespaceUri(), w.config.name());
            if (other != null) {
                errors.add(new ConfigError(w.config.location(), "namespaceUri " + w.config.namespaceUri()
                        + " is the namespace of workspace '" + other + "' already"));
            }
            workspaces.add(w.config);
        }
        for (String name : only) {
            if (!seen.contains(name)) {
                errors.add(new ConfigError(new Location(layersDir, 1), "no workspace '" + name + "' (layers/" + name
                        + "/workspace.yaml)"));
            }
        }
        if (global != null && global.defaultWorkspace() != null && only.isEmpty()
                && workspaces.stream().noneMatch(w -> w.name().equals(global.defaultWorkspace()))) {
            errors.add(new ConfigError(global.location(), "defaultWorkspace '" + global.defaultWorkspace()
                    + "' is not a served workspace"));
        }
        List<LayerConfig> layers = new ArrayList<>();
        List<LayerGroupConfig> groups = new ArrayList<>();
        List<StoreConfig> stores = new ArrayList<>();
        for (WorkspaceConfig w : workspaces) {
            workspace = w.name();
            Map<String, LayerConfig> wl = new TreeMap<>();
            Map<String, LayerGroupConfig> wg = new TreeMap<>();
            Map<String, StoreConfig> ws = new TreeMap<>();
            readWorkspaceFiles(layersDir.resolve(w.name()), wl, wg, ws);
            crossCheck(wl, wg, ws);
            if (w.planCheck() != null) checkPlanCheck(w.planCheck(), wl);
            layers.addAll(wl.values());
            groups.addAll(wg.values());
            stores.addAll(ws.values());
        }
        Catalog catalog = global == null ? null : new Catalog(dataDir, global, workspaces, layers, groups, stores);
        if (errors.isEmpty()) {
            for (CatalogCheck c : checks) errors.addAll(c.check(catalog));
        }
        if (!errors.isEmpty()) throw new CatalogException(errors);
        return catalog;
    }

    private record ReadWorkspace(WorkspaceConfig config, boolean enabled) {}

    private GlobalConfig readGlobal(Path file) {
        if (!Files.isRegularFile(file)) {
            errors.add(new ConfigError(new Location(file, 1),
                    "missing layers/global.yaml: the identity of the global endpoints (title, abstract, contact, crs)"));
            return null;
        }
        YamlNodes y = new YamlNodes(file, errors);
        MappingNode root = y.read();
        if (root == null) return null;
        Set<String> keys = new HashSet<>(ServicesReader.KEYS);
        keys.add("defaultWorkspace");
        Map<String, Node> m = y.map(root, "global settings", keys);
        ServicesConfig services = new ServicesReader(y).read(m, root);
        return new GlobalConfig(services, substituted(y.string(m, "defaultWorkspace", root, false)), y.at(root));
    }

    private ReadWorkspace readWorkspace(Path file, String dirName) {
        YamlNodes y = new YamlNodes(file, errors);
        MappingNode root = y.read();
        if (root == null) return null;
        Set<String> keys = new HashSet<>(ServicesReader.KEYS);
        keys.addAll(Set.of("name", "namespaceUri", "enabled", "viewer", "planPeriod", "planCheck"));
        Map<String, Node> m = y.map(root, "workspace", keys);
        String name = y.string(m, "name", root, true);
        String uri = y.string(m, "namespaceUri", root, true);
        String enabled = substituted(y.string(m, "enabled", root, false));
        if (enabled != null && !enabled.equalsIgnoreCase("true") && !enabled.equalsIgnoreCase("false")) {
            y.error(m.get("enabled"), "'enabled' must be true or false, not '" + enabled + "'");
        }
        String viewerGroup = null;
        if (m.containsKey("viewer")) {
            Map<String, Node> v = y.map(m.get("viewer"), "viewer", Set.of("group"));
            viewerGroup = y.string(v, "group", m.get("viewer"), false);
        }
        PlanPeriod period = m.containsKey("planPeriod") ? planPeriod(y, m.get("planPeriod")) : null;
        PlanCheckConfig planCheck = m.containsKey("planCheck") ? planCheck(y, m.get("planCheck")) : null;
        ServicesConfig services = new ServicesReader(y).read(m, root);
        if (name == null || uri == null) return null;
        if (!WORKSPACE_NAME.matcher(name).matches()) {
            y.error(m.get("name"),
                    "workspace name '" + name + "' must be ASCII: a letter or _ then letters, digits, _ or -");
            return null;
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            y.error(m.get("name"), "workspace name '" + name + "' is a path the server answers itself " + RESERVED);
            return null;
        }
        if (!name.equals(dirName))
            y.error(m.get("name"), "workspace name '" + name + "' must match its directory 'layers/" + dirName + "'");
        try {
            java.net.URI u = new java.net.URI(uri);
            if (!u.isAbsolute()) throw new java.net.URISyntaxException(uri, "not absolute");
        } catch (java.net.URISyntaxException e) {
            y.error(m.get("namespaceUri"), "namespaceUri must be an absolute URI, not '" + uri + "'");
        }
        return new ReadWorkspace(new WorkspaceConfig(name, uri, services, viewerGroup, period, planCheck, y.at(root)),
                enabled == null || enabled.equalsIgnoreCase("true"));
    }

    /**
     * {@code planCheck: {boundary: <layer>, layers: [{layer, role, report: [attributes]}], map: [layers]}};
     * the layers themselves are checked against the workspace's layers in {@link #checkPlanCheck}.
     */
    private static PlanCheckConfig planCheck(YamlNodes y, Node node) {
        Map<String, Node> p = y.map(node, "planCheck", Set.of("boundary", "layers", "map"));
        String boundary = y.string(p, "boundary", node, true);
        List<PlanCheckConfig.Entry> entries = new ArrayList<>();
        for (Node n : y.list(p, "layers")) {
            Map<String, Node> e = y.map(n, "planCheck layer", Set.of("layer", "role", "report"));
            String layer = y.string(e, "layer", n, true);
            String role = y.string(e, "role", n, true);
            var r = role == null ? java.util.Optional.<PlanCheckConfig.Role>empty() : PlanCheckConfig.Role.of(role);
            if (role != null && r.isEmpty()) {
                y.error(e.get("role"),
                        "planCheck role must be one of zones, keyAreas, projects, problems, pattern, not '"
                                + role + "'");
            }
            if (layer != null && r.isPresent())
                entries.add(new PlanCheckConfig.Entry(layer, r.get(), y.strings(e, "report"),
                        y.at(n)));
        }
        if (entries.isEmpty() && !p.containsKey("layers")) y.error(node, "planCheck: missing 'layers'");
        return boundary == null ? null : new PlanCheckConfig(boundary, entries, y.strings(p, "map"), y.at(node));
    }

    /** {@code planPeriod: {start: 2021, end: 2035}}: two years, the start not after the end. */
    private static PlanPeriod planPeriod(YamlNodes y, Node node) {
        Map<String, Node> p = y.map(node, "planPeriod", Set.of("start", "end"));
        Integer start = year(y, p, "start", node);
        Integer end = year(y, p, "end", node);
        if (start == null || end == null) return null;
        if (start > end) {
            y.error(node, "planPeriod starts (" + start + ") after it ends (" + end + ")");
            return null;
        }
        return new PlanPeriod(start, end);
    }

    private static Integer year(YamlNodes y, Map<String, Node> p, String key, Node owner) {
        String v = y.string(p, key, owner, true);
        if (v == null) return null;
        if (!v.matches("\\d{4}")) {
            y.error(p.get(key), "planPeriod " + key + " must be a year such as 2021, not '" + v + "'");
            return null;
        }
        return Integer.parseInt(v);
    }

    private void readWorkspaceFiles(Path dir, Map<String, LayerConfig> layers, Map<String, LayerGroupConfig> groups,
            Map<String, StoreConfig> stores) {
        Map<String, Location> ids = new LinkedHashMap<>();
        for (Path f : yamlFiles(dir.resolve("stores"))) {
            StoreConfig s = readStore(f);
            if (s != null && stores.putIfAbsent(s.id(), s) != null) {
                errors.add(new ConfigError(s.location(),
                        "duplicate store id '" + s.id() + "' (also in " + stores.get(s.id()).location() + ")"));
            }
        }
        for (Path f : yamlFiles(dir)) {
            if (f.getFileName().toString().matches("workspace\\.ya?ml")) continue;
            LayerConfig l = readLayer(f);
            if (l == null) continue;
            if (ids.putIfAbsent(l.id(), l.location()) != null) {
                errors.add(new ConfigError(l.location(),
                        "duplicate layer id '" + l.id() + "' (also in " + ids.get(l.id()) + ")"));
                continue;
            }
            layers.put(l.id(), l);
        }
        for (Path f : yamlFiles(dir.resolve("groups"))) {
            LayerGroupConfig g = readGroup(f);
            if (g == null) continue;
            if (ids.putIfAbsent(g.id(), g.location()) != null) {
                errors.add(new ConfigError(g.location(),
                        "duplicate id '" + g.id() + "' (also in " + ids.get(g.id()) + ")"));
                continue;
            }
            groups.put(g.id(), g);
        }
    }

    private List<Path> directories(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            errors.add(new ConfigError(new Location(dir, 1), "cannot list directory: " + e.getMessage()));
            return List.of();
        }
    }

    /** A value with ${NAME:-default} replaced; empty counts as absent. */
    static String substituted(String value) {
        if (value == null) return null;
        String v = substitute(value).strip();
        return v.isEmpty() ? null : v;
    }

    private List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().matches(".*\\.ya?ml")).sorted()
                    .toList();
        } catch (IOException e) {
            errors.add(new ConfigError(new Location(dir, 1), "cannot list directory: " + e.getMessage()));
            return List.of();
        }
    }

    private String idFrom(YamlNodes y, Map<String, Node> m, Node root, Path f) {
        String id = y.string(m, "id", root, true);
        if (id == null) return null;
        if (!ID.matcher(id).matches()) {
            y.error(m.get("id"), "id '" + id + "' must be ASCII: a letter or _ then letters, digits or _");
            return null;
        }
        String stem = f.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!stem.equals(id)) y.error(m.get("id"), "id '" + id + "' must match the file name '" + stem + "'");
        return id;
    }

    private StoreConfig readStore(Path f) {
        YamlNodes y = new YamlNodes(f, errors);
        MappingNode root = y.read();
        if (root == null) return null;
        Map<String, Node> m = y.map(root, "store", Set.of("id", "url"));
        String id = idFrom(y, m, root, f);
        String url = y.string(m, "url", root, true);
        if (id == null || url == null) return null;
        return new StoreConfig(workspace, id, substitute(url), y.at(root));
    }

    /** Replaces ${NAME:-default} by the system property or environment variable NAME. */
    static String substitute(String text) {
        Matcher m = ENV.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = System.getProperty(m.group(1), System.getenv(m.group(1)));
            if (v == null || v.isEmpty()) v = m.group(2) == null ? "" : m.group(2);
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private LayerGroupConfig readGroup(Path f) {
        YamlNodes y = new YamlNodes(f, errors);
        MappingNode root = y.read();
        if (root == null) return null;
        Map<String, Node> m = y.map(root, "layer group", Set.of("id", "title", "abstract", "keywords", "layers"));
        String id = idFrom(y, m, root, f);
        Localized title = y.localized(m, "title", root, true);
        Localized abs = y.localized(m, "abstract", root, false);
        List<String> layers = y.strings(m, "layers");
        if (layers.isEmpty()) y.error(root, "a layer group needs 'layers'");
        if (id == null) return null;
        return new LayerGroupConfig(workspace, id, title, abs, y.strings(m, "keywords"), layers, y.at(root));
    }

    private LayerConfig readLayer(Path f) {
        YamlNodes y = new YamlNodes(f, errors);
        MappingNode root = y.read();
        if (root == null) return null;
        Map<String, Node> m = y.map(root, "layer", LAYER_KEYS);
        String id = idFrom(y, m, root, f);
        Localized title = y.localized(m, "title", root, true);
        Localized abs = y.localized(m, "abstract", root, true);
        List<String> keywords = y.strings(m, "keywords");
        String store = y.string(m, "store", root, true);
        String table = y.string(m, "table", root, false);
        if (table == null) table = id;
        else
            if (!ID.matcher(table).matches())
                y.error(m.get("table"), "table '" + table + "' must be an ASCII identifier");

        GeometryDescriptor geometry = readGeometry(y, m, root);
        List<AttributeDescriptor> attributes = readAttributes(y, m, geometry);
        SourceConfig source = readSource(y, m);
        StyleRefs styles = readStyles(y, m, root, geometry);
        boolean queryable = y.bool(m, "queryable", true);
        LayerMetadata metadata = readMetadata(y, m, root);
        List<RuleConfig> rules = new ArrayList<>();
        for (Node r : y.list(m, "rules")) {
            Map<String, Object> p = y.scalars(r, "rule");
            Object kind = p.remove("rule");
            if (kind == null || !RuleConfig.KNOWN.contains(kind.toString())) {
                y.error(r, "rule must be one of " + new java.util.TreeSet<>(RuleConfig.KNOWN) + ", not '" + kind + "'");
                continue;
            }
            rules.add(new RuleConfig(kind.toString(), p, y.at(r)));
        }
        if (id == null) return null;
        FeatureType type = new FeatureType(id, attributes, geometry);
        return new LayerConfig(workspace, id, title, abs, keywords, store, table, type, source, styles, queryable,
                metadata,
                rules, y.at(root));
    }

    private GeometryDescriptor readGeometry(YamlNodes y, Map<String, Node> m, Node root) {
        Node g = m.get("geometry");
        if (g == null) {
            y.error(root, "missing 'geometry' (type and crs, or 'type: none' for a table)");
            return null;
        }
        Map<String, Node> gm = y.map(g, "geometry", Set.of("type", "crs", "column"));
        String typeWord = y.string(gm, "type", g, true);
        if (typeWord == null || typeWord.equalsIgnoreCase("none")) return null;
        GeometryType type = GeometryType.fromConfig(typeWord);
        if (type == null) y.error(gm.get("type"), "unknown geometry type '" + typeWord + "'");
        String crsName = y.string(gm, "crs", g, true);
        Crs crs = null;
        if (crsName != null) {
            crs = CrsRegistry.decode(crsName).orElse(null);
            if (crs == null) y.error(gm.get("crs"), "unknown CRS '" + crsName + "'");
        }
        String column = y.string(gm, "column", g, false);
        if (column == null) column = GeometryDescriptor.DEFAULT_NAME;
        return type == null || crs == null ? null : new GeometryDescriptor(column, type, crs);
    }

    private List<AttributeDescriptor> readAttributes(YamlNodes y, Map<String, Node> m, GeometryDescriptor geometry) {
        List<AttributeDescriptor> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node a : y.list(m, "attributes")) {
            Map<String, Node> am = y.map(a, "attribute", ATTRIBUTE_KEYS);
            String name = y.string(am, "name", a, true);
            String typeWord = y.string(am, "type", a, true);
            AttributeType type = AttributeType.fromConfig(typeWord);
            if (typeWord != null && type == null)
                y.error(am.get("type"),
                        "unknown attribute type '" + typeWord + "' (string, integer, double, boolean, date)");
            if (name == null) continue;
            if (!ID.matcher(name).matches() || name.equalsIgnoreCase("fid")) {
                y.error(am.get("name"), "attribute name '" + name + "' must be an ASCII identifier other than fid");
                continue;
            }
            if (!seen.add(name) || (geometry != null && geometry.name().equals(name))) {
                y.error(am.get("name"), "duplicate attribute '" + name + "'");
                continue;
            }
            String derive = y.string(am, "derive", a, false);
            if (derive != null && !DERIVED.contains(derive))
                y.error(am.get("derive"), "unknown derive '" + derive + "' (" + DERIVED + ")");
            if (derive != null && type != AttributeType.DOUBLE)
                y.error(am.get("derive"), "a derived attribute must be of type double");
            Localized alias = y.localized(am, "alias", a, true);
            if (type != null) {
                out.add(new AttributeDescriptor(name, type, y.bool(am, "required", false), alias,
                        y.strings(am, "codes"), derive));
            }
        }
        return out;
    }

    private SourceConfig readSource(YamlNodes y, Map<String, Node> m) {
        Node s = m.get("source");
        if (s == null) return null;
        Map<String, Node> sm = y.map(s, "source", null);
        String file = y.string(sm, "file", s, true);
        String format = y.string(sm, "format", s, true);
        if (format != null && !FORMATS.contains(format))
            y.error(sm.get("format"), "unknown source format '" + format + "' " + FORMATS);
        String crs = y.string(sm, "crs", s, false);
        if (crs != null && CrsRegistry.decode(crs).isEmpty()) y.error(sm.get("crs"), "unknown CRS '" + crs + "'");
        Map<String, String> options = new LinkedHashMap<>();
        for (var e : sm.entrySet()) {
            if (Set.of("file", "format", "crs").contains(e.getKey())) continue;
            String v = y.string(sm, e.getKey(), s, false);
            if (v != null) options.put(e.getKey(), v);
        }
        if (file != null && !Files.isRegularFile(dataDir.resolve(file)))
            y.error(sm.get("file"), "source file '" + file + "' not found");
        return file == null || format == null ? null : new SourceConfig(file, format, crs, options);
    }

    private StyleRefs readStyles(YamlNodes y, Map<String, Node> m, Node root, GeometryDescriptor geometry) {
        Node s = m.get("styles");
        if (s == null) {
            if (geometry != null) y.error(root, "missing 'styles' (default and alternatives)");
            return new StyleRefs(null, List.of());
        }
        Map<String, Node> sm = y.map(s, "styles", Set.of("default", "alternatives"));
        String def = y.string(sm, "default", s, true);
        List<String> alternatives = y.strings(sm, "alternatives");
        for (String style : concat(def, alternatives)) {
            if (!ID.matcher(style).matches()) y.error(s, "style id '" + style + "' must be an ASCII identifier");
            else
                if (!Files.isRegularFile(dataDir.resolve("styles").resolve(workspace).resolve(style + ".sld"))
                        && !Files.isRegularFile(dataDir.resolve("styles").resolve(style + ".sld"))) {
                            y.error(s,
                                    "missing style: neither styles/" + workspace + "/" + style + ".sld nor styles/"
                                            + style
                                            + ".sld exists");
                        }
        }
        return new StyleRefs(def, alternatives);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> l = new ArrayList<>();
        if (first != null) l.add(first);
        l.addAll(rest);
        return l;
    }

    private LayerMetadata readMetadata(YamlNodes y, Map<String, Node> m, Node root) {
        Node n = m.get("metadata");
        if (n == null) {
            y.error(root, "missing 'metadata' (source, licence, attribution, schematic, confidence, planSection)");
            return new LayerMetadata("", "", "", false, "", "");
        }
        Map<String, Node> mm = y.map(n, "metadata",
                Set.of("source", "licence", "attribution", "schematic", "confidence", "planSection"));
        String confidence = y.string(mm, "confidence", n, true);
        if (confidence != null && !CONFIDENCE.contains(confidence))
            y.error(mm.get("confidence"), "confidence must be one of " + CONFIDENCE);
        if (!mm.containsKey("schematic"))
            y.error(n, "missing 'schematic' (true when the geometry is drawn by the project)");
        return new LayerMetadata(y.string(mm, "source", n, true), y.string(mm, "licence", n, true),
                y.string(mm, "attribution", n, true), y.bool(mm, "schematic", false), confidence,
                y.string(mm, "planSection", n, false));
    }

    private void crossCheck(Map<String, LayerConfig> layers, Map<String, LayerGroupConfig> groups,
            Map<String, StoreConfig> stores) {
        for (LayerConfig l : layers.values()) {
            if (l.store() != null && !stores.containsKey(l.store())) {
                errors.add(new ConfigError(l.location(),
                        "unknown store '" + l.store() + "' (layers/stores/" + l.store() + ".yaml)"));
            }
            for (RuleConfig r : l.rules()) checkRule(l, r, layers);
        }
        for (LayerGroupConfig g : groups.values()) {
            for (String member : g.layers()) {
                if (!layers.containsKey(member) && !groups.containsKey(member)) {
                    errors.add(new ConfigError(g.location(),
                            "group '" + g.id() + "' names unknown layer '" + member + "'"));
                }
            }
            if (reaches(g.id(), g.id(), groups, 0))
                errors.add(new ConfigError(g.location(), "group '" + g.id() + "' contains itself"));
        }
    }

    /** Every layer the plan check names exists in the workspace, has geometry, and has the attributes it quotes. */
    private void checkPlanCheck(PlanCheckConfig pc, Map<String, LayerConfig> layers) {
        List<String> named = new ArrayList<>();
        named.add(pc.boundary());
        named.addAll(pc.map());
        for (String id : named) {
            LayerConfig l = layers.get(id);
            if (l == null) errors.add(new ConfigError(pc.location(), "planCheck names unknown layer '" + id + "'"));
        }
        LayerConfig boundary = layers.get(pc.boundary());
        if (boundary != null && !boundary.featureType().hasGeometry())
            errors.add(new ConfigError(pc.location(), "planCheck boundary '" + pc.boundary() + "' has no geometry"));
        Set<String> seen = new HashSet<>();
        for (PlanCheckConfig.Entry e : pc.layers()) {
            LayerConfig l = layers.get(e.layer());
            if (!seen.add(e.layer())) {
                errors.add(new ConfigError(e.location(), "planCheck lists layer '" + e.layer() + "' twice"));
            }
            if (l == null) {
                errors.add(new ConfigError(e.location(), "planCheck names unknown layer '" + e.layer() + "'"));
                continue;
            }
            if (!l.featureType().hasGeometry()) {
                errors.add(new ConfigError(e.location(), "planCheck layer '" + e.layer() + "' has no geometry"));
            }
            for (String a : e.report()) {
                if (l.featureType().attribute(a).isEmpty()) {
                    errors.add(new ConfigError(e.location(),
                            "planCheck: unknown attribute '" + a + "' of layer " + e.layer()));
                }
            }
        }
    }

    private boolean reaches(String from, String target, Map<String, LayerGroupConfig> groups, int depth) {
        LayerGroupConfig g = groups.get(from);
        if (g == null || depth > 20) return depth > 20;
        for (String child : g.layers()) {
            if (child.equals(target) || reaches(child, target, groups, depth + 1)) return true;
        }
        return false;
    }

    private void checkRule(LayerConfig l, RuleConfig r, Map<String, LayerConfig> layers) {
        String of = r.param("of");
        String attribute = r.param("attribute");
        boolean needsOf = !r.rule().equals("unique");
        if (needsOf && (of == null || !layers.containsKey(of))) {
            errors.add(new ConfigError(r.location(), "rule " + r.rule() + ": unknown layer 'of: " + of + "'"));
        }
        if ((r.rule().equals("matches") || r.rule().equals("unique"))
                && (attribute == null || l.featureType().attribute(attribute).isEmpty())) {
            errors.add(new ConfigError(r.location(),
                    "rule " + r.rule() + ": unknown attribute '" + attribute + "' of layer " + l.id()));
        }
        if (r.rule().equals("matches") && of != null && layers.containsKey(of)) {
            String ofAttribute = r.param("ofAttribute");
            if (ofAttribute == null || layers.get(of).featureType().attribute(ofAttribute).isEmpty()) {
                errors.add(new ConfigError(r.location(),
                        "rule matches: unknown attribute 'ofAttribute: " + ofAttribute + "' of layer " + of));
            }
        }
        if ((r.rule().equals("coverage") || r.rule().equals("within")) && l.featureType().geometry() == null) {
            errors.add(new ConfigError(r.location(), "rule " + r.rule() + " needs a layer with geometry"));
        }
    }
}
