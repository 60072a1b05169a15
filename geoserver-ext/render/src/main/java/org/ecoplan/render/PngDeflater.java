package org.ecoplan.render;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Adler32;

/**
 * A zlib stream (RFC 1950) of DEFLATE blocks (RFC 1951) for the scanlines of a PNG image whose rows
 * all use filter type None (PNG clause 9.2): the image data of an IDAT chunk. It looks for
 * repetition only where a map has it: a pixel equal to the one on its left (a copy at a distance of
 * one pixel) or to the one above it (a copy at the distance of one scanline). Everything else is
 * written as literal bytes. Each block gets Huffman codes made for it (RFC 1951 clause 3.2.7).
 *
 * <p>Why: zlib, even at its fastest level, searches a hash chain for every byte, and on a rendered
 * map took over a quarter of the CPU of a tile request. A map is flat fills and the antialiased edges
 * between them; its runs of one colour and its rows like the row above are found here by comparing
 * pixels as integers, a few nanoseconds each. The price: repeats elsewhere (an edge's colours met again
 * further on) are not found, and a map comes out about a sixth larger than at zlib's level 1.
 *
 * <p>Use: {@link #row} for every scanline from the top, then {@link #finish}. Not thread-safe.
 */
final class PngDeflater {
    private static final int MAX_MATCH = 258;
    private static final int WINDOW = 32768;
    /** Tokens held before a block is written: enough to make its Huffman codes worth their header. */
    private static final int BLOCK_TOKENS = 1 << 14;
    private static final int END_OF_BLOCK = 256;

    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
            67, 83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
            5, 5, 5, 5, 0};
    private static final int[] DISTANCE_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
            513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    private static final int[] DISTANCE_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10,
            10, 11, 11, 12, 12, 13, 13};
    /** The order in which the code lengths of the code length alphabet are written (clause 3.2.7). */
    private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    /** The length code (index into LENGTH_BASE) of each match length 0..258. */
    private static final byte[] LENGTH_CODE = new byte[MAX_MATCH + 1];

    static {
        for (int code = 0; code < LENGTH_BASE.length; code++) {
            int top = code + 1 < LENGTH_BASE.length ? LENGTH_BASE[code + 1] : MAX_MATCH + 1;
            for (int len = LENGTH_BASE[code]; len < top; len++) LENGTH_CODE[len] = (byte) code;
        }
        LENGTH_CODE[MAX_MATCH] = (byte) (LENGTH_BASE.length - 1);
    }

    private final OutputStream out;
    private final int bpp;
    private final int rowBytes;
    /** Whether a copy from the row above reaches back no further than DEFLATE's window. */
    private final boolean upward;
    private final int leftCode;
    private final int upCode;
    /** The Adler-32 sum of the scanlines so far (RFC 1950 clause 8.2). */
    private final Adler32 adler = new Adler32();
    /** The current scanline's bytes, filter byte first. */
    private final byte[] rowData;

    /**
     * The block's tokens: a literal byte (0..255), a literal pixel ({@link #PIXEL}, its value in
     * {@code values}) or a copy ({@code length << 16 | }{@link #LEFT} or {@link #UP}). Symbol frequencies are counted as
     * tokens are added.
     */
    private final int[] tokens = new int[BLOCK_TOKENS];
    private final int[] values = new int[BLOCK_TOKENS];
    private static final int PIXEL = 1 << 30;
    /** Where a copy comes from: the pixel on the left or the one above. */
    private static final int LEFT = 0, UP = 1;
    private int count;

    private final byte[] buffer = new byte[16 * 1024];
    private int used;
    private long bits;
    private int bitCount;

    private final int[] litFreq = new int[286];
    private final int[] distFreq = new int[30];
    private final int[] litLength = new int[286];
    private final int[] litCode = new int[286];
    private final int[] distLength = new int[30];
    private final int[] distCode = new int[30];
    private final int[] clFreq = new int[19];
    private final int[] clLength = new int[19];
    private final int[] clCode = new int[19];
    private final int[] lengths = new int[286 + 30];
    private final int[] runs = new int[286 + 30];
    private final int[] literalBits = new int[256];
    private final long[] lengthBits = new long[MAX_MATCH + 1];
    private final int[] lengthSize = new int[MAX_MATCH + 1];
    private final long[] distanceBits = new long[2];
    private final int[] distanceSize = new int[2];

    /**
     * An encoder of scanlines of {@code width} pixels of {@code bpp} (3: RGB, 4: RGBA) bytes each,
     * writing to {@code out}, which it does not close.
     */
    PngDeflater(OutputStream out, int width, int bpp) {
        if (bpp != 3 && bpp != 4) throw new IllegalArgumentException("bytes per pixel: " + bpp);
        this.out = out;
        this.bpp = bpp;
        this.rowBytes = width * bpp;
        this.upward = rowBytes + 1 <= WINDOW;
        this.rowData = new byte[rowBytes + 2];
        this.leftCode = codeOf(bpp);
        this.upCode = upward ? codeOf(rowBytes + 1) : 0;
        // CMF: deflate with a 32 KiB window; FLG: fastest compression, no dictionary, check bits
        buffer[used++] = 0x78;
        buffer[used++] = 0x01;
    }

    /**
     * Adds the next scanline, filter type None: {@code pixels[0..width)} as 0xAARRGGBB (straight
     * alpha; the alpha byte is ignored when there are 3 bytes a pixel), {@code above} the previous
     * row as given before, or null for the first row.
     */
    void row(int[] pixels, int[] above) throws IOException {
        int w = rowBytes / bpp;
        int mask = bpp == 4 ? -1 : 0x00FFFFFF;
        checksum(pixels, w);
        boolean fromAbove = upward && above != null;
        int x = 0;
        // the filter byte, with the row's first pixels when they repeat the row above (its filter byte is 0 too)
        if (fromAbove) {
            while (x < w && ((pixels[x] ^ above[x]) & mask) == 0) x++;
            // where the first pixel's colour runs as far, only it comes from above: the run then is a
            // copy from the left, whose short distance needs no extra bits
            int run = 1;
            while (x > 0 && run < w && ((pixels[run] ^ pixels[0]) & mask) == 0) run++;
            if (x > 0 && run >= x) x = 1;
        }
        if (x > 0) copy(1 + x * bpp, UP);
        else literal(0);
        while (x < w) {
            int same = 0;
            if (fromAbove) {
                while (x + same < w && ((pixels[x + same] ^ above[x + same]) & mask) == 0) same++;
            }
            int run = 0;
            if (x > 0) {
                int left = pixels[x - 1];
                while (x + run < w && ((pixels[x + run] ^ left) & mask) == 0) run++;
            }
            if (same == 0 && run == 0) {
                pixel(pixels[x]);
                x++;
            } else if (run >= same) {
                // the nearer copy where it is as long: its distance needs no extra bits
                copy(run * bpp, LEFT);
                x += run;
            } else {
                copy(same * bpp, UP);
                x += same;
            }
        }
    }

    /**
     * Adds copies of {@code total} (at least 3) bytes from the pixel on the left ({@link #LEFT}) or
     * above ({@link #UP}), in matches of at most {@value #MAX_MATCH} bytes and at least 3. A match may
     * end inside a pixel: only the bytes count.
     */
    private void copy(int total, int from) throws IOException {
        while (total > 0) {
            int len = total <= MAX_MATCH ? total : total - MAX_MATCH >= 3 ? MAX_MATCH : total - 3;
            match(len, from);
            total -= len;
        }
    }

    /** Ends the stream: the last block, then the Adler-32 checksum of all scanlines. */
    void finish() throws IOException {
        block(true);
        while (bitCount > 0) {
            // the last partial byte, padded with zero bits
            put((int) bits);
            bits >>>= 8;
            bitCount = Math.max(0, bitCount - 8);
        }
        bits = 0;
        int sum = (int) adler.getValue();
        put(sum >>> 24);
        put(sum >>> 16);
        put(sum >>> 8);
        put(sum);
        out.write(buffer, 0, used);
        used = 0;
    }

    /**
     * Adds the scanline's bytes (filter byte 0, then R, G, B[, A] of each pixel) to the Adler-32 sum;
     * the JDK's Adler32 is an intrinsic that sums many bytes an instruction. Each pixel is stored as
     * one big-endian int: R, G, B, A, or for RGB R, G, B and a byte the next pixel overwrites (the row
     * has one byte to spare for the last).
     */
    private void checksum(int[] pixels, int w) {
        byte[] b = rowData;
        if (bpp == 4) {
            for (int i = 0, k = 1; i < w; i++, k += 4) BIG_ENDIAN_INT.set(b, k, Integer.rotateLeft(pixels[i], 8));
        } else {
            for (int i = 0, k = 1; i < w; i++, k += 3) BIG_ENDIAN_INT.set(b, k, pixels[i] << 8);
        }
        adler.update(b, 0, rowBytes + 1);
    }

    private static final VarHandle BIG_ENDIAN_INT = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.BIG_ENDIAN);

    private void literal(int b) throws IOException {
        if (count == BLOCK_TOKENS) block(false);
        litFreq[b]++;
        tokens[count++] = b;
    }

    private void pixel(int p) throws IOException {
        if (count == BLOCK_TOKENS) block(false);
        int[] f = litFreq;
        f[(p >> 16) & 0xFF]++;
        f[(p >> 8) & 0xFF]++;
        f[p & 0xFF]++;
        if (bpp == 4) f[p >>> 24]++;
        values[count] = p;
        tokens[count++] = PIXEL;
    }

    private void match(int length, int from) throws IOException {
        if (count == BLOCK_TOKENS) block(false);
        litFreq[257 + LENGTH_CODE[length]]++;
        distFreq[from == UP ? upCode : leftCode]++;
        tokens[count++] = length << 16 | from;
    }

    /** Writes the held tokens as one block with dynamic Huffman codes (clause 3.2.7), and starts the next. */
    private void block(boolean last) throws IOException {
        litFreq[END_OF_BLOCK] = 1;
        // every code complete with two symbols at least, as some inflaters require
        if (litFreq[0] == 0) litFreq[0] = 1;
        if (distFreq[0] == 0) distFreq[0] = 1;
        if (distFreq[1] == 0) distFreq[1] = 1;
        Huffman.lengths(litFreq, 286, 15, litLength);
        Huffman.lengths(distFreq, 30, 15, distLength);
        Huffman.codes(litLength, 286, litCode);
        Huffman.codes(distLength, 30, distCode);
        Arrays.fill(litFreq, 0);
        Arrays.fill(distFreq, 0);
        int hlit = 286;
        while (hlit > 257 && litLength[hlit - 1] == 0) hlit--;
        int hdist = 30;
        while (hdist > 1 && distLength[hdist - 1] == 0) hdist--;

        // the code lengths of both alphabets, run-length coded with symbols 16, 17 and 18
        System.arraycopy(litLength, 0, lengths, 0, hlit);
        System.arraycopy(distLength, 0, lengths, hlit, hdist);
        int symbols = runLengths(hlit + hdist);
        Arrays.fill(clFreq, 0);
        for (int i = 0; i < symbols; i++) clFreq[runs[i] & 0x1F]++;
        Huffman.lengths(clFreq, 19, 7, clLength);
        Huffman.codes(clLength, 19, clCode);
        int hclen = 19;
        while (hclen > 4 && clLength[CODE_LENGTH_ORDER[hclen - 1]] == 0) hclen--;

        bits(last ? 1 : 0, 1);
        bits(2, 2);
        bits(hlit - 257, 5);
        bits(hdist - 1, 5);
        bits(hclen - 4, 4);
        for (int i = 0; i < hclen; i++) bits(clLength[CODE_LENGTH_ORDER[i]], 3);
        for (int i = 0; i < symbols; i++) {
            int s = runs[i] & 0x1F;
            bits(clCode[s], clLength[s]);
            if (s == 16) bits(runs[i] >>> 5, 2);
            else if (s == 17) bits(runs[i] >>> 5, 3);
            else if (s == 18) bits(runs[i] >>> 5, 7);
        }
        tokensOut();
        bits(litCode[END_OF_BLOCK], litLength[END_OF_BLOCK]);
        count = 0;
    }

    /**
     * Writes the block's tokens with its codes. The bit buffer is kept in locals: a token adds at most
     * 60 bits (a pixel's four literals), and 32 are written out whenever that many are held.
     */
    private void tokensOut() throws IOException {
        // each literal's code and its length in one int, so a pixel's bytes cost one load each
        int[] lc = literalBits;
        for (int b = 0; b < 256; b++) lc[b] = litCode[b] | litLength[b] << 16;
        // each match length's code and extra bits as one pattern, and each of the two distances'
        for (int length = 3; length <= MAX_MATCH; length++) {
            int code = LENGTH_CODE[length], symbol = 257 + code;
            lengthBits[length] = litCode[symbol] | (long) (length - LENGTH_BASE[code]) << litLength[symbol];
            lengthSize[length] = litLength[symbol] + LENGTH_EXTRA[code];
        }
        for (int from = LEFT; from <= UP; from++) {
            int distance = from == UP ? rowBytes + 1 : bpp, code = from == UP ? upCode : leftCode;
            distanceBits[from] = distCode[code] | (long) (distance - DISTANCE_BASE[code]) << distLength[code];
            distanceSize[from] = distLength[code] + DISTANCE_EXTRA[code];
        }
        long acc = bits;
        int n = bitCount;
        byte[] buf = buffer;
        int at = used;
        boolean four = bpp == 4;
        for (int i = 0; i < count; i++) {
            if (at + 16 > buf.length) {
                used = at;
                drain();
                at = used;
            }
            int t = tokens[i];
            if (t == PIXEL) {
                int p = values[i];
                int e = lc[(p >> 16) & 0xFF];
                acc |= (long) (e & 0xFFFF) << n;
                n += e >>> 16;
                e = lc[(p >> 8) & 0xFF];
                acc |= (long) (e & 0xFFFF) << n;
                n += e >>> 16;
                if (n >= 32) {
                    buf[at] = (byte) acc;
                    buf[at + 1] = (byte) (acc >>> 8);
                    buf[at + 2] = (byte) (acc >>> 16);
                    buf[at + 3] = (byte) (acc >>> 24);
                    at += 4;
                    acc >>>= 32;
                    n -= 32;
                }
                e = lc[p & 0xFF];
                acc |= (long) (e & 0xFFFF) << n;
                n += e >>> 16;
                if (four) {
                    e = lc[p >>> 24];
                    acc |= (long) (e & 0xFFFF) << n;
                    n += e >>> 16;
                }
            } else if (t < 256) {
                int e = lc[t];
                acc |= (long) (e & 0xFFFF) << n;
                n += e >>> 16;
            } else {
                int length = t >>> 16;
                acc |= lengthBits[length] << n;
                n += lengthSize[length];
                if (n >= 32) {
                    buf[at] = (byte) acc;
                    buf[at + 1] = (byte) (acc >>> 8);
                    buf[at + 2] = (byte) (acc >>> 16);
                    buf[at + 3] = (byte) (acc >>> 24);
                    at += 4;
                    acc >>>= 32;
                    n -= 32;
                }
                int from = t & 1;
                acc |= distanceBits[from] << n;
                n += distanceSize[from];
            }
            if (n >= 32) {
                buf[at] = (byte) acc;
                buf[at + 1] = (byte) (acc >>> 8);
                buf[at + 2] = (byte) (acc >>> 16);
                buf[at + 3] = (byte) (acc >>> 24);
                at += 4;
                acc >>>= 32;
                n -= 32;
            }
        }
        used = at;
        bits = acc;
        bitCount = n;
    }

    /**
     * Run-length codes {@code lengths[0..n)} into {@code runs}: each entry a symbol of the code length
     * alphabet in its low five bits and the value of its extra bits above them. Returns their number.
     */
    private int runLengths(int n) {
        int k = 0;
        for (int i = 0; i < n;) {
            int v = lengths[i];
            int run = 1;
            while (i + run < n && lengths[i + run] == v) run++;
            i += run;
            if (v == 0) {
                while (run >= 11) {
                    int r = Math.min(run, 138);
                    runs[k++] = 18 | (r - 11) << 5;
                    run -= r;
                }
                if (run >= 3) {
                    runs[k++] = 17 | (run - 3) << 5;
                    run = 0;
                }
            } else {
                runs[k++] = v;
                run--;
                while (run >= 3) {
                    int r = Math.min(run, 6);
                    runs[k++] = 16 | (r - 3) << 5;
                    run -= r;
                }
            }
            while (run-- > 0) runs[k++] = v;
        }
        return k;
    }

    private static int codeOf(int distance) {
        int code = 0;
        while (code + 1 < DISTANCE_BASE.length && DISTANCE_BASE[code + 1] <= distance) code++;
        return code;
    }

    /** Appends the low {@code n} bits of {@code value}, least significant first (clause 3.1.1). */
    private void bits(int value, int n) throws IOException {
        bits |= (long) (value & ((1 << n) - 1)) << bitCount;
        bitCount += n;
        if (bitCount >= 32) {
            if (used + 4 > buffer.length) drain();
            buffer[used] = (byte) bits;
            buffer[used + 1] = (byte) (bits >>> 8);
            buffer[used + 2] = (byte) (bits >>> 16);
            buffer[used + 3] = (byte) (bits >>> 24);
            used += 4;
            bits >>>= 32;
            bitCount -= 32;
        }
    }

    private void put(int b) throws IOException {
        if (used == buffer.length) drain();
        buffer[used++] = (byte) b;
    }

    private void drain() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }
}
