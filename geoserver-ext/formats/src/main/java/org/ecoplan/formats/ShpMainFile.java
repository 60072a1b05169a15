package org.ecoplan.formats;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Streams the records of a Shapefile main file (.shp) or reads the record count of its index
 * (.shx), per the ESRI Shapefile Technical Description (July 1998): a 100-byte header (file code
 * 9994 and file length in 16-bit words, big-endian; version 1000 and shape type, little-endian),
 * then records of an 8-byte big-endian header (record number, content length in words) and
 * their content. Record lengths are checked against the declared file length before anything is
 * allocated, so a damaged length cannot ask for gigabytes.
 */
final class ShpMainFile implements AutoCloseable {
    static final int HEADER_BYTES = 100;

    private final String name;
    private final DataInputStream in;
    private final long length;
    private final int shapeType;
    private long position = HEADER_BYTES;

    ShpMainFile(InputStream raw, String name) {
        this.name = name;
        this.in = new DataInputStream(new BufferedInputStream(raw, 64 * 1024));
        ByteBuffer h = header(in, name);
        this.length = 2L * h.order(ByteOrder.BIG_ENDIAN).getInt(24);
        this.shapeType = h.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
        if (length < HEADER_BYTES)
            throw new FormatException(name,
                    "the header's file length (" + length + " bytes) is shorter than the header");
    }

    int shapeType() { return shapeType; }

    /** The number of records an index file (.shx, 8 bytes per record after the header) lists. */
    static long indexCount(InputStream raw, String name) {
        try (DataInputStream in = new DataInputStream(raw)) {
            long bytes = 2L * header(in, name).order(ByteOrder.BIG_ENDIAN).getInt(24);
            return Math.max(0, (bytes - HEADER_BYTES) / 8);
        } catch (IOException e) {
            throw new FormatException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    private static ByteBuffer header(DataInputStream in, String name) {
        byte[] b = new byte[HEADER_BYTES];
        try {
            in.readFully(b);
        } catch (EOFException e) {
            throw new FormatException(name, "truncated: shorter than the 100-byte Shapefile header");
        } catch (IOException e) {
            throw new FormatException(name, "cannot read: " + e.getMessage(), e);
        }
        ByteBuffer h = ByteBuffer.wrap(b);
        int code = h.order(ByteOrder.BIG_ENDIAN).getInt(0);
        int version = h.order(ByteOrder.LITTLE_ENDIAN).getInt(28);
        if (code != 9994) throw new FormatException(name, "not a Shapefile: file code " + code + ", expected 9994");
        if (version != 1000)
            throw new FormatException(name, "unsupported Shapefile version " + version + ", expected 1000");
        return h;
    }

    /**
     * The content of the next record (shape type first), or null after the last one.
     *
     * @param record the 1-based number of the record expected next, for messages
     */
    byte[] next(long record) {
        String at = name + "#" + record;
        if (position >= length) return null;
        try {
            byte[] head = new byte[8];
            int n = in.readNBytes(head, 0, 8);
            if (n == 0) {
                throw new FormatException(at, "truncated: the header says the file has " + length
                        + " bytes, it ends after " + position);
            }
            if (n < 8) throw new FormatException(at, "truncated in the record header");
            long words = ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN).getInt(4) & 0xFFFFFFFFL;
            long bytes = 2 * words;
            if (bytes < 4) throw new FormatException(at, "record content of " + bytes + " bytes is too short");
            if (position + 8 + bytes > length) {
                throw new FormatException(at, "record length " + bytes + " bytes runs past the file length of "
                        + length + " bytes in the header (truncated or damaged)");
            }
            if (bytes > Integer.MAX_VALUE - 64) {
                throw new FormatException(at, "record length " + bytes + " bytes is beyond any shape (damaged file)");
            }
            // read what is there rather than allocate what the header claims: a damaged length costs nothing
            byte[] content = in.readNBytes((int) bytes);
            if (content.length < bytes) throw new FormatException(at, "truncated: the file ends inside this record");
            position += 8 + bytes;
            return content;
        } catch (EOFException e) {
            throw new FormatException(at, "truncated: the file ends inside this record");
        } catch (IOException e) {
            throw new FormatException(at, "cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // read-only: a failed close loses nothing
        }
    }
}
