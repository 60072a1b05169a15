package org.ecoplan.map.tiles;

import org.ecoplan.map.image.ImageFormat;
/**
 * The identity of one cached tile: what is drawn (layer, style), where (matrix set, matrix, column,
 * row), how it is encoded, and the {@link ContentVersions content version} of data and styles.
 * Two keys are equal only when the bytes they name are the same, so the key doubles as the ETag.
 */
public record TileKey(String layer, String style, String matrixSet, String matrix, long col, long row,
        ImageFormat format, String version) {
    /** A strong entity tag (RFC 9110 clause 8.8.3) derived from the key. */
    public String etag() {
        return "\""
                + ContentVersions.sha256(toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 24)
                + "\"";
    }

    /** Relative path of the tile in the disk cache; the version is a directory so old versions can be pruned. */
    public String diskPath() {
        return safe(layer) + "/" + safe(style) + "/" + safe(matrixSet) + "/" + version + "/" + safe(matrix) + "/" + col
                + "/"
                + row + "." + format.extension();
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
