package org.ecoplan.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
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
 */
public final class CatalogView {
    private final Catalog catalog;
    private final WorkspaceConfig workspace;

    CatalogView(Catalog catalog, WorkspaceConfig workspace) {
        this.catalog = catalog;
        this.workspace = workspace;
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
        return workspace == null
                ? catalog.layers()
                : catalog.layers().stream()
                        .filter(l -> l.workspace().equals(workspace.name())).toList();
    }

    public List<LayerGroupConfig> groups() {
        return workspace == null
                ? catalog.groups()
                : catalog.groups().stream()
                        .filter(g -> g.workspace().equals(workspace.name())).toList();
    }

    /** The name a layer is published under here. */
    public String name(LayerConfig layer) {
        return workspace == null ? layer.qualifiedName() : layer.id();
    }

    public String name(LayerGroupConfig group) { return workspace == null ? group.qualifiedName() : group.id(); }

    public Optional<LayerConfig> layer(String name) { return resolve(name, catalog::layer); }

    public Optional<LayerGroupConfig> group(String name) { return resolve(name, catalog::group); }

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
