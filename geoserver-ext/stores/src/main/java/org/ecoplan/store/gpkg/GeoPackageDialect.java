package org.ecoplan.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.SpatialOperator;
import org.ecoplan.store.sql.SqlDialect;
import org.ecoplan.store.sql.SqlNames;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;

/**
 * SQL for one GeoPackage feature table. Plain SQLite has no spatial predicates, so BBOX is the
 * R-tree lookup plus an exact envelope test on the geometry header, and the other spatial
 * operators are tested in Java after an R-tree prefilter (none for DISJOINT and BEYOND, which
 * also match features far away).
 */
final class GeoPackageDialect implements SqlDialect {
    private final String table;
    private final String geometry;
    private final String rtree;

    GeoPackageDialect(String table, String geometryColumn) {
        this.table = SqlNames.quote(table);
        this.geometry = geometryColumn == null ? null : SqlNames.quote(geometryColumn);
        this.rtree = geometryColumn == null ? null : SqlNames.quote(RtreeIndex.name(table, geometryColumn));
    }

    @Override
    public String table() { return table; }

    @Override
    public String geometryColumn() { return geometry; }

    @Override
    public String textCollation() { return ""; }

    @Override
    public String bbox(Envelope box, boolean topLevel, List<Object> params) {
        String candidates = rtreeTest(box, params);
        // The R-tree stores float32 bounds rounded outwards, so its matches are a superset. Rows
        // whose stored bounds overlap the box by more than that rounding surely match; only the
        // thin band of the others needs the exact envelope test, which costs four calls from
        // SQLite into Java per row. CASE, unlike OR (whose operands SQLite may reorder, cheaper
        // first), evaluates the exact test only when the sure test fails.
        double mx = margin(box.getMinX(), box.getMaxX());
        double my = margin(box.getMinY(), box.getMaxY());
        String sure = rtreeTest(box.getMinX() + mx, box.getMaxX() - mx, box.getMinY() + my, box.getMaxY() - my, params);
        params.add(box.getMinX());
        params.add(box.getMaxX());
        params.add(box.getMinY());
        params.add(box.getMaxY());
        String exact = "ST_MaxX(" + geometry + ") >= ? AND ST_MinX(" + geometry + ") <= ? AND ST_MaxY(" + geometry
                + ") >= ? AND ST_MinY(" + geometry + ") <= ?";
        String test = candidates + " AND (CASE WHEN " + sure + " THEN 1 ELSE (" + exact + ") END)";
        // under NOT or OR a null geometry must stay "unknown" as in PostGIS, not become "false"
        return topLevel ? test : "(CASE WHEN " + geometry + " IS NULL THEN NULL ELSE (" + test + ") END)";
    }

    /**
     * How far inwards each bound of the box moves for the "surely matches" test: SQLite rounds
     * every stored bound outwards to a float32, off the true value by less than 2^-22 of its
     * magnitude, so 2^-18 of the largest magnitude on the axis (plus a tiny absolute term for
     * bounds at zero) is more than that. Each of the four comparisons is safe on its own (a stored
     * minimum below max - margin means a true minimum below max), so the moved bounds need not
     * form a box: for a box thinner than twice the margin they cross, and the test still holds.
     */
    private static double margin(double a, double b) {
        return Math.scalb(Math.max(Math.abs(a), Math.abs(b)), -18) + 1e-30;
    }

    private String rtreeTest(Envelope box, List<Object> params) {
        return rtreeTest(box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY(), params);
    }

    private String rtreeTest(double minX, double maxX, double minY, double maxY, List<Object> params) {
        params.add(maxX);
        params.add(minX);
        params.add(maxY);
        params.add(minY);
        return "\"fid\" IN (SELECT id FROM " + rtree + " WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?)";
    }

    @Override
    public String spatial(Filter.Spatial predicate, List<Object> params) {
        return null;
    }

    @Override
    public String spatialPrefilter(Filter.Spatial p, List<Object> params) {
        if (p.op() == SpatialOperator.DISJOINT || p.op() == SpatialOperator.BEYOND || p.geometry().isEmpty())
            return null;
        Envelope e = new Envelope(p.geometry().getEnvelopeInternal());
        if (p.op() == SpatialOperator.DWITHIN) e.expandBy(p.distance());
        return rtreeTest(e, params);
    }

    @Override
    public String geometrySelect() { return geometry; }

    @Override
    public Geometry readGeometry(ResultSet rs, int column) throws SQLException {
        byte[] blob = rs.getBytes(column);
        return blob == null ? null : GeoPackageGeometry.decode(blob);
    }

    @Override
    public Object readValue(ResultSet rs, int column, AttributeType type) throws SQLException {
        Object v = switch (type) {
            case STRING -> rs.getString(column);
            case INTEGER -> rs.getLong(column);
            case DOUBLE -> rs.getDouble(column);
            case BOOLEAN -> rs.getLong(column) != 0;
            case DATE -> {
                String s = rs.getString(column);
                yield s == null ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
            }
        };
        return rs.wasNull() ? null : v;
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        GeoPackageWriter.bind(ps, index, value);
    }

    @Override
    public String page(long offset, long limit) {
        if (offset == 0 && limit < 0) return "";
        return " LIMIT " + (limit < 0 ? -1 : limit) + " OFFSET " + offset;
    }

    @Override
    public void prepareStreaming(Connection connection, PreparedStatement statement) {
        // SQLite steps through the result row by row already
    }

    /**
     * sqlite-jdbc's query timeout only sets the busy timeout, so the deadline is a progress handler
     * that interrupts the statement (SQLITE_INTERRUPT) once it has passed; it is removed again before
     * the pooled connection serves anyone else.
     */
    @Override
    public AutoCloseable limitTime(Connection connection, PreparedStatement statement, long deadlineNanos)
            throws SQLException {
        if (deadlineNanos == 0) return () -> {};
        SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
        ProgressHandler.setHandler(sqlite, 1000, new ProgressHandler() {
            @Override
            protected int progress() {
                return System.nanoTime() - deadlineNanos > 0 ? 1 : 0;
            }
        });
        return () -> ProgressHandler.clearHandler(sqlite);
    }
}
