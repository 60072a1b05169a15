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

    /**
     * A file name for a name part that no other name shares: letters, digits, '.' and '-' stay, every
     * other character becomes '_' and its code in hex ("_3a" for ':'), so "a:b_c" and "a_b:c" differ.
     */
    static String safe(String s) {
        String name = escaped(s);
        if (name.length() <= MAX_NAME) return name;
        // a file name has at most 255 bytes: a long one keeps its start and adds a digest of the whole
        return name.substring(0, 64) + "-" + ContentVersions.sha256(s.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .substring(0, 32);
    }

    /** Longer escaped names are shortened with a digest (see {@link #safe}). */
    static final int MAX_NAME = 120;

    /** Whether the tile is of a list of layers drawn together, which only the memory cache keeps. */
    public boolean ofList() {
        return layer.indexOf(',') >= 0;
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
                b.append(c);
            } else {
                b.append('_').append(Integer.toHexString(c)).append('_');
            }
        }
        return b.toString();
    }
}
