package org.ecoplan.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
import org.ecoplan.catalog.config.StoreConfig;

/**
 * The validated, immutable workspace: layers, layer groups, stores and style files, as read by
 * {@link org.ecoplan.catalog.config.CatalogLoader}. Iteration order is id order.
 */
public final class Catalog {
    private final List<Path> roots;
    private final Map<String, LayerConfig> layers;
    private final Map<String, LayerGroupConfig> groups;
    private final Map<String, StoreConfig> stores;

    public Catalog(Path workspace, Map<String, LayerConfig> layers, Map<String, LayerGroupConfig> groups,
            Map<String, StoreConfig> stores) {
        this(List.of(workspace), layers, groups, stores);
    }

    public Catalog(List<Path> roots, Map<String, LayerConfig> layers, Map<String, LayerGroupConfig> groups,
            Map<String, StoreConfig> stores) {
        this.roots = List.copyOf(roots);
        this.layers = new LinkedHashMap<>(layers);
        this.groups = new LinkedHashMap<>(groups);
        this.stores = new LinkedHashMap<>(stores);
    }

    /** The first (main) workspace root. */
    public Path workspace() { return roots.get(0); }

    /** Every workspace root, main first. */
    public List<Path> roots() { return roots; }

    /** The workspace root a layer was declared in (its YAML is {@code <root>/layers/<id>.yaml}). */
    public static Path rootOf(LayerConfig layer) {
        return layer.location().file().toAbsolutePath().getParent().getParent();
    }

    public List<LayerConfig> layers() { return List.copyOf(layers.values()); }

    public List<LayerGroupConfig> groups() { return List.copyOf(groups.values()); }

    public List<StoreConfig> stores() { return List.copyOf(stores.values()); }

    public Optional<LayerConfig> layer(String id) { return Optional.ofNullable(layers.get(id)); }

    public Optional<LayerGroupConfig> group(String id) { return Optional.ofNullable(groups.get(id)); }

    public Optional<StoreConfig> store(String id) { return Optional.ofNullable(stores.get(id)); }

    /** The style file of a style id: {@code styles/<id>.sld} in the first workspace that has it. */
    public Path styleFile(String styleId) {
        for (Path root : roots) {
            Path p = root.resolve("styles").resolve(styleId + ".sld");
            if (java.nio.file.Files.isRegularFile(p)) return p;
        }
        return workspace().resolve("styles").resolve(styleId + ".sld");
    }

    /** The layers of a group, expanded through nested groups, bottom to top. */
    public List<LayerConfig> expand(String groupId) {
        List<LayerConfig> out = new ArrayList<>();
        expand(groupId, out, 0);
        return out;
    }

    private void expand(String id, List<LayerConfig> out, int depth) {
        if (depth > 10) return; // cycles are rejected at load; this only guards the recursion
        LayerConfig l = layers.get(id);
        if (l != null) {
            out.add(l);
            return;
        }
        LayerGroupConfig g = groups.get(id);
        if (g != null) for (String child : g.layers()) expand(child, out, depth + 1);
    }
}
