package org.ecoplan.testkit;

import java.awt.image.BufferedImage;

/** Per-pixel image comparison with a per-channel tolerance, for reference-image tests. */
public final class ImageDiff {
    private ImageDiff() {}

    public static int differingPixels(BufferedImage a, BufferedImage b, int tolerance) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) return a.getWidth() * a.getHeight();
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y);
                if (p == q) continue;
                for (int shift = 0; shift < 32; shift += 8) {
                    if (Math.abs(((p >>> shift) & 0xFF) - ((q >>> shift) & 0xFF)) > tolerance) {
                        n++;
                        break;
                    }
                }
            }
        }
        return n;
    }
}
