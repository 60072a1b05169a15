package org.ecoplan.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.query.Filter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * What differs between the SQL databases a layer table lives in: geometry encoding, spatial
 * predicates, text collation, paging syntax and value binding. One instance serves one table;
 * {@link FilterToSql} and {@link SqlFeatureSource} hold everything the backends share.
 */
public interface SqlDialect {
    /** Name of the integer feature id column, 1..n in load order. */
    String FID = "fid";

    default String quote(String identifier) {
        return SqlNames.quote(identifier);
    }

    /** The quoted, possibly schema-qualified table. */
    String table();

    /** The quoted geometry column, or null for a table without geometry. */
    String geometryColumn();

    /** Suffix that makes a text expression compare in code point order (" COLLATE \"C\"" or ""). */
    String textCollation();

    /**
     * The envelope-intersects test of FES BBOX, index-backed. {@code topLevel} is true when the
     * test is a conjunct of the whole WHERE clause, where "false" and "unknown" need not differ.
     */
    String bbox(Envelope box, boolean topLevel, List<Object> params);

    /** The predicate in SQL, or null when the store tests it in Java (then see {@link #spatialPrefilter}). */
    String spatial(Filter.Spatial predicate, List<Object> params);

    /** An index test every feature matching the predicate passes, or null if none applies. */
    String spatialPrefilter(Filter.Spatial predicate, List<Object> params);

    /** The select-list expression reading the geometry column. */
    String geometrySelect();

    /**
     * The select-list expression reading the geometry column simplified within a distance bound as
     * its one parameter, every feature kept however small; null when the database cannot simplify
     * (the store then returns exact geometries, which a caller must accept).
     */
    default String generalizedGeometrySelect() {
        return null;
    }

    Geometry readGeometry(ResultSet rs, int column) throws SQLException;

    Object readValue(ResultSet rs, int column, AttributeType type) throws SQLException;

    /** Binds a parameter: Long, Double, String, Boolean, LocalDate or byte[]. */
    void bind(PreparedStatement ps, int index, Object value) throws SQLException;

    /** LIMIT/OFFSET clause (leading space) for the page, "" when neither applies. */
    String page(long offset, long limit);

    /** Prepares a connection and statement so a large result streams instead of being buffered. */
    void prepareStreaming(Connection connection, PreparedStatement statement) throws SQLException;

    /**
     * Makes the statement stop at a deadline ({@link System#nanoTime()}, 0 for none) and returns
     * what undoes that when the statement is done, before the connection goes back to its pool.
     * JDBC's query timeout by default (PostgreSQL cancels the statement on the server).
     */
    default AutoCloseable limitTime(Connection connection, PreparedStatement statement, long deadlineNanos)
            throws SQLException {
        if (deadlineNanos != 0) {
            long seconds = Math.max(1, (deadlineNanos - System.nanoTime() + 999_999_999L) / 1_000_000_000L);
            if (seconds < 86_400) statement.setQueryTimeout((int) seconds); // a day or more: no real deadline
        }
        return () -> {};
    }
}
