package org.ecoplan.catalog.config;

/** One problem found in the configuration, with where it is. */
public record ConfigError(Location location, String message) {
    @Override
    public String toString() { return location + ": " + message; }
}
