package org.ecoplan.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The files that make up one Shapefile — .shp, .shx, .dbf, .prj, .cpg — wherever they are: a
 * directory or a zip delivery. The ESRI Shapefile Technical Description (July 1998) requires the
 * main file, index and dBASE table to share a base name; .prj and .cpg are later conventions.
 */
interface ShapefileParts extends AutoCloseable {
    /** The part as reports name it ("data/a.dbf", "data/d.zip!/sub/a.dbf"). */
    String name(String extension);

    /** Whether the part exists. */
    boolean has(String extension);

    /** Opens a part; the caller closes the stream. */
    InputStream open(String extension) throws IOException;

    @Override
    void close();

    /** A small text part (.prj, .cpg) read whole, at most 64 KiB; null when absent. */
    default String text(String extension) {
        if (!has(extension)) return null;
        try (InputStream in = open(extension)) {
            byte[] b = in.readNBytes(64 * 1024);
            // a UTF-8 byte order mark (Notepad writes one) is not part of the text
            int from = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
            // .prj is ASCII WKT and .cpg a code-page name; Latin-1 maps every byte, so nothing fails here
            return new String(b, from, b.length - from, StandardCharsets.ISO_8859_1).strip();
        } catch (IOException e) {
            throw new FormatException(name(extension), "cannot read: " + e.getMessage(), e);
        }
    }
}
