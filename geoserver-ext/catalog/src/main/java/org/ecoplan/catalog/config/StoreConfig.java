package org.ecoplan.catalog.config;

/**
 * A store the layers of a workspace name by id, read from {@code layers/<workspace>/stores/<id>.yaml};
 * the URL may use {@code ${ENV:-default}} so one catalog runs on GeoPackage or PostGIS. A relative
 * GeoPackage path is relative to the data directory.
 */
public record StoreConfig(String workspace, String id, String url, Location location) {
    /** "workspace:id". */
    public String qualifiedName() { return workspace + ":" + id; }
}
