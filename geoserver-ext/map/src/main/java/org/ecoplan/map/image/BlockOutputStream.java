package org.ecoplan.map.image;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An output stream into memory that grows by blocks of 64 KiB instead of doubling one array, and
 * copies its bytes once, into an array of the exact size, when they are asked for. An encoded map
 * of several hundred KiB then costs one large array (the answer) rather than three or four, which
 * the garbage collector has to treat as large objects.
 */
public final class BlockOutputStream extends OutputStream {
    private static final int BLOCK = 64 * 1024;
    private final List<byte[]> blocks = new ArrayList<>();
    private byte[] current = new byte[BLOCK];
    private int used;
    private long size;

    @Override
    public void write(int b) {
        if (used == BLOCK) next();
        current[used++] = (byte) b;
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        while (len > 0) {
            if (used == BLOCK) next();
            int n = Math.min(len, BLOCK - used);
            System.arraycopy(b, off, current, used, n);
            used += n;
            off += n;
            len -= n;
            size += n;
        }
    }

    private void next() {
        blocks.add(current);
        current = new byte[BLOCK];
        used = 0;
    }

    /** The bytes written, in one array of their size. */
    public byte[] toByteArray() {
        if (size > Integer.MAX_VALUE - 8) throw new IllegalStateException("more than 2 GiB written");
        byte[] out = new byte[(int) size];
        int at = 0;
        for (byte[] b : blocks) {
            System.arraycopy(b, 0, out, at, BLOCK);
            at += BLOCK;
        }
        System.arraycopy(current, 0, out, at, used);
        return out;
    }
}
