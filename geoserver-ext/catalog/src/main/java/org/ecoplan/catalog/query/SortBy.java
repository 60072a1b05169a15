package org.ecoplan.catalog.query;

/** One sort key (FES 2.0 clause 8, SortBy). */
public record SortBy(String property, boolean ascending) {}
