package org.ecoplan.catalog.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecoplan.catalog.Localized;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one YAML configuration file as a node tree that keeps line numbers, and reports every
 * problem (unknown key, wrong shape, missing value) into a shared error list instead of stopping
 * at the first one.
 */
final class YamlNodes {
    private final Path file;
    private final List<ConfigError> errors;

    YamlNodes(Path file, List<ConfigError> errors) {
        this.file = file;
        this.errors = errors;
    }

    /** The root mapping of the file, or null (with an error) if it cannot be read as one. */
    MappingNode read() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(1 << 20);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Node root = new Yaml(options).compose(r);
            if (root instanceof MappingNode m) return m;
            errors.add(new ConfigError(new Location(file, 1), "expected a YAML mapping at the top"));
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().replace('\n', ' ');
            errors.add(new ConfigError(new Location(file, lineOf(e)), "cannot parse YAML: " + msg));
        }
        return null;
    }

    private static int lineOf(Exception e) {
        if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
            return m.getProblemMark().getLine() + 1;
        }
        return 1;
    }

    Location at(Node n) {
        return new Location(file, n == null ? 1 : n.getStartMark().getLine() + 1);
    }

    void error(Node n, String message) {
        errors.add(new ConfigError(at(n), message));
    }

    Map<String, Node> map(Node n, String what, Set<String> allowedKeys) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (!(n instanceof MappingNode m)) {
            error(n, what + ": expected a mapping");
            return out;
        }
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                error(t.getKeyNode(), what + ": keys must be plain words");
                continue;
            }
            if (allowedKeys != null && !allowedKeys.contains(k.getValue())) {
                error(k, what + ": unknown key '" + k.getValue() + "' (allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowedKeys)) + ")");
                continue;
            }
            out.put(k.getValue(), t.getValueNode());
        }
        return out;
    }

    String string(Map<String, Node> m, String key, Node owner, boolean required) {
        Node n = m.get(key);
        if (n == null) {
            if (required) error(owner, "missing '" + key + "'");
            return null;
        }
        if (n instanceof ScalarNode s) return s.getValue();
        error(n, "'" + key + "' must be a single value");
        return null;
    }

    boolean bool(Map<String, Node> m, String key, boolean fallback) {
        String v = string(m, key, null, false);
        if (v == null) return fallback;
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        error(m.get(key), "'" + key + "' must be true or false, not '" + v + "'");
        return fallback;
    }

    List<String> strings(Map<String, Node> m, String key) {
        Node n = m.get(key);
        List<String> out = new ArrayList<>();
        if (n == null) return out;
        if (!(n instanceof SequenceNode s)) {
            error(n, "'" + key + "' must be a list");
            return out;
        }
        for (Node item : s.getValue()) {
            if (item instanceof ScalarNode sc) out.add(sc.getValue());
            else error(item, "'" + key + "' items must be single values");
        }
        return out;
    }

    List<Node> list(Map<String, Node> m, String key) {
        Node n = m.get(key);
        if (n == null) return List.of();
        if (n instanceof SequenceNode s) return s.getValue();
        error(n, "'" + key + "' must be a list");
        return List.of();
    }

    Localized localized(Map<String, Node> m, String key, Node owner, boolean required) {
        Node n = m.get(key);
        if (n == null) {
            if (required) error(owner, "missing '" + key + "' (with zh and en)");
            return Localized.EMPTY;
        }
        Map<String, Node> l = map(n, key, Set.of("zh", "en"));
        String zh = string(l, "zh", n, required);
        String en = string(l, "en", n, required);
        return new Localized(zh == null ? "" : zh.strip(), en == null ? "" : en.strip());
    }

    /** A mapping of plain values (numbers as Double, the rest as String). */
    Map<String, Object> scalars(Node n, String what) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : map(n, what, null).entrySet()) {
            if (e.getValue() instanceof ScalarNode s) {
                String v = s.getValue();
                Object value = v;
                try {
                    value = Double.parseDouble(v);
                } catch (NumberFormatException ignored) {
                    // not a number: keep the text
                }
                out.put(e.getKey(), value);
            } else {
                error(e.getValue(), what + ": '" + e.getKey() + "' must be a single value");
            }
        }
        return out;
    }
}
