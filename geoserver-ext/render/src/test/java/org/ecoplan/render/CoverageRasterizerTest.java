package org.ecoplan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoverageRasterizerTest {
    private static final int BLACK = 0xff000000;

    private static BufferedImage canvas(int w, int h) {
        return new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
    }

    private static int alpha(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) >>> 24;
    }

    private static Path2D.Double polygon(int rule, double... xy) {
        Path2D.Double p = new Path2D.Double(rule);
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) p.lineTo(xy[i], xy[i + 1]);
        p.closePath();
        return p;
    }

    @Test
    void alphaIsTheCoveredAreaOfEachPixel() {
        BufferedImage img = canvas(10, 10);
        assertTrue(CoverageRasterizer.of(img).fill(new Rectangle2D.Double(2, 2, 3.5, 2.25), BLACK));
        assertEquals(255, alpha(img, 2, 2));
        assertEquals(255, alpha(img, 4, 3));
        assertEquals(128, alpha(img, 5, 2)); // half the pixel across
        assertEquals(64, alpha(img, 2, 4)); // a quarter down
        assertEquals(32, alpha(img, 5, 4)); // half of a quarter
        assertEquals(0, alpha(img, 6, 2));
        assertEquals(0, alpha(img, 1, 2));
        assertEquals(0, alpha(img, 3, 5));
    }

    @Test
    void aDiagonalHalvesThePixelsItCrosses() {
        BufferedImage img = canvas(8, 8);
        CoverageRasterizer.of(img).fill(polygon(Path2D.WIND_NON_ZERO, 0, 0, 4, 0, 0, 4), BLACK);
        assertEquals(255, alpha(img, 1, 1));
        assertEquals(128, alpha(img, 1, 2)); // x + y = 4 runs corner to corner through it
        assertEquals(128, alpha(img, 3, 0));
        assertEquals(0, alpha(img, 2, 2));
    }

    @Test
    void windingRulesDecideHoles() {
        double[] outer = {1, 1, 9, 1, 9, 9, 1, 9};
        double[] inner = {3, 3, 7, 3, 7, 7, 3, 7}; // the same direction as the outer ring
        for (int rule : new int[]{Path2D.WIND_EVEN_ODD, Path2D.WIND_NON_ZERO}) {
            Path2D.Double p = polygon(rule, outer);
            p.append(polygon(rule, inner), false);
            BufferedImage img = canvas(10, 10);
            CoverageRasterizer.of(img).fill(p, BLACK);
            assertEquals(255, alpha(img, 2, 2));
            assertEquals(rule == Path2D.WIND_EVEN_ODD ? 0 : 255, alpha(img, 5, 5), "rule " + rule);
        }
    }

    @Test
    void shapesBeyondTheCanvasAreClippedKeepingWhatIsInside() {
        BufferedImage img = canvas(6, 5);
        CoverageRasterizer.of(img).fill(new Rectangle2D.Double(-100, -50, 300, 200), BLACK);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 6; x++) assertEquals(255, alpha(img, x, y));
        }
        BufferedImage left = canvas(6, 5);
        CoverageRasterizer.of(left).fill(new Rectangle2D.Double(-20, 1, 19.5, 2), BLACK);
        assertEquals(0, left.getRGB(0, 1) | left.getRGB(0, 2));
        // a diamond reaching out of the left, top, right and bottom edges: exact coverage inside
        BufferedImage diamond = canvas(6, 6);
        CoverageRasterizer.of(diamond).fill(polygon(Path2D.WIND_NON_ZERO, -1.5, 3, 3, -1.5, 7.5, 3, 3, 7.5), BLACK);
        assertEquals(32, alpha(diamond, 0, 0)); // an eighth of the pixel: x + y >= 1.5
        assertEquals(224, alpha(diamond, 0, 1));
        assertEquals(255, alpha(diamond, 0, 3));
        assertEquals(32, alpha(diamond, 5, 5));
        assertEquals(32, alpha(diamond, 5, 0));
    }

    @Test
    void translucentColoursBlendSourceOverLikeJava2D() {
        for (int type : new int[]{BufferedImage.TYPE_INT_ARGB_PRE, BufferedImage.TYPE_INT_RGB}) {
            BufferedImage ours = new BufferedImage(8, 8, type);
            BufferedImage java2d = new BufferedImage(8, 8, type);
            for (BufferedImage img : new BufferedImage[]{ours, java2d}) {
                Graphics2D g = img.createGraphics();
                g.setColor(new Color(30, 120, 200, type == BufferedImage.TYPE_INT_RGB ? 255 : 140));
                g.fillRect(0, 0, 8, 8);
                g.dispose();
            }
            Color c = new Color(250, 10, 90, 100);
            CoverageRasterizer.of(ours).fill(new Rectangle2D.Double(1, 1, 4, 4), c.getRGB());
            Graphics2D g = antialiased(java2d);
            g.setColor(c);
            g.fill(new Rectangle2D.Double(1, 1, 4, 4));
            g.dispose();
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) assertClose(java2d.getRGB(x, y), ours.getRGB(x, y), 1, x, y);
            }
        }
    }

    @Test
    void fillsMatchTheCoveredAreaMeasuredBySampling() {
        Random random = new Random(7);
        double total = 0;
        int worst = 0;
        for (int round = 0; round < 40; round++) {
            Shape s = round % 2 == 0
                    ? randomPolygon(random)
                    : new Ellipse2D.Double(random.nextDouble() * 70 - 10, random.nextDouble() * 50 - 10,
                            random.nextDouble() * 30, random.nextDouble() * 30);
            BufferedImage ours = canvas(64, 48);
            assertTrue(CoverageRasterizer.of(ours).fill(s, BLACK));
            int[] sampled = sampledCoverage(s, 64, 48);
            for (int y = 0; y < 48; y++) {
                for (int x = 0; x < 64; x++) {
                    int d = Math.abs(alpha(ours, x, y) - sampled[y * 64 + x]);
                    worst = Math.max(worst, d);
                    total += d;
                }
            }
        }
        // 16 x 16 samples a pixel measure area to about a sixteenth along an edge
        assertTrue(worst <= 20, "worst pixel differs by " + worst);
        assertTrue(total / (40 * 64 * 48) < 0.1, "mean difference " + total / (40 * 64 * 48));
    }

    @Test
    void thinStrokesCoverTheAreaOfTheStrokedOutline() {
        Random random = new Random(11);
        for (double width : new double[]{0.25, 0.5, 0.8, 1.0}) {
            double total = 0, ink = 0, sampledInk = 0;
            for (int round = 0; round < 20; round++) {
                Path2D.Double ring = randomPolygon(random);
                BufferedImage ours = canvas(64, 48);
                assertTrue(CoverageRasterizer.of(ours).strokeThin(ring, width, BLACK));
                int[] sampled = sampledCoverage(new BasicStroke((float) width, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_ROUND).createStrokedShape(ring), 64, 48);
                for (int y = 0; y < 48; y++) {
                    for (int x = 0; x < 64; x++) {
                        total += Math.abs(alpha(ours, x, y) - sampled[y * 64 + x]);
                        ink += alpha(ours, x, y);
                        sampledInk += sampled[y * 64 + x];
                    }
                }
            }
            // joins differ from round ones by a fraction of the width squared; everything else matches
            assertTrue(total / (20 * 64 * 48) < 0.15, "width " + width + ": mean difference " + total / (20 * 64 * 48));
            assertEquals(1, ink / sampledInk, 0.01, "width " + width + ": ink");
        }
    }

    @Test
    void thinStrokesAlongPixelLinesAreExact() {
        BufferedImage img = canvas(10, 10);
        CoverageRasterizer r = CoverageRasterizer.of(img);
        Path2D.Double line = new Path2D.Double();
        line.moveTo(1, 5.25);
        line.lineTo(9, 5.25);
        assertTrue(r.strokeThin(line, 0.5, BLACK));
        for (int x = 1; x < 9; x++) assertEquals(128, alpha(img, x, 5), "x " + x);
        assertEquals(0, alpha(img, 0, 5));
        assertEquals(0, alpha(img, 9, 5));
        assertEquals(0, alpha(img, 4, 4) | alpha(img, 4, 6));
        // a one-pixel outline on pixel centres covers whole pixels, corners included
        BufferedImage box = canvas(10, 10);
        CoverageRasterizer.of(box).strokeThin(new Rectangle2D.Double(2.5, 2.5, 5, 5), 1, BLACK);
        assertEquals(255, alpha(box, 2, 2));
        assertEquals(255, alpha(box, 4, 2));
        assertEquals(255, alpha(box, 7, 5));
        assertEquals(255, alpha(box, 7, 7));
        assertEquals(0, alpha(box, 4, 4));
        assertEquals(0, alpha(box, 1, 2));
    }

    @Test
    void strokesBeyondTheCanvasDrawOnlyWhatIsOnIt() {
        BufferedImage img = canvas(8, 8);
        Path2D.Double line = new Path2D.Double();
        line.moveTo(-1e6, 4.5);
        line.lineTo(1e6, 4.5);
        line.moveTo(3.5, -50);
        line.lineTo(3.5, -10);
        assertTrue(CoverageRasterizer.of(img).strokeThin(line, 1, BLACK));
        for (int x = 0; x < 8; x++) assertEquals(255, alpha(img, x, 4));
        assertEquals(0, alpha(img, 3, 0) | alpha(img, 3, 3));
    }

    @Test
    void coordinatesBeyondItsRangeAreLeftToTheCaller() {
        BufferedImage img = canvas(4, 4);
        assertFalse(CoverageRasterizer.of(img).fill(new Rectangle2D.Double(-1e9, 0, 2e9, 3), BLACK));
        assertFalse(CoverageRasterizer.of(img).fill(polygon(Path2D.WIND_NON_ZERO, 0, 0, Double.NaN, 1, 2, 2), BLACK));
        assertEquals(0, alpha(img, 1, 1));
    }

    @Test
    void drawsOnlyIntoPackedIntegerCanvases() {
        assertNotNull(CoverageRasterizer.of(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB)));
        assertNotNull(CoverageRasterizer.of(new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB_PRE)));
        assertNull(CoverageRasterizer.of(new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB)));
        assertNull(CoverageRasterizer.of(new BufferedImage(2, 2, BufferedImage.TYPE_4BYTE_ABGR)));
        assertNull(CoverageRasterizer.of(canvas(8, 8).getSubimage(2, 2, 4, 4)));
    }

    private static Path2D.Double randomPolygon(Random random) {
        int n = 3 + random.nextInt(15);
        double cx = random.nextDouble() * 80 - 8, cy = random.nextDouble() * 60 - 6,
                size = 2 + random.nextDouble() * 25;
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n, rr = size * (0.4 + random.nextDouble() * 0.6);
            xy[2 * i] = cx + rr * Math.cos(a);
            xy[2 * i + 1] = cy + rr * Math.sin(a);
        }
        return polygon(Path2D.WIND_EVEN_ODD, xy);
    }

    private static Graphics2D antialiased(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    /** The shape's coverage of each pixel (0..255), counted over 16 x 16 samples drawn without antialiasing. */
    private static int[] sampledCoverage(Shape s, int w, int h) {
        int n = 16;
        BufferedImage big = new BufferedImage(w * n, h * n, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.scale(n, n);
        g.fill(s);
        g.dispose();
        byte[] samples = ((DataBufferByte) big.getRaster().getDataBuffer()).getData();
        int[] sum = new int[w * h];
        for (int y = 0; y < h * n; y++) {
            for (int x = 0; x < w * n; x++) sum[(y / n) * w + x / n] += samples[y * w * n + x] & 0xff;
        }
        for (int i = 0; i < sum.length; i++) sum[i] = Math.round(sum[i] / (float) (n * n));
        return sum;
    }

    private static int maxChannelDifference(int a, int b) {
        int d = 0;
        for (int shift = 0; shift < 32; shift += 8)
            d = Math.max(d, Math.abs(((a >>> shift) & 0xff) - ((b >>> shift) & 0xff)));
        return d;
    }

    private static void assertClose(int expected, int actual, int tolerance, int x, int y) {
        int d = maxChannelDifference(expected, actual);
        assertTrue(d <= tolerance, String.format("pixel %d,%d: expected %08x, got %08x", x, y, expected, actual));
    }
}
