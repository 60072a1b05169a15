package org.ecoplan.formats;

/**
 * How to open a Shapefile.
 *
 * @param encoding             charset of the .dbf text fields; wins over the .cpg file and the
 *                             dBASE language-driver byte; null to detect
 * @param layer                base name of the Shapefile to read when a .zip holds several; null otherwise
 * @param maxUncompressedBytes the most bytes read from any one zip entry, against zip bombs
 */
public record ShapefileOptions(String encoding, String layer, long maxUncompressedBytes) {
    /** 2 GiB: the .shp format's own limit (file length is a signed 32-bit count of 16-bit words). */
    public static final long DEFAULT_MAX_UNCOMPRESSED_BYTES = 2L * 1024 * 1024 * 1024;

    public ShapefileOptions {
        if (maxUncompressedBytes <= 0) throw new IllegalArgumentException("maxUncompressedBytes must be positive");
    }

    /** Detect the encoding, expect one Shapefile, the default zip cap. */
    public static ShapefileOptions defaults() {
        return new ShapefileOptions(null, null, DEFAULT_MAX_UNCOMPRESSED_BYTES);
    }
}
