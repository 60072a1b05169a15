package org.ecoplan.loader.source;

import java.nio.file.Path;
import java.util.Map;
import org.ecoplan.catalog.config.SourceConfig;
import org.ecoplan.formats.FeatureFiles;
import org.ecoplan.formats.JzdOptions;
import org.ecoplan.formats.ShapefileOptions;
import org.ecoplan.loader.SourceException;

/**
 * Opens the reader for a layer's source format: GeoJSON, CSV and GeoPackage here; Shapefile (a
 * .shp or a .zip delivery), 界址点坐标 text ({@code jzd}) and KML through the formats module.
 * Shapefile and jzd sources take option {@code encoding}; a zipped Shapefile option {@code layer}.
 * A jzd parcel's fields arrive under ASCII names ({@link FeatureFileSourceReader#JZD_NAMES}).
 */
public final class SourceReaders {
    /** The most bytes read from one zip entry: 2 GiB, the Shapefile format's own size limit. */
    static final long MAX_UNCOMPRESSED_BYTES = ShapefileOptions.DEFAULT_MAX_UNCOMPRESSED_BYTES;

    private SourceReaders() {}

    /**
     * @param file the source file
     * @param name the file as reports name it (relative to the workspace)
     */
    public static SourceReader open(Path file, String name, SourceConfig source) {
        return open(file, name, source, null);
    }

    /**
     * @param defaultEncoding the text encoding of Shapefile and jzd sources whose configuration
     *                        names none (the command line's --encoding), or null to detect
     */
    public static SourceReader open(Path file, String name, SourceConfig source, String defaultEncoding) {
        String encoding = source.options().getOrDefault("encoding", defaultEncoding);
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
            case "shapefile" -> FeatureFileSourceReader.open(() -> FeatureFiles.shapefile(file, name,
                    new ShapefileOptions(encoding, source.options().get("layer"), MAX_UNCOMPRESSED_BYTES)), Map.of());
            case "jzd" -> FeatureFileSourceReader.open(() -> FeatureFiles.jzd(file, name, new JzdOptions(encoding)),
                    FeatureFileSourceReader.JZD_NAMES);
            case "kml" -> FeatureFileSourceReader.open(() -> FeatureFiles.kml(file, name), Map.of());
            default -> throw new SourceException(name, "unknown source format '" + source.format() + "'");
        };
    }
}
