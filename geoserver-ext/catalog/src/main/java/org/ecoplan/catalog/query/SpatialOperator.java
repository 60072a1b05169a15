package org.ecoplan.catalog.query;

/** Spatial operators of OGC Filter Encoding 2.0, clause 7.8 (BBOX is {@link Filter.BBox}). */
public enum SpatialOperator {
    EQUALS,
    DISJOINT,
    INTERSECTS,
    TOUCHES,
    WITHIN,
    CONTAINS,
    OVERLAPS,
    CROSSES,
    DWITHIN,
    BEYOND
}
