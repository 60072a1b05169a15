package org.ecoplan.catalog.store;

import org.ecoplan.catalog.FeatureType;

/** A database holding layer tables: a GeoPackage file or a PostGIS schema. */
public interface DataStore extends AutoCloseable {
    /** The store URL it was opened from, without credentials. */
    String description();

    boolean hasTable(String table);

    /** The tables holding features (a GeoPackage's gpkg_contents, a PostGIS schema's geometry columns), by name. */
    java.util.List<String> featureTables();

    /**
     * The columns and geometry of a table, for publishing it; empty when it does not exist or
     * has no {@code fid} key to serve features by.
     */
    java.util.Optional<TableDescription> describe(String table);

    /** Read access to a table, which must exist and match the feature type's columns. */
    FeatureSource featureSource(FeatureType type, String table);

    /** The state of the store's connection pool, for monitoring; empty for a store without one. */
    default java.util.Optional<ConnectionPoolState> connectionPool() {
        return java.util.Optional.empty();
    }

    /** Starts a write transaction. */
    StoreWriter writer();

    @Override
    void close();
}
