package org.ecoplan.map.tiles;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.Localized;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
import org.ecoplan.ows.ServiceException;

/**
 * What a tile draws: a catalog layer with one of its styles, or a layer group whose members are
 * drawn bottom to top with their default styles (the WMTS Layer of OGC 07-057r7 clause 7.1.1.2).
 *
 * @param name      the name it is published under at the endpoint that resolved it (unqualified in a
 *                  virtual service, workspace:id at the global endpoints): WMTS Identifier, URL segment
 * @param key       its qualified name, the same at every endpoint: what caches are keyed by
 * @param workspace the workspace of the layer or group (its styles are that workspace's); a list's is
 *                  its first name's, each member's style coming from the member's own workspace
 * @param styles    the style identifiers offered, default first; a group offers only "default"
 */
public record TileLayer(String name, String key, String workspace, Localized title, Localized abstractText,
        List<String> keywords, List<LayerConfig> members, List<String> styles, boolean group) {
    /** The style identifier of a group, and the name accepted for any layer's default style. */
    public static final String DEFAULT_STYLE = "default";

    public TileLayer {
        members = List.copyOf(members);
        styles = List.copyOf(styles);
    }

    /** Every layer and group an endpoint publishes that has geometry to draw, layers first. */
    public static List<TileLayer> all(CatalogView view) {
        List<TileLayer> out = new ArrayList<>();
        for (LayerConfig l : view.layers()) of(view, view.name(l)).ifPresent(out::add);
        for (LayerGroupConfig g : view.groups()) of(view, view.name(g)).ifPresent(out::add);
        return out;
    }

    /**
     * The layer or group a published name stands for at an endpoint, when it has geometry to draw; or,
     * for a comma-separated list of such names of one workspace (as WMS LAYERS), their members drawn
     * together in the order named, bottom to top, each with its default style (the list's workspace is
     * its first name's). Empty when a name is unknown or has nothing to draw, or is named twice (a list
     * names each layer or group once: no list is the same drawing as another under a second name).
     */
    public static Optional<TileLayer> of(CatalogView view, String name) {
        if (name == null) return Optional.empty();
        if (name.indexOf(',') >= 0) return list(view, name);
        Optional<LayerConfig> l = view.layer(name);
        if (l.isPresent()) {
            LayerConfig c = l.get();
            if (!c.featureType().hasGeometry() || c.styles() == null || c.styles().defaultStyle() == null)
                return Optional.empty();
            return Optional.of(new TileLayer(view.name(c), c.qualifiedName(), c.workspace(), c.title(),
                    c.abstractText(), c.keywords(), List.of(c), c.styles().all(), false));
        }
        Optional<LayerGroupConfig> g = view.group(name);
        if (g.isEmpty()) return Optional.empty();
        List<LayerConfig> members = view.catalog().expand(g.get()).stream()
                .filter(m -> m.featureType().hasGeometry() && m.styles() != null && m.styles().defaultStyle() != null)
                .toList();
        if (members.isEmpty()) return Optional.empty();
        LayerGroupConfig c = g.get();
        return Optional.of(new TileLayer(view.name(c), c.qualifiedName(), c.workspace(), c.title(), c.abstractText(),
                c.keywords(), members, List.of(DEFAULT_STYLE), true));
    }

    private static Optional<TileLayer> list(CatalogView view, String names) {
        String[] parts = names.split(",", -1);
        if (new java.util.HashSet<>(List.of(parts)).size() != parts.length) return Optional.empty();
        List<LayerConfig> members = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        String workspace = null;
        for (String part : parts) {
            // a list names layers and groups, not other lists
            Optional<TileLayer> one = part.isEmpty() ? Optional.empty() : of(view, part);
            if (one.isEmpty()) return Optional.empty();
            TileLayer t = one.get();
            if (workspace == null) workspace = t.workspace();
            for (LayerConfig m : t.members()) if (!members.contains(m)) members.add(m);
            keys.add(t.key());
            zh.append(zh.length() == 0 ? "" : "、").append(t.title().zh());
            en.append(en.length() == 0 ? "" : ", ").append(t.title().en());
        }
        return Optional.of(new TileLayer(names, String.join(",", keys), workspace,
                new Localized(zh.toString(), en.toString()), Localized.EMPTY, List.of(), members,
                List.of(DEFAULT_STYLE), true));
    }

    /**
     * The style identifier a request names, normalised to one of {@link #styles()}; empty or
     * "default" means the default style.
     */
    public String resolveStyle(String requested) {
        if (requested == null || requested.isBlank() || requested.equalsIgnoreCase(DEFAULT_STYLE)) return styles.get(0);
        for (String s : styles) if (s.equals(requested)) return s;
        throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "Style",
                "Layer '" + name + "' has no style '" + requested + "'; its styles are " + styles);
    }

    /** The style file ids used to draw this layer with a style: the style itself, or each member's default. */
    public List<String> styleFiles(String style) {
        if (!group) return List.of(style);
        Set<String> ids = new LinkedHashSet<>();
        for (LayerConfig m : members) ids.add(m.styles().defaultStyle());
        return List.copyOf(ids);
    }

    /** The attribution lines of the members, without repeats. */
    public String attribution() {
        Set<String> lines = new LinkedHashSet<>();
        for (LayerConfig m : members) {
            if (m.metadata() != null && m.metadata().attribution() != null && !m.metadata().attribution().isBlank()) {
                lines.add(m.metadata().attribution());
            }
        }
        return String.join("; ", lines);
    }
}
