package org.ecoplan.catalog.query.xml;

import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.LiteralConversion;
import org.ecoplan.catalog.query.QueryException;

/**
 * Binds a filter parsed without a schema (string literals, unchecked property names; e.g. an SLD
 * rule filter) to a feature type: every property is checked and every literal converted to the
 * property's type, as {@link FilterXmlParser} does when it is given the type up front.
 */
public final class FilterBinder {
    private FilterBinder() {}

    /** The typed filter; a QueryException naming the property for an unknown property or bad literal. */
    public static Filter bind(Filter filter, FeatureType type) {
        if (filter == null) return Filter.INCLUDE;
        if (filter instanceof Filter.And a) return new Filter.And(bindAll(a.children(), type));
        if (filter instanceof Filter.Or o) return new Filter.Or(bindAll(o.children(), type));
        if (filter instanceof Filter.Not n) return new Filter.Not(bind(n.child(), type));
        if (filter instanceof Filter.Comparison c) {
            return new Filter.Comparison(c.property(), c.op(), value(c.value(), attribute(c.property(), type)),
                    c.matchCase());
        }
        if (filter instanceof Filter.Like l) {
            attribute(l.property(), type);
            return l;
        }
        if (filter instanceof Filter.IsNull n) {
            if (!type.hasProperty(n.property())) throw unknown(n.property(), type);
            return n;
        }
        if (filter instanceof Filter.Between b) {
            AttributeDescriptor a = attribute(b.property(), type);
            return new Filter.Between(b.property(), value(b.lower(), a), value(b.upper(), a));
        }
        return filter;
    }

    private static List<Filter> bindAll(List<Filter> children, FeatureType type) {
        List<Filter> out = new ArrayList<>(children.size());
        for (Filter f : children) out.add(bind(f, type));
        return out;
    }

    private static Object value(Object v, AttributeDescriptor a) {
        return v instanceof String s ? LiteralConversion.convert(a, s) : v;
    }

    static AttributeDescriptor attribute(String property, FeatureType type) {
        return type.attribute(property).orElseThrow(() -> type.isGeometry(property)
                ? new QueryException("geometry property '" + property + "' cannot be compared with a literal", property)
                : unknown(property, type));
    }

    static QueryException unknown(String property, FeatureType type) {
        return new QueryException("unknown attribute '" + property + "' (feature type " + type.name() + " has "
                + type.attributes().stream().map(AttributeDescriptor::name).toList() + ")", property);
    }
}
