package org.ecoplan.wfs;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.ows.encode.AppNamespace;

/**
 * Resolves the feature type names a request uses to catalog layers. A name may be written with the
 * service's prefix ({@code yg:zones}), with a prefix the request binds to the service namespace
 * (WFS 2.0 NAMESPACES=xmlns(p,uri), WFS 1.1 NAMESPACE=xmlns(p=uri), or the xmlns declarations of an
 * XML request), in Clark notation ({@code {uri}zones}) or unqualified ({@code zones}).
 */
public final class FeatureTypeNames {
    private static final Pattern XMLNS = Pattern.compile("xmlns\\(\\s*([^,=\\s)]*)\\s*[,=]\\s*([^)]+?)\\s*\\)");

    private final Catalog catalog;
    private final AppNamespace ns;
    private final Map<String, String> prefixes = new HashMap<>();

    public FeatureTypeNames(Catalog catalog, AppNamespace ns) {
        this.catalog = catalog;
        this.ns = ns;
    }

    /** Binds the prefixes of a NAMESPACES / NAMESPACE parameter value ("xmlns(p,uri),xmlns(q,uri2)"). */
    public FeatureTypeNames withNamespacesParameter(String value) {
        if (value != null) {
            Matcher m = XMLNS.matcher(value);
            while (m.find()) prefixes.put(m.group(1), m.group(2));
        }
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
            uri = prefixes.containsKey(prefix)
                    ? prefixes.get(prefix)
                    : prefix.equals(ns.prefix()) ? ns.uri() : "?" + prefix;
        }
        if (uri != null && !uri.equals(ns.uri())) throw unknown(name, locator);
        final String id = local;
        return catalog.layer(id).orElseThrow(() -> unknown(name, locator));
    }

    private ServiceException unknown(String name, String locator) {
        String list = catalog.layers().stream().map(l -> qualified(l)).toList().toString();
        return WfsExceptions.invalid(locator, "Unknown feature type '" + name + "'; this service has "
                + (list.length() > 400 ? list.substring(0, 400) + "...]" : list));
    }

    /** The prefixed name of a layer's feature type ("yg:zones"). */
    public String qualified(LayerConfig layer) {
        return ns.prefix() + ":" + layer.id();
    }

    public AppNamespace namespace() { return ns; }

}
