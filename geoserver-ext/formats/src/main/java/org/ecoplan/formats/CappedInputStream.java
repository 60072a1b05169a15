package org.ecoplan.formats;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails once more than a given number of bytes has been read: a zip entry's declared size can
 * lie, so a compression bomb is stopped by counting what inflates, not by trusting the header.
 */
final class CappedInputStream extends FilterInputStream {
    private final long cap;
    private final String name;
    private long count;

    CappedInputStream(InputStream in, long cap, String name) {
        super(in);
        this.cap = cap;
        this.name = name;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) add(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, (int) Math.min(len, cap - count + 1));
        if (n > 0) add(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(Math.min(n, cap - count + 1));
        if (s > 0) add(s);
        return s;
    }

    private void add(long n) {
        count += n;
        if (count > cap) throw tooLarge(name, cap);
    }

    static FormatException tooLarge(String name, long cap) {
        return new FormatException(name, "uncompresses to more than " + cap
                + " bytes, the limit for one zip entry (a damaged or malicious zip?)");
    }
}
