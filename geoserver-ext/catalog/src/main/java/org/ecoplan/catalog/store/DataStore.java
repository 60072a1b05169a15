package org.ecoplan.catalog.store;

import org.ecoplan.catalog.FeatureType;

/** A database holding layer tables: a GeoPackage file or a PostGIS schema. */
public interface DataStore extends AutoCloseable {
    /** The store URL it was opened from, without credentials. */
    String description();

    boolean hasTable(String table);

    /** Read access to a table, which must exist and match the feature type's columns. */
    FeatureSource featureSource(FeatureType type, String table);

    /** Starts a write transaction. */
    StoreWriter writer();

    @Override
    void close();
}
