package org.ecoplan.render;

import java.util.Set;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.render.style.Rule;
import org.ecoplan.render.style.Style;
import org.ecoplan.render.style.Symbolizer;
import org.ecoplan.render.style.TextSymbolizer;

/** The feature property names a style reads: in rule filters, labels, priorities and geometry references. */
final class StyleProperties {
    private StyleProperties() {}

    static void filterProperties(Filter f, Set<String> out) {
        if (f instanceof Filter.And a) a.children().forEach(c -> filterProperties(c, out));
        else if (f instanceof Filter.Or o) o.children().forEach(c -> filterProperties(c, out));
        else if (f instanceof Filter.Not n) filterProperties(n.child(), out);
        else if (f instanceof Filter.Comparison c) out.add(c.property());
        else if (f instanceof Filter.Like l) out.add(l.property());
        else if (f instanceof Filter.IsNull n) out.add(n.property());
        else if (f instanceof Filter.Between b) out.add(b.property());
    }

    /** Properties of labels, priorities and symbolizer geometries of a rule. */
    static void symbolizerProperties(Rule r, Set<String> out) {
        for (Symbolizer s : r.symbolizers()) {
            if (s.geometryProperty() != null) out.add(s.geometryProperty());
            if (s instanceof TextSymbolizer t) {
                t.label().properties(out);
                if (t.priority() != null) t.priority().properties(out);
            }
        }
    }

    static void all(Style style, Set<String> out) {
        for (Rule r : style.rules()) {
            filterProperties(r.filter(), out);
            symbolizerProperties(r, out);
        }
    }
}
