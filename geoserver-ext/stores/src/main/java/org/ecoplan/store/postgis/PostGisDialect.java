package org.ecoplan.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.store.StoreException;
import org.ecoplan.store.sql.SqlDialect;
import org.ecoplan.store.sql.SqlNames;
import org.ecoplan.store.sql.WkbDecoding;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGStatement;

/**
 * SQL for one PostGIS layer table: every spatial operator of FES 2.0 clause 7.8 maps to its
 * PostGIS function with the literal geometry bound as WKB; BBOX uses the GiST index (&amp;&amp;)
 * plus an exact test on the geometry's double-precision extent. Text compares with COLLATE "C"
 * (code point order, as SQLite's BINARY).
 */
final class PostGisDialect implements SqlDialect {
    private static final int FETCH_SIZE = 500;

    private final String table;
    private final String geometry;
    private final int srid;

    PostGisDialect(String schema, String table, String geometryColumn, int srid) {
        this.table = SqlNames.quote(schema) + "." + SqlNames.quote(table);
        this.geometry = geometryColumn == null ? null : SqlNames.quote(geometryColumn);
        this.srid = srid;
    }

    @Override
    public String table() { return table; }

    @Override
    public String geometryColumn() { return geometry; }

    @Override
    public String textCollation() { return " COLLATE \"C\""; }

    @Override
    public String bbox(Envelope box, boolean topLevel, List<Object> params) {
        params.add(box.getMinX());
        params.add(box.getMinY());
        params.add(box.getMaxX());
        params.add(box.getMaxY());
        String envelope = "ST_MakeEnvelope(?, ?, ?, ?, " + srid + ")";
        // && compares float-rounded boxes; the ST_X/Y tests make the result exact. They read every
        // coordinate, so a row whose stored box lies inside a box shrunk by float rounding skips them:
        // its exact box is inside the query box, which it therefore intersects.
        Envelope inner = floatSafeInterior(box);
        String insideTest = "";
        if (inner != null) {
            params.add(inner.getMinX());
            params.add(inner.getMinY());
            params.add(inner.getMaxX());
            params.add(inner.getMaxY());
            insideTest = geometry + " @ " + envelope + " OR ";
        }
        params.add(box.getMinX());
        params.add(box.getMaxX());
        params.add(box.getMinY());
        params.add(box.getMaxY());
        return "(" + geometry + " && " + envelope + " AND (" + insideTest + "(ST_XMax(" + geometry
                + ") >= ? AND ST_XMin(" + geometry + ") <= ? AND ST_YMax(" + geometry + ") >= ? AND ST_YMin("
                + geometry + ") <= ?)))";
    }

    /**
     * The box shrunk so that its float-rounded (outward) box PostGIS compares still lies inside
     * {@code box}, or null when nothing is left of it. Two float ulps of margin on each side.
     */
    static Envelope floatSafeInterior(Envelope box) {
        double minX = box.getMinX() + 2 * Math.ulp((float) box.getMinX());
        double minY = box.getMinY() + 2 * Math.ulp((float) box.getMinY());
        double maxX = box.getMaxX() - 2 * Math.ulp((float) box.getMaxX());
        double maxY = box.getMaxY() - 2 * Math.ulp((float) box.getMaxY());
        if (!(minX < maxX && minY < maxY) || !Double.isFinite(minX + minY + maxX + maxY)) return null;
        return new Envelope(minX, maxX, minY, maxY);
    }

    @Override
    public String spatial(Filter.Spatial p, List<Object> params) {
        params.add(new WKBWriter(2).write(p.geometry()));
        String literal = "ST_GeomFromWKB(?, " + srid + ")";
        String args = geometry + ", " + literal;
        return switch (p.op()) {
            case EQUALS -> "ST_Equals(" + args + ")";
            case DISJOINT -> "ST_Disjoint(" + args + ")";
            case INTERSECTS -> "ST_Intersects(" + args + ")";
            case TOUCHES -> "ST_Touches(" + args + ")";
            case WITHIN -> "ST_Within(" + args + ")";
            case CONTAINS -> "ST_Contains(" + args + ")";
            case OVERLAPS -> "ST_Overlaps(" + args + ")";
            case CROSSES -> "ST_Crosses(" + args + ")";
            case DWITHIN -> {
                params.add(p.distance());
                yield "ST_DWithin(" + args + ", ?)";
            }
            case BEYOND -> {
                params.add(p.distance());
                yield "NOT ST_DWithin(" + args + ", ?)";
            }
        };
    }

    @Override
    public String spatialPrefilter(Filter.Spatial predicate, List<Object> params) {
        return null;
    }

    @Override
    public String geometrySelect() { return "ST_AsBinary(" + geometry + ")"; }

    /**
     * Douglas-Peucker in the database (ST_Simplify; its preserveCollapsed form is in the PostGIS 2.5
     * manual and later) with preserveCollapsed, so a
     * feature smaller than the distance keeps a minimal shape instead of vanishing: a map of a
     * million parcels then moves a fraction of the bytes and coordinates.
     */
    @Override
    public String generalizedGeometrySelect() { return "ST_AsBinary(ST_Simplify(" + geometry + ", ?, true))"; }

    /**
     * Geometries read keep their coordinates in one packed array per sequence, as the GeoPackage store's
     * do: a map of a million parcels would otherwise allocate an object per coordinate.
     */
    private static final GeometryFactory READ_FACTORY = new GeometryFactory(
            PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

    @Override
    public Geometry readGeometry(ResultSet rs, int column) throws SQLException {
        byte[] wkb = rs.getBytes(column);
        if (wkb == null) return null;
        try {
            return WkbDecoding.decode(wkb, 0, READ_FACTORY);
        } catch (ParseException e) {
            throw new StoreException("invalid WKB from " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Object readValue(ResultSet rs, int column, AttributeType type) throws SQLException {
        Object v = switch (type) {
            case STRING -> rs.getString(column);
            case INTEGER -> rs.getLong(column);
            case DOUBLE -> rs.getDouble(column);
            case BOOLEAN -> rs.getBoolean(column);
            case DATE -> rs.getObject(column, LocalDate.class);
        };
        return rs.wasNull() ? null : v;
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object v) throws SQLException {
        if (v == null) ps.setNull(index, java.sql.Types.NULL);
        else if (v instanceof Long l) ps.setLong(index, l);
        else if (v instanceof Double d) ps.setDouble(index, d);
        else if (v instanceof Boolean b) ps.setBoolean(index, b);
        else if (v instanceof LocalDate d) ps.setObject(index, d);
        else if (v instanceof byte[] b) ps.setBytes(index, b);
        else ps.setString(index, v.toString());
    }

    @Override
    public String page(long offset, long limit) {
        return (limit >= 0 ? " LIMIT " + limit : "") + (offset > 0 ? " OFFSET " + offset : "");
    }

    @Override
    public void prepareStreaming(Connection connection, PreparedStatement statement) throws SQLException {
        // the driver uses a server-side cursor only inside a transaction with a fetch size
        connection.setAutoCommit(false);
        statement.setFetchSize(FETCH_SIZE);
        // rows in binary from the first execution (the driver's default waits for the fifth use of a
        // statement): WKB then travels as bytes, not as hex text the server writes and the driver parses
        statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
    }
}
