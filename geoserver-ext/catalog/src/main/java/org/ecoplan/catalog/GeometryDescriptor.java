package org.ecoplan.catalog;

import org.ecoplan.catalog.crs.Crs;

/** The geometry property of a feature type: column name, geometry type and native CRS. */
public record GeometryDescriptor(String name, GeometryType type, Crs crs) {
    public static final String DEFAULT_NAME = "geom";
}
