package org.ecoplan.render;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An output stream into memory that grows by blocks (doubling up to 64 KiB) instead of doubling one array, and
 * copies its bytes once, into an array of the exact size, when they are asked for. An encoded map
 * of several hundred KiB then costs one large array (the answer) rather than three or four, which
 * the garbage collector has to treat as large objects.
 */
public final class BlockOutputStream extends OutputStream {
    private static final int BLOCK = 64 * 1024;
    private final List<byte[]> blocks = new ArrayList<>();
    /** The first block is small (a tile's PNG is a few KiB); each next one doubles, up to {@value #BLOCK}. */
    private byte[] current = new byte[4096];
    private int used;
    private long size;

    @Override
    public void write(int b) {
        if (used == current.length) next();
        current[used++] = (byte) b;
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        while (len > 0) {
            if (used == current.length) next();
            int n = Math.min(len, current.length - used);
            System.arraycopy(b, off, current, used, n);
            used += n;
            off += n;
            len -= n;
            size += n;
        }
    }

    private void next() {
        blocks.add(current);
        current = new byte[Math.min(BLOCK, current.length * 2)];
        used = 0;
    }

    /** The number of bytes written. */
    public long size() { return size; }

    /** Writes the bytes to {@code out}, block by block, and adds them to {@code crc} when one is given. */
    public void writeTo(OutputStream out, java.util.zip.CRC32 crc) throws java.io.IOException {
        for (byte[] b : blocks) {
            if (crc != null) crc.update(b);
            out.write(b);
        }
        if (crc != null) crc.update(current, 0, used);
        out.write(current, 0, used);
    }

    /** The bytes written, in one array of their size. */
    public byte[] toByteArray() {
        if (size > Integer.MAX_VALUE - 8) throw new IllegalStateException("more than 2 GiB written");
        byte[] out = new byte[(int) size];
        int at = 0;
        for (byte[] b : blocks) {
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        System.arraycopy(current, 0, out, at, used);
        return out;
    }
}
