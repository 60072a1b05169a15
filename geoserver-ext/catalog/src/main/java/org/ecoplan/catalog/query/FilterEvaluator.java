package org.ecoplan.catalog.query;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.locationtech.jts.geom.Geometry;

/**
 * Evaluates the {@link Filter} model on in-memory features (OGC Filter Encoding 2.0, clauses 7.7 to
 * 7.11) with the same three-valued logic as SQL, so a store that tests part of a filter in Java
 * (spatial predicates on GeoPackage) answers exactly as a store that tests it in SQL: a comparison
 * with a null value, or a spatial test on a null geometry, is unknown; NOT unknown is unknown; a
 * feature matches only when the filter is true.
 *
 * <p>Text compares in code point order and folds ASCII case only, see {@link TextOrder}.
 */
public final class FilterEvaluator {
    private final FeatureType type;

    public FilterEvaluator(FeatureType type) { this.type = type; }

    /** Whether the feature matches; property names are checked against the feature type. */
    public boolean matches(Filter filter, Feature feature) {
        return Boolean.TRUE.equals(evaluate(filter, feature));
    }

    /** TRUE, FALSE, or null for unknown. */
    public Boolean evaluate(Filter filter, Feature f) {
        if (filter instanceof Filter.Include) return true;
        if (filter instanceof Filter.Exclude) return false;
        if (filter instanceof Filter.And and) {
            Boolean result = true;
            for (Filter c : and.children()) {
                Boolean v = evaluate(c, f);
                if (Boolean.FALSE.equals(v)) return false;
                if (v == null) result = null;
            }
            return result;
        }
        if (filter instanceof Filter.Or or) {
            Boolean result = false;
            for (Filter c : or.children()) {
                Boolean v = evaluate(c, f);
                if (Boolean.TRUE.equals(v)) return true;
                if (v == null) result = null;
            }
            return result;
        }
        if (filter instanceof Filter.Not not) {
            Boolean v = evaluate(not.child(), f);
            return v == null ? null : !v;
        }
        if (filter instanceof Filter.Comparison c) return compare(c, f);
        if (filter instanceof Filter.Like l) return like(l, f);
        if (filter instanceof Filter.IsNull n) {
            if (type.isGeometry(n.property())) return f.geometry() == null;
            attribute(n.property());
            return f.get(n.property()) == null;
        }
        if (filter instanceof Filter.Between b) return between(b, f);
        if (filter instanceof Filter.BBox b) {
            return f.geometry() == null ? null : f.geometry().getEnvelopeInternal().intersects(b.envelope());
        }
        if (filter instanceof Filter.Spatial s) return spatial(s, f.geometry());
        if (filter instanceof Filter.ResourceId r) return resourceId(r, f.id());
        throw new QueryException("unsupported filter " + filter, null);
    }

    private AttributeDescriptor attribute(String property) {
        return type.attribute(property).orElseThrow(() -> new QueryException(
                "unknown property '" + property + "' in feature type '" + type.name() + "'", property));
    }

    private Boolean compare(Filter.Comparison c, Feature f) {
        AttributeDescriptor a = attribute(c.property());
        Object literal = LiteralConversion.convert(a, c.value());
        Object value = f.get(c.property());
        if (value == null) return null;
        int cmp = compareValues(value, literal, c.matchCase());
        return switch (c.op()) {
            case EQUAL -> cmp == 0;
            case NOT_EQUAL -> cmp != 0;
            case LESS -> cmp < 0;
            case GREATER -> cmp > 0;
            case LESS_OR_EQUAL -> cmp <= 0;
            case GREATER_OR_EQUAL -> cmp >= 0;
        };
    }

    private Boolean between(Filter.Between b, Feature f) {
        AttributeDescriptor a = attribute(b.property());
        Object lo = LiteralConversion.convert(a, b.lower());
        Object hi = LiteralConversion.convert(a, b.upper());
        Object value = f.get(b.property());
        if (value == null) return null;
        return compareValues(value, lo, true) >= 0 && compareValues(value, hi, true) <= 0;
    }

    private Boolean like(Filter.Like l, Feature f) {
        AttributeDescriptor a = attribute(l.property());
        if (a.type() != org.ecoplan.catalog.AttributeType.STRING) {
            throw new QueryException("PropertyIsLike needs a text property, '" + l.property() + "' is not",
                    l.property());
        }
        Object value = f.get(l.property());
        if (value == null) return null;
        String pattern = l.matchCase() ? l.pattern() : TextOrder.foldCase(l.pattern());
        String text = l.matchCase() ? value.toString() : TextOrder.foldCase(value.toString());
        return LikePattern.parse(pattern, l.wildCard(), l.singleChar(), l.escape()).matches(text);
    }

    /** Orders two values of one attribute; numbers compare numerically whatever their class. */
    public static int compareValues(Object a, Object b, boolean matchCase) {
        if (a instanceof Number x && b instanceof Number y) {
            if (x instanceof Double || y instanceof Double) return Double.compare(x.doubleValue(), y.doubleValue());
            return Long.compare(x.longValue(), y.longValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return matchCase
                    ? TextOrder.compare(x, y)
                    : TextOrder.compare(TextOrder.foldCase(x), TextOrder.foldCase(y));
        }
        if (a instanceof Boolean x && b instanceof Boolean y) return x.compareTo(y);
        if (a instanceof LocalDate x && b instanceof LocalDate y) return x.compareTo(y);
        throw new QueryException("cannot compare " + a.getClass().getSimpleName() + " with "
                + b.getClass().getSimpleName(), null);
    }

    private Boolean spatial(Filter.Spatial s, Geometry g) {
        if (!type.hasGeometry())
            throw new QueryException("feature type '" + type.name() + "' has no geometry", s.op().name());
        if (g == null) return null;
        Geometry lit = s.geometry();
        return switch (s.op()) {
            case EQUALS -> g.equalsTopo(lit);
            case DISJOINT -> g.disjoint(lit);
            case INTERSECTS -> g.intersects(lit);
            case TOUCHES -> g.touches(lit);
            case WITHIN -> g.within(lit);
            case CONTAINS -> g.contains(lit);
            case OVERLAPS -> g.overlaps(lit);
            case CROSSES -> g.crosses(lit);
            case DWITHIN -> g.isWithinDistance(lit, s.distance());
            case BEYOND -> !g.isWithinDistance(lit, s.distance());
        };
    }

    private Boolean resourceId(Filter.ResourceId r, String id) {
        Set<Long> fids = new HashSet<>(ResourceIds.fids(type.name(), r.ids()));
        Long own = ResourceIds.fid(type.name(), id);
        return own != null && fids.contains(own);
    }
}
