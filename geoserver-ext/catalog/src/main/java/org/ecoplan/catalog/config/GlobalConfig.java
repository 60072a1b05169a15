package org.ecoplan.catalog.config;

/**
 * The server-wide settings of {@code layers/global.yaml}: the identity of the global endpoints
 * ({@code /wms}, {@code /wfs}, ... which publish every workspace with qualified names) and the
 * default workspace, in which an unqualified name is looked up first there (GeoServer's rule).
 *
 * @param defaultWorkspace the workspace of unqualified names at the global endpoints, or null
 */
public record GlobalConfig(ServicesConfig services, String defaultWorkspace, Location location) {}
