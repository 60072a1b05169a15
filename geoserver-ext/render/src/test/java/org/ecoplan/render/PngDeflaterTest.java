package org.ecoplan.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/**
 * The encoder's streams are inflated by zlib (through {@link Inflater}, which also checks the
 * Adler-32 sum at the end) back to exactly the scanlines a PNG decoder expects.
 */
class PngDeflaterTest {
    /** Kinds of rows: noise, one colour, stripes, a copy of the row above, runs of random length. */
    private static int[][] image(int w, int h, long seed) {
        Random rnd = new Random(seed);
        int[][] rows = new int[h][w];
        for (int y = 0; y < h; y++) {
            int kind = rnd.nextInt(5);
            for (int x = 0; x < w; x++) {
                rows[y][x] = switch (kind) {
                    case 0 -> rnd.nextInt();
                    case 1 -> 0xFF336699;
                    case 2 -> (x / 7) % 2 == 0 ? 0x80FF0000 : 0x00000000;
                    case 3 -> y > 0 ? rows[y - 1][x] : 7;
                    default -> x > 0 && rnd.nextInt(9) > 0 ? rows[y][x - 1] : rnd.nextInt(4) * 0x01010101;
                };
            }
        }
        return rows;
    }

    private static byte[] encode(int[][] rows, int w, int bpp) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngDeflater d = new PngDeflater(out, w, bpp);
        for (int y = 0; y < rows.length; y++) d.row(rows[y], y == 0 ? null : rows[y - 1]);
        d.finish();
        return out.toByteArray();
    }

    /** The scanlines as PNG defines them for filter type None. */
    private static byte[] scanlines(int[][] rows, int w, int bpp) {
        byte[] b = new byte[rows.length * (w * bpp + 1)];
        int k = 0;
        for (int[] row : rows) {
            b[k++] = 0;
            for (int p : row) {
                b[k++] = (byte) (p >> 16);
                b[k++] = (byte) (p >> 8);
                b[k++] = (byte) p;
                if (bpp == 4) b[k++] = (byte) (p >>> 24);
            }
        }
        return b;
    }

    private static byte[] inflate(byte[] stream, int expected) throws DataFormatException {
        Inflater inflater = new Inflater();
        inflater.setInput(stream);
        byte[] out = new byte[expected + 1];
        int n = 0;
        while (!inflater.finished() && n < out.length) {
            int got = inflater.inflate(out, n, out.length - n);
            if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
            n += got;
        }
        assertTrue(inflater.finished(), "the stream ends, its checksum verified");
        assertEquals(0, inflater.getRemaining(), "nothing after the checksum");
        inflater.end();
        return java.util.Arrays.copyOf(out, n);
    }

    @Test
    void streamsInflateToTheScanlinesOfEveryWidthAndPixelSize() throws Exception {
        // widths around the longest copy (85 RGB / 64 RGBA pixels), and one too wide for copies from above
        int[] widths = {1, 2, 3, 63, 64, 65, 85, 86, 87, 257, 11_000};
        for (int bpp : new int[]{3, 4}) {
            for (int w : widths) {
                int h = w > 1000 ? 6 : 40;
                int[][] rows = image(w, h, 31L * w + bpp);
                byte[] expected = scanlines(rows, w, bpp);
                assertArrayEquals(expected, inflate(encode(rows, w, bpp), expected.length), "width " + w + ", " + bpp);
            }
        }
    }

    @Test
    void rgbPixelsIgnoreTheirAlphaByte() throws Exception {
        int[][] rows = image(50, 30, 5);
        int[][] noisyAlpha = new int[30][50];
        Random rnd = new Random(1);
        for (int y = 0; y < 30; y++)
            for (int x = 0; x < 50; x++) noisyAlpha[y][x] = rows[y][x] & 0xFFFFFF | rnd.nextInt(256) << 24;
        assertArrayEquals(encode(rows, 50, 3), encode(noisyAlpha, 50, 3));
        byte[] expected = scanlines(rows, 50, 3);
        assertArrayEquals(expected, inflate(encode(noisyAlpha, 50, 3), expected.length));
    }

    /** Noise needs a token a byte: the stream spans many blocks, each with codes of its own. */
    @Test
    void manyBlocksInflateExactly() throws Exception {
        Random rnd = new Random(9);
        int w = 700, h = 120;
        int[][] rows = new int[h][w];
        for (int[] row : rows) for (int x = 0; x < w; x++) row[x] = rnd.nextInt(1 << 20) * 997;
        byte[] expected = scanlines(rows, w, 4);
        assertArrayEquals(expected, inflate(encode(rows, w, 4), expected.length));
    }

    /** Repeated pixels cost a copy, not their bytes: a map of one colour is a few bytes a row. */
    @Test
    void runsAndRepeatedRowsAreCopied() throws Exception {
        int w = 1024, h = 768;
        int[][] rows = new int[h][w];
        for (int y = 0; y < h; y++) java.util.Arrays.fill(rows[y], y < 400 ? 0xFF33A02C : 0xFFFFFFFF);
        byte[] stream = encode(rows, w, 3);
        assertTrue(stream.length < 8 * h, "a flat map: " + stream.length + " bytes");
        byte[] expected = scanlines(rows, w, 3);
        assertArrayEquals(expected, inflate(stream, expected.length));
    }

    @Test
    void huffmanCodesKeepTheirLimitAndAreComplete() {
        // Fibonacci frequencies give the deepest optimal tree: 30 symbols would need 29 bits
        int[] freq = new int[30];
        freq[0] = 1;
        freq[1] = 1;
        for (int i = 2; i < 30; i++) freq[i] = freq[i - 1] + freq[i - 2];
        int[] lengths = new int[30];
        Huffman.lengths(freq, 30, 15, lengths);
        double kraft = 0;
        int longest = 0;
        for (int len : lengths) {
            assertTrue(len > 0, "every used symbol has a code");
            kraft += Math.pow(2, -len);
            longest = Math.max(longest, len);
        }
        assertTrue(longest <= 15, "limited to 15 bits: " + longest);
        assertEquals(1.0, kraft, 1e-12, "a complete code");
        assertTrue(lengths[29] < lengths[0], "the most frequent symbol has the shorter code");

        int[] codes = new int[30];
        Huffman.codes(lengths, 30, codes);
        // canonical codes are prefix-free: no code (read from its first bit) begins another
        for (int a = 0; a < 30; a++) {
            for (int b = 0; b < 30; b++) {
                if (a == b || lengths[a] > lengths[b]) continue;
                int mask = (1 << lengths[a]) - 1;
                assertTrue((codes[b] & mask) != codes[a], "code " + a + " is a prefix of code " + b);
            }
        }
    }

    @Test
    void aLoneSymbolGetsOneBit() {
        int[] freq = new int[19];
        freq[7] = 40;
        int[] lengths = new int[19];
        Huffman.lengths(freq, 19, 7, lengths);
        assertEquals(1, lengths[7]);
        assertEquals(1, java.util.Arrays.stream(lengths).filter(l -> l > 0).count());
    }
}
