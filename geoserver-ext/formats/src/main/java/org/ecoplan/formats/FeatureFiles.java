package org.ecoplan.formats;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens the delivered-file formats that are not GeoJSON, CSV or GeoPackage: Shapefile (ESRI
 * Shapefile Technical Description, July 1998; plain or zipped), 界址点坐标 text (国土资源部 建设用地
 * 勘测定界 / 报盘 坐标交换格式) and KML 2.2 (OGC 07-147r2). Every reader streams {@link FormatRecord}s
 * with geometries in the file's own CRS, which {@link FeatureFileReader#crs()} names.
 */
public final class FeatureFiles {
    private FeatureFiles() {}

    /**
     * Opens a Shapefile given its .shp, or a .zip holding one (option layer = base name when the zip holds several).
     *
     * @param name the file as messages should name it (relative to the caller's workspace)
     */
    public static FeatureFileReader shapefile(Path file, String name, ShapefileOptions options) {
        ShapefileOptions o = options == null ? ShapefileOptions.defaults() : options;
        String f = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ShapefileParts parts;
        if (f.endsWith(".zip")) parts = new ZipShapefileParts(file, name, o.layer(), o.maxUncompressedBytes());
        else if (f.endsWith(".shp")) parts = new DirectoryShapefileParts(file, name);
        else throw new FormatException(name, "a Shapefile source is its .shp file or a .zip holding one");
        return new ShapefileReader(parts, o);
    }

    /** Opens a 界址点坐标 text file; see {@link JzdOptions} for its encoding. */
    public static FeatureFileReader jzd(Path file, String name, JzdOptions options) {
        return new JzdReader(file, name, options);
    }

    /** Opens a KML 2.2 file; its CRS is always CRS:84. */
    public static FeatureFileReader kml(Path file, String name) {
        return new KmlReader(file, name);
    }
}
