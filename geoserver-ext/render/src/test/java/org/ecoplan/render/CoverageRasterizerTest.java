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
        BufferedImage outside = canvas(6, 5);
        CoverageRasterizer.of(outside).fill(new Rectangle2D.Double(-20, 1, 19.5, 2), BLACK);
        assertEquals(0, outside.getRGB(0, 1) | outside.getRGB(0, 2));
        // from far left to half into the first column, and from a third of the last to far right
        BufferedImage edges = canvas(6, 5);
        CoverageRasterizer r = CoverageRasterizer.of(edges);
        r.fill(new Rectangle2D.Double(-1e5, 1, 1e5 + 0.5, 2), BLACK);
        r.fill(new Rectangle2D.Double(5.75, 1, 1e5, 1), BLACK);
        assertEquals(128, alpha(edges, 0, 1));
        assertEquals(128, alpha(edges, 0, 2));
        assertEquals(0, alpha(edges, 1, 1) | alpha(edges, 0, 0) | alpha(edges, 0, 3));
        assertEquals(64, alpha(edges, 5, 1));
        assertEquals(0, alpha(edges, 5, 2) | alpha(edges, 4, 1));
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
            // edges on quarter pixels, which Java2D's eight samples a row measure exactly too
            Rectangle2D.Double rect = new Rectangle2D.Double(1.25, 1.5, 4.5, 3.25);
            CoverageRasterizer.of(ours).fill(rect, c.getRGB());
            Graphics2D g = antialiased(java2d);
            g.setColor(c);
            g.fill(rect);
            g.dispose();
            // premultiplied values: Java2D rounds a partly covered pixel's blend a little differently
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++)
                    assertClose(premultiplied(java2d, x, y), premultiplied(ours, x, y), 2, x, y);
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
                assertTrue(CoverageRasterizer.of(ours).strokeThin(ring, width, BLACK, false));
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
        assertTrue(r.strokeThin(line, 0.5, BLACK, false));
        for (int x = 1; x < 9; x++) assertEquals(128, alpha(img, x, 5), "x " + x);
        assertEquals(0, alpha(img, 0, 5));
        assertEquals(0, alpha(img, 9, 5));
        assertEquals(0, alpha(img, 4, 4) | alpha(img, 4, 6));
        // a one-pixel outline on pixel centres covers whole pixels, corners included
        BufferedImage box = canvas(10, 10);
        CoverageRasterizer.of(box).strokeThin(new Rectangle2D.Double(2.5, 2.5, 5, 5), 1, BLACK, false);
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
        assertTrue(CoverageRasterizer.of(img).strokeThin(line, 1, BLACK, false));
        for (int x = 0; x < 8; x++) assertEquals(255, alpha(img, x, 4));
        assertEquals(0, alpha(img, 3, 0) | alpha(img, 3, 3));
    }

    @Test
    void strokesOnPixelCentresLookAsJava2DDrawsThem() {
        Random random = new Random(5);
        for (double width : new double[]{0.5, 1.0}) {
            double total = 0;
            for (int round = 0; round < 20; round++) {
                Path2D.Double ring = randomPolygon(random);
                BufferedImage ours = canvas(64, 48);
                assertTrue(CoverageRasterizer.of(ours).strokeThin(ring, width, BLACK, true));
                BufferedImage java2d = canvas(64, 48);
                Graphics2D g = java2d.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
                g.draw(ring); // Java2D's default stroke control moves vertices to pixel centres
                g.dispose();
                for (int y = 0; y < 48; y++) {
                    for (int x = 0; x < 64; x++) total += Math.abs(alpha(ours, x, y) - alpha(java2d, x, y));
                }
            }
            assertTrue(total / (20 * 64 * 48) < 0.1, "width " + width + ": mean difference " + total / (20 * 64 * 48));
        }
        // a one-pixel line between two rows of pixels fills the row below, as Java2D's does
        BufferedImage img = canvas(8, 8);
        Path2D.Double line = new Path2D.Double();
        line.moveTo(1, 4);
        line.lineTo(7, 4);
        CoverageRasterizer.of(img).strokeThin(line, 1, BLACK, true);
        assertEquals(255, alpha(img, 3, 4));
        assertEquals(0, alpha(img, 3, 3));
    }

    /**
     * A segment between pixel centres is drawn from the areas kept for its steps; integrated anew
     * ({@code pixelCentres} off, on vertices already at pixel centres) it covers exactly the same. Steps
     * around the largest kept, more widths than are kept at once, and segments crossing every canvas edge.
     */
    @Test
    void keptSegmentAreasDrawAsTheSegmentsIntegratedAnew() {
        Random random = new Random(12);
        int reach = CoverageRasterizer.SegmentPatterns.REACH;
        for (int round = 0; round < 60; round++) {
            // more widths than are kept at once: the kept ones are dropped and kept anew
            double width = round < 40 ? (1 + round % 4) * 0.25 : 0.05 + (round - 40) * 0.04;
            Path2D.Double path = new Path2D.Double();
            int x = random.nextInt(40) - 5, y = random.nextInt(30) - 5;
            path.moveTo(x + 0.5, y + 0.5);
            for (int i = 0; i < 12; i++) {
                int step = i % 3 == 0 ? reach + 1 : reach; // the largest kept steps and the first beyond
                // a walk within a few pixels of the canvas, crossing its edges now and then
                x = step(random, x, step, -4, 41);
                y = step(random, y, step, -4, 33);
                path.lineTo(x + 0.5, y + 0.5);
            }
            if (round % 2 == 0) path.closePath();
            BufferedImage kept = canvas(37, 29), integrated = canvas(37, 29);
            assertTrue(CoverageRasterizer.of(kept).strokeThin(path, width, 0xff204080, true));
            assertTrue(CoverageRasterizer.of(integrated).strokeThin(path, width, 0xff204080, false));
            int drawn = 0;
            for (int py = 0; py < 29; py++) {
                for (int px = 0; px < 37; px++) {
                    assertEquals(integrated.getRGB(px, py), kept.getRGB(px, py),
                            "round " + round + " at " + px + "," + py);
                    if (alpha(kept, px, py) > 0) drawn++;
                }
            }
            assertTrue(drawn > 20, "round " + round + " drew " + drawn + " pixels");
        }
    }

    /** A step of at most {@code step} from {@code v}, staying within {@code min..max}. */
    private static int step(Random random, int v, int step, int min, int max) {
        int lo = Math.max(-step, min - v), hi = Math.min(step, max - v);
        return v + lo + random.nextInt(hi - lo + 1);
    }

    @Test
    void oneRasterizerDrawsShapeAfterShapeAsFreshOnesDo() {
        Random random = new Random(3);
        BufferedImage reused = canvas(64, 48);
        BufferedImage fresh = canvas(64, 48);
        CoverageRasterizer r = CoverageRasterizer.of(reused);
        for (int k = 0; k < 30; k++) {
            Path2D.Double p = randomPolygon(random);
            int argb = new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256),
                    40 + random.nextInt(216))
                    .getRGB();
            if (k % 2 == 0) {
                r.fill(p, argb);
                CoverageRasterizer.of(fresh).fill(p, argb);
            } else {
                r.strokeThin(p, 0.75, argb, k % 4 == 1);
                CoverageRasterizer.of(fresh).strokeThin(p, 0.75, argb, k % 4 == 1);
            }
        }
        assertEquals(0, org.ecoplan.testkit.ImageDiff.differingPixels(reused, fresh, 0));
    }

    @Test
    void aPathLoadedOnceIsFilledAndOutlinedAsWhenReadForEach() {
        Random random = new Random(9);
        BufferedImage once = canvas(64, 48);
        BufferedImage each = canvas(64, 48);
        CoverageRasterizer a = CoverageRasterizer.of(once), b = CoverageRasterizer.of(each);
        for (int k = 0; k < 10; k++) {
            Path2D.Double p = randomPolygon(random);
            assertTrue(a.load(p));
            a.fillLoaded(0xff33a02c);
            a.strokeLoaded(0.5, 0xff1b5e20, true);
            b.fill(p, 0xff33a02c);
            b.strokeThin(p, 0.5, 0xff1b5e20, true);
        }
        assertEquals(0, org.ecoplan.testkit.ImageDiff.differingPixels(once, each, 0));
    }

    @Test
    void aCurveAfterLinesIsFlattenedWithTheWholePath() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(2, 2);
        p.lineTo(30, 2);
        p.lineTo(30, 20);
        p.quadTo(16, 40, 2, 20);
        p.closePath();
        BufferedImage ours = canvas(32, 32);
        assertTrue(CoverageRasterizer.of(ours).fill(p, BLACK));
        int[] sampled = sampledCoverage(p, 32, 32);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                assertTrue(Math.abs(alpha(ours, x, y) - sampled[y * 32 + x]) <= 20, "pixel " + x + "," + y);
            }
        }
        assertEquals(255, alpha(ours, 16, 26)); // inside the curved part
    }

    @Test
    void shapesLargerThanTheCellBudgetAreDrawnInBandsSeamlessly() {
        // 1,100 x 1,000 pixels are more cells than one band holds
        int w = 1100, h = 1000;
        assertTrue((long) (w + 2) * h > CoverageRasterizer.MAX_CELLS);
        BufferedImage img = canvas(w, h);
        CoverageRasterizer r = CoverageRasterizer.of(img);
        // a slanted band: each row is the one ten rows up moved three pixels right
        r.fill(polygon(Path2D.WIND_NON_ZERO, 100.2, 0, 200.7, 0, 500.7, 1000, 400.2, 1000), BLACK);
        Path2D.Double vertical = new Path2D.Double();
        vertical.moveTo(1000.25, -5);
        vertical.lineTo(1000.25, 1005);
        r.strokeThin(vertical, 0.5, BLACK, false);
        for (int y = 0; y + 10 < h; y++) {
            for (int x = 95; x < 210; x++) {
                assertEquals(alpha(img, x, y), alpha(img, x + 3, y + 10), "pixel " + x + "," + y);
            }
            assertEquals(128, alpha(img, 1000, y), "row " + y);
            assertEquals(0, alpha(img, 999, y) | alpha(img, 1001, y));
        }
        assertEquals(255, alpha(img, 150, 0));
        assertEquals(0, alpha(img, 99, 0));
    }

    @Test
    void aLineAfterAClosedSubpathStartsWhereThatSubpathStarted() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(20, 2);
        p.lineTo(24, 2);
        p.lineTo(24, 6);
        p.closePath();
        p.lineTo(20, 12);
        p.lineTo(26, 12);
        BufferedImage ours = canvas(32, 16);
        CoverageRasterizer.of(ours).fill(p, BLACK);
        Path2D.Double explicit = new Path2D.Double();
        explicit.moveTo(20, 2);
        explicit.lineTo(24, 2);
        explicit.lineTo(24, 6);
        explicit.closePath();
        explicit.moveTo(20, 2);
        explicit.lineTo(20, 12);
        explicit.lineTo(26, 12);
        BufferedImage expected = canvas(32, 16);
        CoverageRasterizer.of(expected).fill(explicit, BLACK);
        assertEquals(0, alpha(ours, 2, 2)); // nothing runs from the origin
        assertEquals(255, alpha(ours, 21, 10));
        assertEquals(0, org.ecoplan.testkit.ImageDiff.differingPixels(expected, ours, 0));
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

    /** The pixel as stored: premultiplied, and with no alpha in an opaque RGB canvas (its top byte is unused). */
    private static int premultiplied(BufferedImage img, int x, int y) {
        int v = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData()[y * img.getWidth() + x];
        return img.getType() == BufferedImage.TYPE_INT_RGB ? v & 0xffffff : v;
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
