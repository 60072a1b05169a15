package org.ecoplan.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
import org.ecoplan.catalog.config.ServiceMetadata;
import org.ecoplan.catalog.config.ServicesConfig;
import org.ecoplan.catalog.config.WorkspaceConfig;

/**
 * What one endpoint publishes and under which names, GeoServer's way: a virtual service
 * ({@code /plan/wms}) publishes one workspace with unqualified names ({@code restoration_zones});
 * the global endpoints ({@code /wms}) publish every workspace with qualified names
 * ({@code plan:restoration_zones}). A name written qualified is accepted by both (for its own
 * workspace only in a virtual service); an unqualified name at the global endpoints means the
 * default workspace's layer, else the one layer of that name in any workspace.
 *
 * <p>A view may be narrowed to what one caller may read (the data rules): a layer it may not read
 * is then absent from every list and every lookup, as if it did not exist, and so is a group with
 * such a layer in it, so that no map, tile or cached tile of the group reveals it.
 */
public final class CatalogView {
    private final Catalog catalog;
    private final WorkspaceConfig workspace;
    private final Predicate<LayerConfig> readable;

    CatalogView(Catalog catalog, WorkspaceConfig workspace) {
        this(catalog, workspace, l -> true);
    }

    CatalogView(Catalog catalog, WorkspaceConfig workspace, Predicate<LayerConfig> readable) {
        this.catalog = catalog;
        this.workspace = workspace;
        this.readable = readable;
    }

    public Catalog catalog() { return catalog; }

    public boolean isGlobal() { return workspace == null; }

    /** The workspace of a virtual service; empty at the global endpoints. */
    public Optional<WorkspaceConfig> workspace() {
        return Optional.ofNullable(workspace);
    }

    /** "" at the global endpoints, "/name" for a virtual service: what precedes a service path in URLs. */
    public String pathPrefix() {
        return workspace == null ? "" : "/" + workspace.name();
    }

    /** The identity and CRS list the endpoint publishes. */
    public ServicesConfig services() {
        return workspace == null ? catalog.global().services() : workspace.services();
    }

    /**
     * The CRSs a layer is offered in at this endpoint: the endpoint's list, then those of the
     * layer's workspace that the endpoint's list lacks (the CRSs of a WMS layer add to its parent's).
     */
    public List<String> crs(String layerWorkspace) {
        List<String> out = new ArrayList<>(services().crs());
        for (String c : catalog.workspaceOf(layerWorkspace).services().crs()) if (!out.contains(c)) out.add(c);
        return out;
    }

    /** Every CRS some layer of this endpoint is offered in (what GetMap accepts here). */
    public List<String> allCrs() {
        List<String> out = new ArrayList<>(services().crs());
        for (WorkspaceConfig w : workspace == null ? catalog.workspaces() : List.of(workspace)) {
            for (String c : w.services().crs()) if (!out.contains(c)) out.add(c);
        }
        return out;
    }

    /** The identification of one service at this endpoint ("wms", "wfs", "wmts"). */
    public ServiceMetadata service(String name) {
        return services().service(name);
    }

    public List<LayerConfig> layers() {
        return catalog.layers().stream()
                .filter(l -> workspace == null || l.workspace().equals(workspace.name()))
                .filter(readable).toList();
    }

    public List<LayerGroupConfig> groups() {
        return catalog.groups().stream()
                .filter(g -> workspace == null || g.workspace().equals(workspace.name()))
                .filter(this::readable).toList();
    }

    /** Whether the caller of this view may see the group: every layer in it, however deep. */
    private boolean readable(LayerGroupConfig g) {
        for (LayerConfig l : catalog.expand(g)) if (!readable.test(l)) return false;
        return true;
    }

    /** The name a layer is published under here. */
    public String name(LayerConfig layer) {
        return workspace == null ? layer.qualifiedName() : layer.id();
    }

    public String name(LayerGroupConfig group) { return workspace == null ? group.qualifiedName() : group.id(); }

    public Optional<LayerConfig> layer(String name) {
        return resolve(name, (ws, id) -> catalog.layer(ws, id).filter(readable));
    }

    public Optional<LayerGroupConfig> group(String name) {
        return resolve(name, (ws, id) -> catalog.group(ws, id).filter(this::readable));
    }

    /** The layers a name stands for: the layer itself, or a group's layers bottom to top; empty for an unknown name. */
    public List<LayerConfig> expand(String name) {
        Optional<LayerConfig> l = layer(name);
        if (l.isPresent()) return List.of(l.get());
        return group(name).map(catalog::expand).orElse(List.of());
    }

    private <T> Optional<T> resolve(String name, BiFunction<String, String, Optional<T>> lookup) {
        if (name == null || name.isEmpty()) return Optional.empty();
        int colon = name.indexOf(':');
        if (colon > 0) {
            String ws = name.substring(0, colon);
            if (workspace != null && !workspace.name().equals(ws)) return Optional.empty();
            return catalog.workspace(ws).isPresent() ? lookup.apply(ws, name.substring(colon + 1)) : Optional.empty();
        }
        if (workspace != null) return lookup.apply(workspace.name(), name);
        String preferred = catalog.global().defaultWorkspace();
        if (preferred != null) {
            Optional<T> found = lookup.apply(preferred, name);
            if (found.isPresent()) return found;
        }
        List<T> matches = new ArrayList<>();
        for (WorkspaceConfig w : catalog.workspaces()) lookup.apply(w.name(), name).ifPresent(matches::add);
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
