package org.ecoplan.wfs;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.WorkspaceConfig;
import org.ecoplan.ows.ServiceException;

/**
 * Resolves the feature type names a request uses to the layers the endpoint publishes. A name may
 * carry a workspace's prefix ({@code plan:zones}), a prefix the request binds to a workspace's
 * namespace (WFS 2.0 NAMESPACES=xmlns(p,uri), WFS 1.1 NAMESPACE=xmlns(p=uri), or the xmlns
 * declarations of an XML request), be in Clark notation ({@code {uri}zones}) or be unqualified
 * ({@code zones}: the endpoint's workspace, or at the global endpoint the default workspace's).
 */
public final class FeatureTypeNames {
    private final CatalogView view;
    private final Map<String, String> prefixes = new HashMap<>();

    public FeatureTypeNames(CatalogView view) { this.view = view; }

    /** Binds the prefixes of a NAMESPACES / NAMESPACE parameter value ("xmlns(p,uri),xmlns(q,uri2)"). */
    public FeatureTypeNames withNamespacesParameter(String value) {
        if (value != null) NamespacesParameter.parse(value).forEach(prefixes::put);
        return this;
    }

    /** Binds one prefix (from an XML request's namespace context). */
    public FeatureTypeNames bind(String prefix, String uri) {
        if (prefix != null && uri != null) prefixes.put(prefix, uri);
        return this;
    }

    /** The layer a name refers to; InvalidParameterValue with the locator when there is none. */
    public LayerConfig resolve(String name, String locator) {
        String n = name == null ? "" : name.trim();
        String uri = null;
        String local = n;
        if (n.startsWith("{")) {
            int end = n.indexOf('}');
            if (end > 0) {
                uri = n.substring(1, end);
                local = n.substring(end + 1);
            }
        } else if (n.indexOf(':') > 0) {
            String prefix = n.substring(0, n.indexOf(':'));
            local = n.substring(n.indexOf(':') + 1);
            uri = prefixes.get(prefix);
            if (uri == null) {
                Optional<LayerConfig> l = view.layer(prefix + ":" + local);
                return l.orElseThrow(() -> unknown(name, locator));
            }
        }
        if (uri == null) return view.layer(local).orElseThrow(() -> unknown(name, locator));
        String u = uri;
        Optional<WorkspaceConfig> ws = view.catalog().workspaces().stream().filter(w -> w.namespaceUri().equals(u))
                .findFirst();
        if (ws.isEmpty()) throw unknown(name, locator);
        return view.layer(ws.get().name() + ":" + local).orElseThrow(() -> unknown(name, locator));
    }

    private ServiceException unknown(String name, String locator) {
        String list = view.layers().stream().map(this::qualified).toList().toString();
        return WfsExceptions.invalid(locator, "Unknown feature type '" + name + "'; this service has "
                + (list.length() > 400 ? list.substring(0, 400) + "...]" : list));
    }

    /** The prefixed name of a layer's feature type ("plan:zones"): a QName, prefixed at every endpoint. */
    public String qualified(LayerConfig layer) {
        return layer.qualifiedName();
    }
}
