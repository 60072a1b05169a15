package org.ecoplan.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.query.FilterEvaluator;
import org.ecoplan.catalog.query.QueryException;
import org.ecoplan.catalog.query.QueryTimeoutException;
import org.ecoplan.catalog.query.SortBy;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.catalog.store.StoreException;
import org.locationtech.jts.geom.Geometry;

/**
 * The {@link FeatureSource} of a layer table in an SQL database: builds one SELECT per query
 * (bound parameters only), orders by the sort keys then fid so paging is stable, and streams the
 * rows. Text sorts in code point order; NULLs sort first ascending and last descending in every
 * backend (SQLite's native behaviour, written out explicitly for PostgreSQL).
 */
public abstract class SqlFeatureSource implements FeatureSource {
    private final FeatureType type;
    private final SqlDialect dialect;
    private final ConnectionSource connections;
    private final String description;

    protected SqlFeatureSource(FeatureType type, SqlDialect dialect, ConnectionSource connections, String description) {
        this.type = type;
        this.dialect = dialect;
        this.connections = connections;
        this.description = description;
    }

    @Override
    public FeatureType schema() { return type; }

    protected SqlDialect dialect() { return dialect; }

    protected ConnectionSource connections() { return connections; }

    @Override
    public long count(FeatureQuery query) {
        SqlWhere where = new FilterToSql(type, dialect).translate(query.filter());
        if (where.hasResidual()) {
            long n = 0;
            try (FeatureCursor c = open(query.withPage(0, -1).withProperties(List.of(), false), where)) {
                while (c.hasNext()) {
                    c.next();
                    n++;
                }
            }
            return n;
        }
        String sql = "SELECT count(*) FROM " + dialect.table() + " WHERE " + where.sql();
        if (query.pastDeadline()) throw timeout("counting");
        try (Connection c = connections.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, where.params(), 1);
            try (AutoCloseable limit = dialect.limitTime(c, ps, query.deadlineNanos());
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            if (query.pastDeadline()) throw timeout("counting");
            throw SqlFailure.of("counting " + description + " failed: " + e.getMessage(), e);
        } catch (QueryTimeoutException | StoreException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException("counting " + description + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public FeatureCursor features(FeatureQuery query) {
        return open(query, new FilterToSql(type, dialect).translate(query.filter()));
    }

    private FeatureCursor open(FeatureQuery query, SqlWhere where) {
        return open(query, where, true);
    }

    private FeatureCursor open(FeatureQuery query, SqlWhere where, boolean mayRetry) {
        List<AttributeDescriptor> selected = selected(query.properties());
        String orderBy = orderBy(query.sortBy());
        boolean residual = where.hasResidual();
        // the Java residual may test any attribute, so it sees whole rows
        List<AttributeDescriptor> read = residual ? type.attributes() : selected;
        boolean readGeometry = type.hasGeometry() && (query.withGeometry() || residual);
        // the Java residual tests the geometry it reads: only exact geometries may be tested
        String generalized = readGeometry && !residual && query.generalization() > 0
                ? dialect.generalizedGeometrySelect()
                : null;
        StringBuilder sql = new StringBuilder("SELECT ").append(dialect.quote(SqlDialect.FID));
        for (AttributeDescriptor a : read) sql.append(", ").append(dialect.quote(a.name()));
        if (readGeometry) sql.append(", ").append(generalized != null ? generalized : dialect.geometrySelect());
        sql.append(" FROM ").append(dialect.table()).append(" WHERE ").append(where.sql()).append(orderBy);
        if (!residual) sql.append(dialect.page(query.offset(), query.limit()));

        GeometryTransformer transformer = query.targetCrs() == null || !type.hasGeometry()
                ? null
                : new GeometryTransformer(type.geometry().crs(), query.targetCrs());
        FilterEvaluator evaluator = residual ? new FilterEvaluator(type) : null;
        String[] readNames = read.stream().map(AttributeDescriptor::name).toArray(String[]::new);
        String[] selectedNames = selected.stream().map(AttributeDescriptor::name).toArray(String[]::new);
        String idPrefix = type.name() + ".";
        SqlFeatureCursor.RowReader reader = rs -> {
            long fid = rs.getLong(1);
            Object[] v = new Object[readNames.length];
            for (int i = 0; i < v.length; i++) v[i] = dialect.readValue(rs, i + 2, read.get(i).type());
            RowMap values = new RowMap(readNames, v);
            Geometry g = readGeometry ? dialect.readGeometry(rs, read.size() + 2) : null;
            if (g != null) g.setSRID(type.geometry().crs().epsg());
            String id = idPrefix + fid;
            if (evaluator != null) {
                if (!evaluator.matches(where.residual(), new Feature(id, values, g))) return null;
                values = values.project(selectedNames);
                if (!query.withGeometry()) g = null;
            }
            // the geometry was just decoded: nobody else holds it
            if (g != null && transformer != null) g = transformer.transformInPlace(g);
            return new Feature(id, values, g);
        };
        if (query.pastDeadline()) throw timeout("querying");
        Connection c = null;
        PreparedStatement ps = null;
        AutoCloseable limit = () -> {};
        try {
            c = connections.open();
            ps = c.prepareStatement(sql.toString());
            dialect.prepareStreaming(c, ps);
            int first = 1;
            if (generalized != null) dialect.bind(ps, first++, query.generalization());
            bindAll(ps, where.params(), first);
            limit = dialect.limitTime(c, ps, query.deadlineNanos());
            ResultSet rs = ps.executeQuery();
            long deadline = query.deadlineNanos();
            return residual
                    ? new SqlFeatureCursor(c, ps, rs, reader, query.offset(), query.limit(), description, limit,
                            deadline)
                    : new SqlFeatureCursor(c, ps, rs, reader, 0, -1, description, limit, deadline);
        } catch (SQLException e) {
            undo(limit);
            SqlClose.quietly(ps, c);
            if (query.pastDeadline()) throw timeout("querying");
            // the driver has dropped the statement that failed: the second attempt prepares it anew
            if (mayRetry && SqlFailure.stalePlan(e)) return open(query, where, false);
            throw SqlFailure.of("querying " + description + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            undo(limit);
            SqlClose.quietly(ps, c);
            throw e;
        }
    }

    private QueryTimeoutException timeout(String doing) {
        return new QueryTimeoutException(doing + " " + description + " passed the request's deadline");
    }

    private static void undo(AutoCloseable limit) {
        try {
            limit.close();
        } catch (Exception e) {
            // the connection is closed next in any case
        }
    }

    private List<AttributeDescriptor> selected(List<String> properties) {
        if (properties == null) return type.attributes();
        for (String p : properties) {
            if (!type.hasProperty(p)) {
                throw new QueryException("unknown property '" + p + "' in feature type '" + type.name() + "'", p);
            }
        }
        List<AttributeDescriptor> out = new ArrayList<>();
        for (AttributeDescriptor a : type.attributes()) if (properties.contains(a.name())) out.add(a);
        return out;
    }

    private String orderBy(List<SortBy> sortBy) {
        StringBuilder sb = new StringBuilder(" ORDER BY ");
        for (SortBy s : sortBy) {
            AttributeDescriptor a = type.attribute(s.property()).orElseThrow(() -> new QueryException(
                    "cannot sort by '" + s.property() + "': not an attribute of '" + type.name() + "'", s.property()));
            sb.append(dialect.quote(a.name()));
            if (a.type() == AttributeType.STRING) sb.append(dialect.textCollation());
            sb.append(s.ascending() ? " ASC NULLS FIRST, " : " DESC NULLS LAST, ");
        }
        return sb.append(dialect.quote(SqlDialect.FID)).append(" ASC").toString();
    }

    private void bindAll(PreparedStatement ps, List<Object> params, int first) throws SQLException {
        for (int i = 0; i < params.size(); i++) dialect.bind(ps, first + i, params.get(i));
    }

    @Override
    public String toString() { return description; }
}
