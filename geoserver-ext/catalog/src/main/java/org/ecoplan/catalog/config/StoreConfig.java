package org.ecoplan.catalog.config;

/**
 * A store the layers name by id, read from {@code layers/stores/<id>.yaml}; the URL may use
 * {@code ${ENV:-default}} so one catalog runs on GeoPackage or PostGIS.
 */
public record StoreConfig(String id, String url, Location location) {}
