package org.ecoplan.ows.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.crs.AxisOrders;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.query.ComparisonOperator;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.LiteralConversion;
import org.ecoplan.catalog.query.QueryException;
import org.ecoplan.catalog.query.SpatialOperator;
import org.ecoplan.ows.ServiceException;
import org.locationtech.jts.geom.Geometry;

/**
 * Turns a CQL2 expression into the catalog's filter model for one feature type (OGC 21-065r2;
 * OGC 19-079r2 clause 7): properties are checked against the type, literals take the type of the
 * property they are compared with, spatial literals are read in the filter CRS (in its axis
 * order) and brought to the native CRS. What the model cannot say (a property compared with a
 * property, accent-insensitive comparison, temporal and array functions, arithmetic) is a 400
 * naming the filter, never a wrong answer.
 */
public final class Cql2ToFilter {
    private static final Map<String, SpatialOperator> SPATIAL = Map.of("s_intersects", SpatialOperator.INTERSECTS,
            "s_equals", SpatialOperator.EQUALS, "s_disjoint", SpatialOperator.DISJOINT, "s_touches",
            SpatialOperator.TOUCHES, "s_within", SpatialOperator.WITHIN, "s_overlaps", SpatialOperator.OVERLAPS,
            "s_crosses", SpatialOperator.CROSSES, "s_contains", SpatialOperator.CONTAINS);

    private final FeatureType type;
    private final Crs filterCrs;
    private final String locator;

    /**
     * @param filterCrs the CRS of spatial literals (OGC 19-079r2 filter-crs; CRS84 by default)
     * @param locator   the parameter errors name ("filter")
     */
    public Cql2ToFilter(FeatureType type, Crs filterCrs, String locator) {
        this.type = type;
        this.filterCrs = filterCrs;
        this.locator = locator;
    }

    public Filter translate(Cql2Expression e) {
        try {
            return predicate(e);
        } catch (QueryException x) {
            throw bad(x.getMessage());
        }
    }

    private Filter predicate(Cql2Expression e) {
        if (e instanceof Cql2Expression.Literal l && l.value() instanceof Boolean b) {
            return b ? new Filter.Include() : new Filter.Exclude();
        }
        if (!(e instanceof Cql2Expression.Call c)) throw bad("expected a predicate, found " + describe(e));
        List<Cql2Expression> a = c.args();
        switch (c.op()) {
            case "and", "or" : {
                if (a.size() < 2) throw bad(c.op() + " needs at least two arguments");
                List<Filter> parts = new ArrayList<>();
                for (Cql2Expression x : a) parts.add(predicate(x));
                return c.op().equals("and") ? new Filter.And(parts) : new Filter.Or(parts);
            }
            case "not" :
                arity(c, 1);
                return new Filter.Not(predicate(a.get(0)));
            case "like" : {
                arity(c, 2);
                Operand p = operand(a.get(0));
                Operand pattern = operand(a.get(1));
                if (p.property() == null || !(pattern.value() instanceof String s)) {
                    throw bad("LIKE compares a property with a string pattern");
                }
                AttributeDescriptor attr = attribute(p.property());
                if (attr.type() != AttributeType.STRING)
                    throw bad("LIKE needs a text property, '" + attr.name() + "' is not");
                return new Filter.Like(attr.name(), s, '%', '_', '\\', !(p.casei() || pattern.casei()));
            }
            case "between" : {
                arity(c, 3);
                Operand p = operand(a.get(0));
                if (p.property() == null) throw bad("BETWEEN needs a property first");
                AttributeDescriptor attr = attribute(p.property());
                return new Filter.Between(attr.name(), value(attr, operand(a.get(1))), value(attr, operand(a.get(2))));
            }
            case "in" : {
                arity(c, 2);
                Operand p = operand(a.get(0));
                if (p.property() == null || !(a.get(1) instanceof Cql2Expression.Array list)
                        || list.items().isEmpty()) {
                    throw bad("IN needs a property and a non-empty list of values");
                }
                AttributeDescriptor attr = attribute(p.property());
                List<Filter> parts = new ArrayList<>();
                for (Cql2Expression item : list.items()) {
                    Operand v = operand(item);
                    parts.add(new Filter.Comparison(attr.name(), ComparisonOperator.EQUAL, value(attr, v),
                            !(p.casei() || v.casei())));
                }
                return parts.size() == 1 ? parts.get(0) : new Filter.Or(parts);
            }
            case "isnull" : {
                arity(c, 1);
                Operand p = operand(a.get(0));
                if (p.property() == null) throw bad("IS NULL needs a property");
                known(p.property());
                return new Filter.IsNull(p.property());
            }
            default :
                break;
        }
        if (ComparisonOperator.bySymbol(c.op()).isPresent()) return comparison(c);
        if (SPATIAL.containsKey(c.op())) return spatial(c);
        throw bad("operator '" + c.op() + "' cannot be used as a predicate");
    }

