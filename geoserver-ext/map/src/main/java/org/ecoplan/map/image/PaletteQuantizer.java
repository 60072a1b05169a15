package org.ecoplan.map.image;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.Arrays;

/**
 * Reduces an ARGB image to an 8-bit palette image (at most 256 entries) for "image/png; mode=8bit"
 * and GIF. Index 0 is fully transparent when the image has transparent pixels; a pixel is
 * transparent when its alpha is below one half. Images with at most 255 distinct opaque colours (the
 * usual case for flat-coloured thematic maps) keep their colours exactly; others get the 255 most
 * frequent colours (the mean colour of each of the busiest cells of a 5-bit-per-channel
 * histogram, which keeps flat fills true) plus a uniform 5×5×5 colour cube (so rare colours still
 * find a near entry); each pixel is mapped to its nearest entry.
 */
public final class PaletteQuantizer {
    private static final int BUCKETS = 1 << 15;

    private PaletteQuantizer() {}

    public static BufferedImage quantize(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        int[] argb = src.getRGB(0, 0, w, h, null, 0, w);
        boolean anyTransparent = false;
        int[] counts = new int[BUCKETS];
        long[] sums = new long[BUCKETS * 3];
        for (int p : argb) {
            if ((p >>> 24) < 128) {
                anyTransparent = true;
            } else {
                int k = bucket(p);
                counts[k]++;
                sums[3 * k] += (p >> 16) & 255;
                sums[3 * k + 1] += (p >> 8) & 255;
                sums[3 * k + 2] += p & 255;
            }
        }
        int offset = anyTransparent ? 1 : 0;
        int capacity = 256 - offset;
        int[] exact = distinctOpaque(argb, capacity);
        int[] palette;
        if (exact != null) {
            palette = exact;
        } else {
            palette = frequentPlusCube(counts, sums, capacity);
        }
        int n = palette.length + offset;
        byte[] r = new byte[Math.max(n, 2)];
        byte[] g = new byte[r.length];
        byte[] b = new byte[r.length];
        byte[] a = new byte[r.length];
        Arrays.fill(a, (byte) 255);
        if (anyTransparent) a[0] = 0;
        for (int i = 0; i < palette.length; i++) {
            r[i + offset] = (byte) (palette[i] >> 16);
            g[i + offset] = (byte) (palette[i] >> 8);
            b[i + offset] = (byte) palette[i];
        }
        IndexColorModel model = new IndexColorModel(8, r.length, r, g, b, a);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
        byte[] pixels = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        short[] nearest = new short[BUCKETS];
        Arrays.fill(nearest, (short) -1);
        java.util.HashMap<Integer, Integer> exactIndex = new java.util.HashMap<>();
        if (exact != null) for (int i = 0; i < exact.length; i++) exactIndex.put(exact[i], i + offset);
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            if ((p >>> 24) < 128) {
                pixels[i] = 0;
            } else if (exact != null) {
                pixels[i] = (byte) (int) exactIndex.get(p & 0xFFFFFF);
            } else {
                int k = bucket(p);
                if (nearest[k] < 0) nearest[k] = (short) (nearestEntry(palette, p) + offset);
                pixels[i] = (byte) nearest[k];
            }
        }
        return out;
    }

    private static int bucket(int p) {
        return ((p >> 9) & 0x7C00) | ((p >> 6) & 0x03E0) | ((p >> 3) & 0x001F);
    }

    /** The distinct RGB values of the opaque pixels, or null when there are more than {@code max}. */
    private static int[] distinctOpaque(int[] argb, int max) {
        java.util.LinkedHashSet<Integer> seen = new java.util.LinkedHashSet<>();
        for (int p : argb) {
            if ((p >>> 24) < 128) continue;
            if (seen.add(p & 0xFFFFFF) && seen.size() > max) return null;
        }
        return seen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static final int CUBE = 5;

    private static int[] frequentPlusCube(int[] counts, long[] sums, int max) {
        int frequent = max - CUBE * CUBE * CUBE;
        Integer[] order = new Integer[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Integer.compare(counts[y], counts[x]));
        int n = 0;
        while (n < frequent && counts[order[n]] > 0) n++;
        int[] palette = new int[n + CUBE * CUBE * CUBE];
        for (int i = 0; i < n; i++) {
            int k = order[i];
            long c = counts[k];
            palette[i] = (int) (sums[3 * k] / c) << 16 | (int) (sums[3 * k + 1] / c) << 8 | (int) (sums[3 * k + 2] / c);
        }
        int i = n;
        for (int r = 0; r < CUBE; r++) {
            for (int g = 0; g < CUBE; g++) {
                for (int b = 0; b < CUBE; b++) {
                    palette[i++] = (r * 255 / (CUBE - 1)) << 16 | (g * 255 / (CUBE - 1)) << 8 | (b * 255 / (CUBE - 1));
                }
            }
        }
        return palette;
    }

    private static int nearestEntry(int[] palette, int p) {
        int best = 0;
        long bestD = Long.MAX_VALUE;
        int pr = (p >> 16) & 255, pg = (p >> 8) & 255, pb = p & 255;
        for (int i = 0; i < palette.length; i++) {
            int dr = ((palette[i] >> 16) & 255) - pr;
            int dg = ((palette[i] >> 8) & 255) - pg;
            int db = (palette[i] & 255) - pb;
            long d = (long) dr * dr + (long) dg * dg + (long) db * db;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
