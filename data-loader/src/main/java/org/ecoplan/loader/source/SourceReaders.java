package org.ecoplan.loader.source;

import java.nio.file.Path;
import org.ecoplan.catalog.config.SourceConfig;
import org.ecoplan.loader.SourceException;

/**
 * Opens the reader for a layer's source format. Shapefile is refused on purpose: no maintained
 * library outside GeoTools reads it, and GeoTools is not used here; GDAL converts it losslessly.
 */
public final class SourceReaders {
    private SourceReaders() {}

    /**
     * @param file the source file
     * @param name the file as reports name it (relative to the workspace)
     */
    public static SourceReader open(Path file, String name, SourceConfig source) {
        return switch (source.format()) {
            case "geojson" -> {
                new TextFileCheck(file, name).run();
                yield new GeoJsonSourceReader(file, name);
            }
            case "csv" -> {
                new TextFileCheck(file, name).run();
                yield new CsvSourceReader(file, name, source.options());
            }
            case "gpkg" -> new GeoPackageSourceReader(file, name, source.options());
            case "shapefile" ->
                throw new SourceException(name, "format shapefile is not supported (no Shapefile reader "
                        + "without GeoTools); convert it to GeoJSON with `ogr2ogr -f GeoJSON out.geojson in.shp` "
                        + "(or to a GeoPackage with `ogr2ogr -f GPKG out.gpkg in.shp`) and change the layer's source");
            default -> throw new SourceException(name, "unknown source format '" + source.format() + "'");
        };
    }
}
