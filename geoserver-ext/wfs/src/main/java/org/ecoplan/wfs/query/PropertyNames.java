package org.ecoplan.wfs.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.ows.encode.AppNamespace;
import org.ecoplan.wfs.WfsExceptions;

/**
 * Resolves property names of requests (PROPERTYNAME, SORTBY, VALUEREFERENCE) against a feature
 * type. Only the minimum XPath subset of FES 2.0 clause 7.4.4 is accepted: a property name,
 * optionally prefixed with the type's namespace prefix and preceded by the type name
 * ({@code plan:zones/plan:name}); anything else is an unknown property, never evaluated.
 */
final class PropertyNames {
    private PropertyNames() {}

    /** The schema name of a property reference; InvalidParameterValue with the locator if it names none. */
    static String resolve(LayerConfig layer, String reference, String locator, AppNamespace ns) {
        String r = reference == null ? "" : reference.trim();
        int slash = r.indexOf('/');
        if (slash > 0) {
            String head = strip(r.substring(0, slash), ns);
            if (head.equals(layer.id())) r = r.substring(slash + 1);
        }
        String name = strip(r, ns);
        FeatureType t = layer.featureType();
        if (name.isEmpty() || !t.hasProperty(name)) {
            List<String> known = new ArrayList<>();
            for (AttributeDescriptor a : t.attributes()) known.add(a.name());
            if (t.hasGeometry()) known.add(t.geometry().name());
            throw WfsExceptions.invalid(locator, "'" + abbreviate(reference) + "' is not a property of "
                    + ns.prefix() + ":" + layer.id() + " (properties: " + known + ")");
        }
        return name;
    }

    /** The value reference standing for the feature identifier (FES 2.0 minimum XPath: an attribute step). */
    static final String GML_ID = "@gml:id";

    /**
     * A GetPropertyValue valueReference: a property name as {@link #resolve} takes it, or
     * {@code @gml:id} for the feature identifiers.
     */
    static String resolveValueReference(LayerConfig layer, String reference, AppNamespace ns) {
        String r = reference.trim();
        if (r.endsWith("/" + GML_ID)) r = r.substring(r.lastIndexOf('/') + 1);
        if (r.equals(GML_ID)) return GML_ID;
        return resolve(layer, reference, "valueReference", ns);
    }

    private static String strip(String s, AppNamespace ns) {
        String t = s.trim();
        if (t.startsWith(ns.prefix() + ":")) return t.substring(ns.prefix().length() + 1);
        if (t.startsWith("{" + ns.uri() + "}")) return t.substring(ns.uri().length() + 2);
        return t;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    /**
     * The attribute selection for requested property names: the requested attributes plus every
     * required one (WFS 2.0 clause 7.9.2.4.3: mandatory properties are always returned), in
     * schema order; and whether the geometry was asked for.
     */
    record Selection(List<String> attributes, boolean geometry) {}

    static Selection select(LayerConfig layer, List<String> requested) {
        FeatureType t = layer.featureType();
        Set<String> wanted = new LinkedHashSet<>(requested);
        List<String> attrs = new ArrayList<>();
        for (AttributeDescriptor a : t.attributes()) if (a.required() || wanted.contains(a.name())) attrs.add(a.name());
        return new Selection(attrs, t.hasGeometry() && wanted.contains(t.geometry().name()));
    }
}
