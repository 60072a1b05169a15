package org.ecoplan.catalog.query;

import java.util.List;
import org.ecoplan.catalog.crs.Crs;

/**
 * What a protocol asks a {@link org.ecoplan.catalog.store.FeatureSource} for.
 *
 * @param filter     the filter (native CRS), {@link Filter#INCLUDE} for all
 * @param sortBy     sort keys; results are always ordered, ties broken by feature id, so paging is stable
 * @param offset     features to skip (WFS STARTINDEX), &gt;= 0
 * @param limit      maximum features to return, or -1 for no limit
 * @param properties attribute names to return, or null for all (the geometry is controlled by
 *                   {@code withGeometry})
 * @param withGeometry whether to read the geometry
 * @param targetCrs  CRS the returned geometries are in, or null for the native CRS
 * @param deadlineNanos a {@link System#nanoTime()} past which the store stops the query
 *                   ({@link QueryTimeoutException}), or 0 for none
 * @param generalization a distance in the layer's native CRS units within which the store may
 *                   simplify the geometries it returns (a map needs no detail finer than its pixels),
 *                   keeping every feature however small; 0 for exact geometries. Filters are always
 *                   evaluated on the exact geometries.
 */
public record FeatureQuery(Filter filter, List<SortBy> sortBy, long offset, long limit, List<String> properties,
        boolean withGeometry, Crs targetCrs, long deadlineNanos, double generalization) {
    public FeatureQuery {
        filter = filter == null ? Filter.INCLUDE : filter;
        sortBy = sortBy == null ? List.of() : List.copyOf(sortBy);
        properties = properties == null ? null : List.copyOf(properties);
        if (offset < 0) throw new IllegalArgumentException("offset < 0");
        if (!(generalization >= 0) || Double.isInfinite(generalization))
            throw new IllegalArgumentException("generalization must be a finite distance >= 0");
    }

    public static final FeatureQuery ALL = new FeatureQuery(Filter.INCLUDE, List.of(), 0, -1, null, true, null, 0, 0);

    /** A query of exact geometries. */
    public FeatureQuery(Filter filter, List<SortBy> sortBy, long offset, long limit, List<String> properties,
            boolean withGeometry, Crs targetCrs, long deadlineNanos) {
        this(filter, sortBy, offset, limit, properties, withGeometry, targetCrs, deadlineNanos, 0);
    }

    /** A query without a deadline. */
    public FeatureQuery(Filter filter, List<SortBy> sortBy, long offset, long limit, List<String> properties,
            boolean withGeometry, Crs targetCrs) {
        this(filter, sortBy, offset, limit, properties, withGeometry, targetCrs, 0);
    }

    public static FeatureQuery of(Filter f) {
        return ALL.withFilter(f);
    }

    public FeatureQuery withFilter(Filter f) {
        return new FeatureQuery(f, sortBy, offset, limit, properties, withGeometry, targetCrs, deadlineNanos,
                generalization);
    }

    public FeatureQuery withSort(List<SortBy> s) {
        return new FeatureQuery(filter, s, offset, limit, properties, withGeometry, targetCrs, deadlineNanos,
                generalization);
    }

    public FeatureQuery withPage(long newOffset, long newLimit) {
        return new FeatureQuery(filter, sortBy, newOffset, newLimit, properties, withGeometry, targetCrs,
                deadlineNanos, generalization);
    }

    public FeatureQuery withProperties(List<String> p, boolean geometry) {
        return new FeatureQuery(filter, sortBy, offset, limit, p, geometry, targetCrs, deadlineNanos, generalization);
    }

    public FeatureQuery withTargetCrs(Crs crs) {
        return new FeatureQuery(filter, sortBy, offset, limit, properties, withGeometry, crs, deadlineNanos,
                generalization);
    }

    /** The same query, stopped by the store at {@code nanos} ({@link System#nanoTime()}); 0 for none. */
    public FeatureQuery withDeadline(long nanos) {
        return new FeatureQuery(filter, sortBy, offset, limit, properties, withGeometry, targetCrs, nanos,
                generalization);
    }

    /** The same query, its geometries simplified by the store within {@code distance} (native CRS units). */
    public FeatureQuery withGeneralization(double distance) {
        return new FeatureQuery(filter, sortBy, offset, limit, properties, withGeometry, targetCrs, deadlineNanos,
                distance);
    }

    /** Whether the deadline has passed; overflow-safe as {@link System#nanoTime()} requires. */
    public boolean pastDeadline() {
        return deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0;
    }
}
