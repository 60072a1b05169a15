package org.ecoplan.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.QueryException;
import org.ecoplan.catalog.query.xml.FilterBinder;
import org.ecoplan.render.style.FeatureTypeStyle;
import org.ecoplan.render.style.Rule;
import org.ecoplan.render.style.Style;
import org.ecoplan.render.style.StyleException;
import org.ecoplan.render.style.Symbolizer;
import org.ecoplan.render.style.TextSymbolizer;

/**
 * A style bound to one feature type: rule filters with typed literals and the attribute names
 * the style reads (so only those are fetched). Bindings are cached, so a style is bound once,
 * not per request.
 */
final class BoundStyle {
    private static final int MAX_CACHED = 512;
    private static final ConcurrentHashMap<Key, BoundStyle> CACHE = new ConcurrentHashMap<>();

    /** A rule with its typed filter. */
    record BoundRule(Rule rule, Filter filter) {}

    /** The rules of one feature type style. */
    record BoundFeatureTypeStyle(List<BoundRule> rules) {}

    /**
     * A style by identity (catalog styles are parsed once and shared, and hashing a whole style
     * tree per request cost more than the rest of the lookup) with a feature type by value.
     */
    private record Key(Style style, FeatureType type) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.style == style && (k.type == type || k.type.equals(type));
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(style) + type.hashCode();
        }
    }

    private final List<BoundFeatureTypeStyle> featureTypeStyles;
    private final List<String> properties;

    private BoundStyle(List<BoundFeatureTypeStyle> ftss, List<String> properties) {
        this.featureTypeStyles = ftss;
        this.properties = properties;
    }

    List<BoundFeatureTypeStyle> featureTypeStyles() { return featureTypeStyles; }

    /** The attributes the style reads, in schema order. */
    List<String> properties() { return properties; }

    /**
     * Binds a style to a feature type.
     *
     * @throws StyleException naming the rule when a filter uses an unknown attribute or a bad literal
     */
    static BoundStyle of(Style style, FeatureType type) {
        Key key = new Key(style, type);
        BoundStyle b = CACHE.get(key);
        if (b != null) return b;
        b = bind(style, type);
        if (CACHE.size() >= MAX_CACHED) CACHE.clear();
        CACHE.put(key, b);
        return b;
    }

    private static BoundStyle bind(Style style, FeatureType type) {
        Set<String> used = new LinkedHashSet<>();
        List<BoundFeatureTypeStyle> ftss = new ArrayList<>();
        for (FeatureTypeStyle fts : style.featureTypeStyles()) {
            List<BoundRule> rules = new ArrayList<>();
            for (Rule r : fts.rules()) {
                Filter f;
                try {
                    f = FilterBinder.bind(r.filter(), type);
                } catch (QueryException e) {
                    throw new StyleException("style '" + style.name() + "', rule '" + r.name() + "': " + e.getMessage(),
                            0, e);
                }
                StyleProperties.filterProperties(f, used);
                for (Symbolizer s : r.symbolizers()) {
                    if (s instanceof TextSymbolizer t) {
                        t.label().properties(used);
                        if (t.priority() != null) t.priority().properties(used);
                    }
                }
                rules.add(new BoundRule(r, f));
            }
            ftss.add(new BoundFeatureTypeStyle(List.copyOf(rules)));
        }
        List<String> props = new ArrayList<>();
        for (var a : type.attributes()) if (used.contains(a.name())) props.add(a.name());
        return new BoundStyle(List.copyOf(ftss), List.copyOf(props));
    }
}
