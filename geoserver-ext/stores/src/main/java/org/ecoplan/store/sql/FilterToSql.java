package org.ecoplan.store.sql;

import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.LikePattern;
import org.ecoplan.catalog.query.LiteralConversion;
import org.ecoplan.catalog.query.QueryException;
import org.ecoplan.catalog.query.ResourceIds;
import org.ecoplan.catalog.query.SpatialOperator;
import org.ecoplan.catalog.query.TextOrder;

/**
 * Translates the filter model (OGC Filter Encoding 2.0, clauses 7.7 to 7.11) into an SQL WHERE
 * condition with bound parameters only: no literal value is ever written into the SQL text.
 * Property names are checked against the feature type and literals converted to the attribute
 * type first. A top-level conjunct the dialect cannot express goes to the Java residual, with an
 * index prefilter where the dialect has one.
 */
public final class FilterToSql {
    /** Escape character of translated LIKE patterns; any character works, this one needs no quoting. */
    static final char LIKE_ESCAPE = '!';

    private final FeatureType type;
    private final SqlDialect dialect;

    public FilterToSql(FeatureType type, SqlDialect dialect) {
        this.type = type;
        this.dialect = dialect;
    }

    public SqlWhere translate(Filter filter) {
        List<Filter> conjuncts = filter instanceof Filter.And and ? and.children() : List.of(filter);
        List<String> sql = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        List<Filter> residual = new ArrayList<>();
        for (Filter c : conjuncts) {
            List<Object> local = new ArrayList<>();
            String s = toSql(c, true, local);
            if (s != null) {
                sql.add(s);
                params.addAll(local);
                continue;
            }
            residual.add(c);
            if (c instanceof Filter.Spatial sp) {
                List<Object> pre = new ArrayList<>();
                String p = dialect.spatialPrefilter(sp, pre);
                if (p != null) {
                    sql.add(p);
                    params.addAll(pre);
                }
            }
        }
        String where = sql.isEmpty() ? "1=1" : String.join(" AND ", sql);
        Filter rest = residual.isEmpty()
                ? Filter.INCLUDE
                : residual.size() == 1 ? residual.get(0) : new Filter.And(residual);
        return new SqlWhere(where, params, rest);
    }

    /** The condition, or null if some part of it cannot be expressed in this dialect. */
    private String toSql(Filter f, boolean topLevel, List<Object> params) {
        if (f instanceof Filter.Include) return "1=1";
        if (f instanceof Filter.Exclude) return "1=0";
        if (f instanceof Filter.And and) return junction(and.children(), " AND ", "1=1", params);
        if (f instanceof Filter.Or or) return junction(or.children(), " OR ", "1=0", params);
        if (f instanceof Filter.Not not) {
            String inner = toSql(not.child(), false, params);
            return inner == null ? null : "NOT (" + inner + ")";
        }
        if (f instanceof Filter.Comparison c) return comparison(c, params);
        if (f instanceof Filter.Like l) return like(l, params);
        if (f instanceof Filter.IsNull n) return isNull(n);
        if (f instanceof Filter.Between b) return between(b, params);
        if (f instanceof Filter.BBox b) {
            requireGeometry("BBOX");
            return dialect.bbox(b.envelope(), topLevel, params);
        }
        if (f instanceof Filter.Spatial s) {
            requireGeometry(s.op().name());
            if (s.geometry() == null)
                throw new QueryException("spatial filter " + s.op() + " without a geometry", s.op().name());
            if ((s.op() == SpatialOperator.DWITHIN
                    || s.op() == SpatialOperator.BEYOND)
                    && !(s.distance() >= 0 && Double.isFinite(s.distance()))) {
                throw new QueryException("distance of " + s.op() + " must be a finite number >= 0", "Distance");
            }
            return dialect.spatial(s, params);
        }
        if (f instanceof Filter.ResourceId r) return resourceId(r, params);
        throw new QueryException("unsupported filter " + f, null);
    }

    private String junction(List<Filter> children, String op, String empty, List<Object> params) {
        if (children.isEmpty()) return empty;
        List<String> parts = new ArrayList<>();
        for (Filter c : children) {
            String s = toSql(c, false, params);
            if (s == null) return null;
            parts.add("(" + s + ")");
        }
        return "(" + String.join(op, parts) + ")";
    }

    private AttributeDescriptor attribute(String property) {
        if (type.isGeometry(property)) {
            throw new QueryException("property '" + property + "' is the geometry; use a spatial operator", property);
        }
        return type.attribute(property).orElseThrow(() -> new QueryException(
                "unknown property '" + property + "' in feature type '" + type.name() + "'", property));
    }

    private String column(AttributeDescriptor a) {
        String col = dialect.quote(a.name());
        return a.type() == AttributeType.STRING ? col + dialect.textCollation() : col;
    }

    private String comparison(Filter.Comparison c, List<Object> params) {
        AttributeDescriptor a = attribute(c.property());
        Object value = LiteralConversion.convert(a, c.value());
        String col = column(a);
        params.add(value);
        if (a.type() == AttributeType.STRING && !c.matchCase()) {
            return "lower(" + col + ") " + c.op().sql() + " lower(?" + dialect.textCollation() + ")";
        }
        return col + " " + c.op().sql() + " ?" + (a.type() == AttributeType.STRING ? dialect.textCollation() : "");
    }

    private String like(Filter.Like l, List<Object> params) {
        AttributeDescriptor a = attribute(l.property());
        if (a.type() != AttributeType.STRING) {
            throw new QueryException("PropertyIsLike needs a text property, '" + l.property() + "' is not",
                    l.property());
        }
        String pattern = LikePattern.parse(l.pattern(), l.wildCard(), l.singleChar(), l.escape())
                .toSqlLike(LIKE_ESCAPE);
        String col = column(a);
        if (l.matchCase()) {
            params.add(pattern);
            return col + " LIKE ? ESCAPE '" + LIKE_ESCAPE + "'";
        }
        params.add(TextOrder.foldCase(pattern));
        return "lower(" + col + ") LIKE ? ESCAPE '" + LIKE_ESCAPE + "'";
    }

    private String isNull(Filter.IsNull n) {
        if (type.isGeometry(n.property())) return dialect.geometryColumn() + " IS NULL";
        return dialect.quote(attribute(n.property()).name()) + " IS NULL";
    }

    private String between(Filter.Between b, List<Object> params) {
        AttributeDescriptor a = attribute(b.property());
        params.add(LiteralConversion.convert(a, b.lower()));
        params.add(LiteralConversion.convert(a, b.upper()));
        String coll = a.type() == AttributeType.STRING ? dialect.textCollation() : "";
        return column(a) + " BETWEEN ?" + coll + " AND ?" + coll;
    }

    private String resourceId(Filter.ResourceId r, List<Object> params) {
        List<Long> fids = ResourceIds.fids(type.name(), r.ids());
        if (fids.isEmpty()) return "1=0";
        params.addAll(fids);
        return dialect.quote(SqlDialect.FID) + " IN (" + "?,".repeat(fids.size() - 1) + "?)";
    }

    private void requireGeometry(String op) {
        if (!type.hasGeometry()) {
            throw new QueryException("feature type '" + type.name() + "' has no geometry for " + op, op);
        }
    }
}
