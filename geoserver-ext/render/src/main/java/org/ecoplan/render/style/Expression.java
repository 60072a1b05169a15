package org.ecoplan.render.style;

import java.util.List;
import java.util.Set;
import org.ecoplan.catalog.Feature;

/**
 * The expressions a label or priority may hold (OGC Filter 1.0 clause 6 / SE 1.1 ParameterValueType):
 * a literal, a property name, or the mixed content of a Label element (concatenation).
 */
public sealed interface Expression {
    /** The value for a feature; null when a property is null. */
    Object evaluate(Feature feature);

    /** Adds the property names this expression reads to {@code out}. */
    void properties(Set<String> out);

    /** A constant. */
    record Literal(String value) implements Expression {
        @Override
        public Object evaluate(Feature feature) { return value; }
        @Override
        public void properties(Set<String> out) {}
    }

    /** A feature property. */
    record PropertyName(String name) implements Expression {
        @Override
        public Object evaluate(Feature feature) { return feature.get(name); }
        @Override
        public void properties(Set<String> out) { out.add(name); }
    }

    /** Parts joined as text; null parts are left out. */
    record Concatenate(List<Expression> parts) implements Expression {
        public Concatenate { parts = List.copyOf(parts); }

        @Override
        public Object evaluate(Feature feature) {
            StringBuilder sb = new StringBuilder();
            for (Expression e : parts) {
                Object v = e.evaluate(feature);
                if (v != null) sb.append(text(v));
            }
            return sb.toString();
        }

        @Override
        public void properties(Set<String> out) {
            for (Expression e : parts) e.properties(out);
        }
    }

    /** The label text of a value: whole doubles without ".0", everything else by toString. */
    static String text(Object v) {
        if (v == null) return "";
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return v.toString();
    }
}
