package org.ecoplan.catalog.config;

import java.util.Map;

/**
 * Where the data-loader reads a layer from.
 *
 * @param file    path relative to the workspace root
 * @param format  geojson | csv | gpkg | shapefile (.shp or a .zip holding one) | jzd (界址点坐标 text) | kml
 * @param crs     CRS of the source coordinates ("EPSG:4490"); data is reprojected to the layer's
 * @param options format options: csv {@code wkt} or {@code lon}+{@code lat} column names,
 *                {@code delimiter}; gpkg {@code table}; shapefile {@code encoding} (the .dbf code
 *                page) and {@code layer} (which .shp of a zip); jzd {@code encoding}
 */
public record SourceConfig(String file, String format, String crs, Map<String, String> options) {
    public SourceConfig {
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
