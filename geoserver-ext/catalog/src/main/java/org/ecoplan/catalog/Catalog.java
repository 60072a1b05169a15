package org.ecoplan.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ecoplan.catalog.config.GlobalConfig;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
import org.ecoplan.catalog.config.StoreConfig;
import org.ecoplan.catalog.config.WorkspaceConfig;

/**
 * The validated, immutable catalog of a data directory, as read by
 * {@link org.ecoplan.catalog.config.CatalogLoader}: the global settings and the served workspaces,
 * each with its layers, layer groups and stores, which are kept under their qualified names
 * ({@code workspace:id}). Iteration order is workspace order, then id order.
 */
public final class Catalog {
    private final Path dataDir;
    private final GlobalConfig global;
    private final Map<String, WorkspaceConfig> workspaces;
    private final Map<String, LayerConfig> layers = new LinkedHashMap<>();
    private final Map<String, LayerGroupConfig> groups = new LinkedHashMap<>();
    private final Map<String, StoreConfig> stores = new LinkedHashMap<>();
    private final Map<String, CatalogView> views = new ConcurrentHashMap<>();
    private final CatalogView globalView;

    public Catalog(Path dataDir, GlobalConfig global, List<WorkspaceConfig> workspaces, List<LayerConfig> layers,
            List<LayerGroupConfig> groups, List<StoreConfig> stores) {
        this.dataDir = dataDir;
        this.global = global;
        Map<String, WorkspaceConfig> ws = new LinkedHashMap<>();
        for (WorkspaceConfig w : workspaces) ws.put(w.name(), w);
        this.workspaces = ws;
        for (WorkspaceConfig w : workspaces) {
            for (LayerConfig l : layers) if (l.workspace().equals(w.name())) this.layers.put(l.qualifiedName(), l);
            for (LayerGroupConfig g : groups) if (g.workspace().equals(w.name())) this.groups.put(g.qualifiedName(), g);
            for (StoreConfig s : stores) if (s.workspace().equals(w.name())) this.stores.put(s.qualifiedName(), s);
        }
        this.globalView = new CatalogView(this, null);
    }

    /** The data directory: relative source files and GeoPackage paths resolve against it. */
    public Path dataDir() {
        return dataDir;
    }

    public GlobalConfig global() { return global; }

    public List<WorkspaceConfig> workspaces() { return List.copyOf(workspaces.values()); }

    public Optional<WorkspaceConfig> workspace(String name) {
        return Optional.ofNullable(name == null ? null : workspaces.get(name));
    }

    /** The workspace a layer, group or store belongs to. */
    public WorkspaceConfig workspaceOf(String workspace) {
        WorkspaceConfig w = workspaces.get(workspace);
        if (w == null) throw new IllegalArgumentException("no workspace '" + workspace + "'");
        return w;
    }

    public List<LayerConfig> layers() { return List.copyOf(layers.values()); }

    public List<LayerGroupConfig> groups() { return List.copyOf(groups.values()); }

    public List<StoreConfig> stores() { return List.copyOf(stores.values()); }

    /** A layer by its qualified name ("workspace:id"). */
    public Optional<LayerConfig> layer(String qualifiedName) {
        return Optional.ofNullable(layers.get(qualifiedName));
    }

    public Optional<LayerConfig> layer(String workspace, String id) { return layer(workspace + ":" + id); }

    /** A layer group by its qualified name. */
    public Optional<LayerGroupConfig> group(String qualifiedName) {
        return Optional.ofNullable(groups.get(qualifiedName));
    }

    public Optional<LayerGroupConfig> group(String workspace, String id) { return group(workspace + ":" + id); }

    public Optional<StoreConfig> store(String workspace, String id) {
        return Optional.ofNullable(stores.get(workspace + ":" + id));
    }

    /**
     * The file of a style of a workspace: {@code styles/<workspace>/<id>.sld}, else the global
     * {@code styles/<id>.sld} (GeoServer's workspace and global styles).
     */
    public Path styleFile(String workspace, String styleId) {
        Path own = dataDir.resolve("styles").resolve(workspace).resolve(styleId + ".sld");
        if (Files.isRegularFile(own)) return own;
        Path shared = dataDir.resolve("styles").resolve(styleId + ".sld");
        return Files.isRegularFile(shared) ? shared : own;
    }

    /** The layers of a group, expanded through nested groups, bottom to top. */
    public List<LayerConfig> expand(LayerGroupConfig group) {
        List<LayerConfig> out = new ArrayList<>();
        expand(group.workspace(), group.id(), out, 0);
        return out;
    }

    private void expand(String workspace, String id, List<LayerConfig> out, int depth) {
        if (depth > 10) return; // cycles are rejected at load; this only guards the recursion
        LayerConfig l = layers.get(workspace + ":" + id);
        if (l != null) {
            out.add(l);
            return;
        }
        LayerGroupConfig g = groups.get(workspace + ":" + id);
        if (g != null) for (String child : g.layers()) expand(workspace, child, out, depth + 1);
    }

    /** What the global endpoints publish: every workspace, names qualified. */
    public CatalogView globalView() {
        return globalView;
    }

    /**
     * What an endpoint publishes: the global view for null, else the virtual service of that
     * workspace.
     *
     * @throws IllegalArgumentException when there is no such workspace
     */
    public CatalogView view(String workspace) {
        if (workspace == null) return globalView;
        return views.computeIfAbsent(workspace, w -> new CatalogView(this, workspaceOf(w)));
    }

    /**
     * What an endpoint publishes to one caller: {@link #view(String)} narrowed to the layers
     * {@code readable} admits (the caller's data rules).
     */
    public CatalogView view(String workspace, java.util.function.Predicate<LayerConfig> readable) {
        return new CatalogView(this, workspace == null ? null : workspaceOf(workspace), readable);
    }
}