    private Filter comparison(Cql2Expression.Call c) {
        arity(c, 2);
        Operand left = operand(c.args().get(0));
        Operand right = operand(c.args().get(1));
        ComparisonOperator op = ComparisonOperator.bySymbol(c.op()).orElseThrow();
        if (left.property() != null && right.property() != null) {
            throw bad("comparing a property with a property is not supported (conformance class property-property)");
        }
        if (left.property() == null && right.property() == null) {
            throw bad("a comparison needs a property on one side");
        }
        if (left.property() == null) {
            Operand t = left;
            left = right;
            right = t;
            op = op.converse();
        }
        AttributeDescriptor attr = attribute(left.property());
        boolean matchCase = !(left.casei() || right.casei());
        return new Filter.Comparison(attr.name(), op, value(attr, right), matchCase);
    }

    private Filter spatial(Cql2Expression.Call c) {
        arity(c, 2);
        Cql2Expression a = c.args().get(0);
        Cql2Expression b = c.args().get(1);
        SpatialOperator op = SPATIAL.get(c.op());
        if (a instanceof Cql2Expression.Spatial && b instanceof Cql2Expression.Property) {
            Cql2Expression t = a;
            a = b;
            b = t;
            // A within B is B contains A; the other predicates are symmetric
            if (op == SpatialOperator.WITHIN) op = SpatialOperator.CONTAINS;
            else if (op == SpatialOperator.CONTAINS) op = SpatialOperator.WITHIN;
        }
        if (!(a instanceof Cql2Expression.Property p) || !(b instanceof Cql2Expression.Spatial g)) {
            throw bad(c.op().toUpperCase(java.util.Locale.ROOT)
                    + " compares the geometry property with a spatial literal");
        }
        if (!type.hasGeometry() || !type.geometry().name().equals(p.name())) {
            throw bad("'" + p.name() + "' is not the geometry property"
                    + (type.hasGeometry() ? " ('" + type.geometry().name() + "')" : "; this collection has none"));
        }
        Geometry literal = AxisOrders.northFirst(filterCrs) ? AxisOrders.swapped(g.geometry()) : g.geometry();
        return new NativeSpatialFilters(type).spatial(op, literal, filterCrs);
    }

    /** A side of a comparison: a property or a literal, either possibly wrapped in CASEI. */
    private record Operand(String property, Object value, boolean casei) {}

    private Operand operand(Cql2Expression e) {
        if (e instanceof Cql2Expression.Property p) return new Operand(p.name(), null, false);
        if (e instanceof Cql2Expression.Literal l) return new Operand(null, l.value(), false);
        if (e instanceof Cql2Expression.Call c && c.op().equals("casei")) {
            arity(c, 1);
            Operand inner = operand(c.args().get(0));
            if (inner.property() == null && !(inner.value() instanceof String)) throw bad("CASEI takes text");
            return new Operand(inner.property(), inner.value(), true);
        }
        throw bad("expected a property or a literal, found " + describe(e));
    }

    private Object value(AttributeDescriptor attr, Operand o) {
        if (o.property() != null) {
            throw bad("comparing a property with a property is not supported (conformance class property-property)");
        }
        return LiteralConversion.convert(attr, o.value());
    }

    private AttributeDescriptor attribute(String name) {
        known(name);
        return type.attribute(name).orElseThrow(
                () -> bad("geometry property '" + name + "' cannot be compared with a value; use a spatial function"));
    }

    private void known(String name) {
        if (!type.hasProperty(name)) {
            throw bad("unknown property '" + name + "'; the collection's queryables name the properties");
        }
    }

    private void arity(Cql2Expression.Call c, int n) {
        if (c.args().size() != n) throw bad(c.op() + " takes " + n + " argument(s), not " + c.args().size());
    }

    private static String describe(Cql2Expression e) {
        if (e instanceof Cql2Expression.Property p) return "property '" + p.name() + "'";
        if (e instanceof Cql2Expression.Literal l) return "literal " + l.value();
        if (e instanceof Cql2Expression.Call c) return "'" + c.op() + "'";
        return e instanceof Cql2Expression.Spatial ? "a geometry" : "a list";
    }

    private ServiceException bad(String message) {
        return new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, locator, locator + ": " + message);
    }
}
