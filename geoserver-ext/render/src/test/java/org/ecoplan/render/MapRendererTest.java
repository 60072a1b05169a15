package org.ecoplan.render;

import static org.ecoplan.render.TestScenes.CRS;
import static org.ecoplan.render.TestScenes.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ecoplan.render.style.Style;
import org.ecoplan.render.style.StyleParser;
import org.ecoplan.testkit.ImageDiff;
import org.ecoplan.testkit.MemoryFeatureSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class MapRendererTest {
    private static final Envelope WORLD = new Envelope(0, 1000, 0, 1000);
    private final MapRenderer renderer = new MapRenderer();

    static boolean near(int argb, Color expected, int tolerance) {
        Color c = new Color(argb, true);
        return Math.abs(c.getRed() - expected.getRed()) <= tolerance
                && Math.abs(c.getGreen() - expected.getGreen()) <= tolerance
                && Math.abs(c.getBlue() - expected.getBlue()) <= tolerance;
    }

    /** Pixel of a world coordinate in a 200 x 200 render of WORLD (5 m per pixel). */
    private static int px(double world) {
        return (int) (world / 5);
    }

    private static int py(double world) { return (int) ((1000 - world) / 5); }

    private static int count(BufferedImage img, int x0, int y0, int x1, int y1, Color c, int tol) {
        int n = 0;
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) if (near(img.getRGB(x, y), c, tol)) n++;
        return n;
    }

    private BufferedImage zones(Envelope bbox, int w, int h) {
        return renderer.render(request(
                List.of(new MapLayer("zone", TestScenes.zones(), TestScenes.style("polygons.sld"))), bbox, w, h));
    }

    /**
     * An image given back is drawn into again, and nothing of its last map shows: not on an opaque
     * background, nor where a transparent map leaves pixels clear.
     */
    @Test
    void aRecycledImageShowsNothingOfItsLastMap() {
        MapRenderer own = new MapRenderer();
        List<MapLayer> zones = List.of(new MapLayer("zone", TestScenes.zones(), TestScenes.style("polygons.sld")));
        Envelope empty = new Envelope(5000, 6000, 5000, 6000); // no feature there
        for (boolean transparent : new boolean[]{false, true}) {
            MapRequest full = new MapRequest(zones, WORLD, TestScenes.CRS, 400, 400, transparent, Color.WHITE,
                    BufferedImage.TYPE_INT_ARGB_PRE, MapRequest.NO_DEADLINE, 32);
            BufferedImage first = own.render(full);
            own.recycle(first);
            BufferedImage second = own.render(new MapRequest(zones, empty, TestScenes.CRS, 400, 400, transparent,
                    Color.WHITE, BufferedImage.TYPE_INT_ARGB_PRE, MapRequest.NO_DEADLINE, 32));
            assertTrue(first == second, "the same pixels are drawn into again");
            int expected = transparent ? 0 : Color.WHITE.getRGB();
            for (int y = 0; y < 400; y += 7)
                for (int x = 0; x < 400; x += 7)
                    assertEquals(expected, second.getRGB(x, y), "pixel " + x + "," + y + " transparent=" + transparent);
            own.recycle(second);
        }
        // a small image is not kept: it costs the collector nothing
        BufferedImage small = own.render(request(zones, WORLD, 100, 100));
        own.recycle(small);
        assertTrue(small != own.render(request(zones, WORLD, 100, 100)));
    }

    @Test
    void polygonRulesFillWithTheirColours() {
        BufferedImage img = zones(WORLD, 200, 200);
        assertEquals(new Color(0x2E7D32).getRGB(), img.getRGB(px(150), py(350)), "core fill");
        // ElseFilter grey at 50 % over white
        assertTrue(near(img.getRGB(px(150), py(850)), new Color(0xCF, 0xCF, 0xCF), 2),
                Integer.toHexString(img.getRGB(px(150), py(850))));
        assertEquals(Color.WHITE.getRGB(), img.getRGB(px(950), py(950)), "background outside every feature");
    }

    @Test
    void hatchPatternFillsThePolygon() {
        BufferedImage img = zones(WORLD, 200, 200);
        int x0 = px(520), x1 = px(880), y0 = py(380), y1 = py(120);
        int area = (x1 - x0) * (y1 - y0);
        int red = count(img, x0, y0, x1, y1, new Color(0xC62828), 40);
        int cream = count(img, x0, y0, x1, y1, new Color(0xFFF8E1), 3);
        assertTrue(red > area / 10, "hatch lines cover " + red + " of " + area);
        assertTrue(cream > area / 3, "background fill between the lines " + cream + " of " + area);
        // the slash hatch runs diagonally: along a row red and cream alternate with period 10 px
        int transitions = 0;
        int row = py(150); // below the label in the middle
        boolean wasRed = near(img.getRGB(x0, row), new Color(0xC62828), 40);
        for (int x = x0 + 1; x < x1; x++) {
            boolean isRed = near(img.getRGB(x, row), new Color(0xC62828), 40);
            if (isRed && !wasRed) transitions++;
            wasRed = isRed;
        }
        int expected = (x1 - x0) / 10;
        assertTrue(Math.abs(transitions - expected) <= 1, transitions + " hatch lines, expected about " + expected);
    }

    @Test
    void scaleRangeSwitchesTheDetailRule() {
        // 5 m per pixel: scale 1:17857, inside MaxScaleDenominator 50000 -> blue boundary drawn
        BufferedImage near = zones(WORLD, 200, 200);
        assertTrue(count(near, px(90), py(300), px(110), py(200), Color.BLUE, 60) > 20,
                "detail boundary at large scale");
        // 50 m per pixel: scale 1:178571 -> no blue anywhere
        BufferedImage far = zones(new Envelope(0, 10000, 0, 10000), 200, 200);
        assertEquals(0, count(far, 0, 0, 200, 200, Color.BLUE, 60));
        assertTrue(count(far, 0, 180, 20, 200, new Color(0x2E7D32), 10) > 0, "the zones are still drawn");
    }

    @Test
    void labelsAreDrawnInChineseOverTheGeometry() {
        BufferedImage img = zones(WORLD, 200, 200);
        // label "核心区" centred in the core zone: black glyph pixels with white halo around
        int cx = px(250), cy = py(250);
        int black = count(img, cx - 25, cy - 10, cx + 25, cy + 10, Color.BLACK, 60);
        int halo = count(img, cx - 25, cy - 10, cx + 25, cy + 10, Color.WHITE, 10);
        assertTrue(black > 30, "label glyph pixels: " + black);
        assertTrue(halo > 30, "halo pixels: " + halo);
        // the unlabelled zone (null name) has no text
        assertEquals(0, count(img, px(200), py(750), px(300), py(650), Color.BLACK, 60));
    }

    @Test
    void chineseGlyphsAreRealGlyphsNotTheMissingGlyphBox() {
        java.awt.Font font = Fonts.forText(List.of("No Such Font"), false, false, 14f, "核心区");
        assertEquals(-1, font.canDisplayUpTo("核心区"), "font " + font.getFamily() + " cannot show Chinese");
        var frc = new java.awt.font.FontRenderContext(null, true, true);
        var gv = font.createGlyphVector(frc, "核心区");
        var missing = font.createGlyphVector(frc, new int[]{font.getMissingGlyphCode()});
        for (int i = 0; i < gv.getNumGlyphs(); i++) {
            assertNotEquals(font.getMissingGlyphCode(), gv.getGlyphCode(i));
        }
        // and the drawn shapes differ from the .notdef box
        assertNotEquals(missing.getGlyphOutline(0).getBounds2D(), gv.getGlyphOutline(0).getBounds2D());
    }

    private static Style labelOnly() {
        String sld = "<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\"><NamedLayer>"
                + "<UserStyle><FeatureTypeStyle><Rule><TextSymbolizer><Label><ogc:PropertyName>name</ogc:PropertyName></Label>"
                + "<Font><CssParameter name=\"font-size\">16</CssParameter></Font>"
                + "<LabelPlacement><PointPlacement><AnchorPoint><AnchorPointX>0.5</AnchorPointX><AnchorPointY>0.5</AnchorPointY></AnchorPoint>"
                + "</PointPlacement></LabelPlacement><Priority><ogc:PropertyName>rank</ogc:PropertyName></Priority>"
                + "</TextSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>";
        return StyleParser.parse(new ByteArrayInputStream(sld.getBytes(StandardCharsets.UTF_8)), null).defaultStyle();
    }

    private BufferedImage sites(Style style, MemoryFeatureSource source) {
        return renderer.render(request(List.of(new MapLayer("site", source, style)), WORLD, 200, 200));
    }

    @Test
    void overlappingLabelsKeepOnlyTheHigherPriorityOne() {
        Style style = labelOnly();
        var winner = TestScenes.feature("site.1", "高优先级", null, 9L, "POINT(500 500)");
        var loser = TestScenes.feature("site.2", "低优先级", null, 1L, "POINT(520 505)");
        BufferedImage both = sites(style, new MemoryFeatureSource(TestScenes.SITE, List.of(loser, winner)));
        BufferedImage onlyWinner = sites(style, new MemoryFeatureSource(TestScenes.SITE, List.of(winner)));
        BufferedImage onlyLoser = sites(style, new MemoryFeatureSource(TestScenes.SITE, List.of(loser)));
        assertEquals(0, ImageDiff.differingPixels(both, onlyWinner, 0), "the lower-priority label was drawn too");
        assertTrue(ImageDiff.differingPixels(onlyLoser, onlyWinner, 0) > 50, "the two labels look the same");
        // far apart, both are drawn
        var farAway = TestScenes.feature("site.3", "低优先级", null, 1L, "POINT(500 100)");
        BufferedImage apart = sites(style, new MemoryFeatureSource(TestScenes.SITE, List.of(winner, farAway)));
        assertTrue(ImageDiff.differingPixels(apart, onlyWinner, 0) > 50);
    }

    @Test
    void pointsUseMarksAndExternalGraphics() {
        BufferedImage img = renderer
                .render(request(List.of(new MapLayer("site", TestScenes.sites(), TestScenes.style("points.sld"))),
                        WORLD, 200, 200));
        // rank 7 -> red.png, 12 px; rank 1 -> orange circle; rank 99 -> blue inline image drawn over red
        assertTrue(near(img.getRGB(px(600), py(850)), Color.RED, 10),
                Integer.toHexString(img.getRGB(px(600), py(850))));
        assertTrue(near(img.getRGB(px(200), py(950)), new Color(0xFF6F00), 10));
        assertTrue(near(img.getRGB(px(850), py(780)), Color.BLUE, 10));
    }

    @Test
    void linesAreStrokedByRuleAndLabelledAlongTheLine() {
        BufferedImage img = renderer
                .render(request(List.of(new MapLayer("river", TestScenes.rivers(), TestScenes.style("lines.se.sld"))),
                        WORLD, 200, 200));
        assertTrue(count(img, px(40), py(720), px(120), py(660), new Color(0x1565C0), 30) > 30, "major river stroke");
        assertTrue(count(img, px(600), py(950), px(660), py(800), new Color(0x64B5F6), 60) > 5, "minor river stroke");
        // the label (dark blue) sits on the line near its middle
        assertTrue(count(img, px(250), py(720), px(700), py(620), new Color(0x0D47A1), 40) > 20,
                "label along the line");
    }

    @Test
    void adjacentTilesJoinWithoutASeam() {
        // one 400 x 200 image against two tiles split at a pixel column that is not a multiple of the hatch period
        Envelope full = new Envelope(0, 1000, 0, 500);
        BufferedImage whole = zones(full, 400, 200);
        double split = 1000.0 * 215 / 400;
        BufferedImage left = zones(new Envelope(0, split, 0, 500), 215, 200);
        BufferedImage right = zones(new Envelope(split, 1000, 0, 500), 185, 200);
        int differing = 0;
        for (int y = 0; y < 200; y++) {
            for (int dx = 0; dx < 3; dx++) {
                if (!near(left.getRGB(214 - dx, y), new Color(whole.getRGB(214 - dx, y)), 3)) differing++;
                if (!near(right.getRGB(dx, y), new Color(whole.getRGB(215 + dx, y)), 3)) differing++;
            }
        }
        // labels may be placed differently near a tile edge, geometry and hatching may not
        assertTrue(differing <= 12, differing + " pixels differ along the seam");
        assertTrue(count(whole, 200, 0, 230, 200, new Color(0xC62828), 40) > 20, "the seam crosses the hatched zone");
    }

    @Test
    void featuresAreReprojectedFromTheNativeCrsToTheMapCrs() {
        // a 2 km square in CGCS2000 / 3-degree Gauss-Kruger CM 114E (near Yanggao), on a CGCS2000 lon/lat map
        var square = TestScenes.feature("zone.9", null, "core", 1L,
                "POLYGON((499000 4439000, 501000 4439000, 501000 4441000, 499000 4441000, 499000 4439000))");
        var centre = new org.ecoplan.catalog.crs.GeometryTransformer(CRS, org.ecoplan.catalog.crs.CrsRegistry.CGCS2000)
                .transform(new org.locationtech.jts.geom.Coordinate(500000, 4440000));
        assertEquals(114.0, centre.x, 1e-6);
        Envelope bbox = new Envelope(centre.x - 0.05, centre.x + 0.05, centre.y - 0.05, centre.y + 0.05);
        MemoryFeatureSource source = new MemoryFeatureSource(TestScenes.ZONE, List.of(square));
        MapRequest r = new MapRequest(List.of(new MapLayer("zone", source, TestScenes.style("polygons.sld"))), bbox,
                org.ecoplan.catalog.crs.CrsRegistry.CGCS2000, 200, 200, false, Color.WHITE, BufferedImage.TYPE_INT_RGB,
                MapRequest.NO_DEADLINE, 0);
        BufferedImage img = renderer.render(r);
        assertEquals(new Color(0x2E7D32).getRGB(), img.getRGB(100, 100));
        assertEquals(Color.WHITE.getRGB(), img.getRGB(5, 5));
        // 2 km is about 0.0235 degrees of longitude here: about 47 of 200 pixels
        int green = count(img, 0, 100, 200, 101, new Color(0x2E7D32), 5);
        assertTrue(green > 40 && green < 50, green + " green pixels across");
    }

    @Test
    void veryLargeMapsReadOncePerFeatureTypeStyleAndLookTheSame() {
        MemoryFeatureSource zones = TestScenes.zones();
        // 2100 x 2100 is over the overlay-image limit: the detail FeatureTypeStyle reads again instead
        BufferedImage big = renderer
                .render(request(List.of(new MapLayer("zone", zones, TestScenes.style("polygons.sld"))),
                        WORLD, 2100, 2100));
        assertEquals(3, zones.queries());
        int x = (int) (100 * 2.1), y = (int) ((1000 - 250) * 2.1);
        assertTrue(near(big.getRGB(x, y), Color.BLUE, 60),
                "detail boundary over the zone: " + Integer.toHexString(big.getRGB(x, y)));
        assertEquals(new Color(0x2E7D32).getRGB(), big.getRGB((int) (150 * 2.1), (int) ((1000 - 350) * 2.1)));
    }

    @Test
    void badRequestsAreRejectedClearly() {
        MapLayer layer = new MapLayer("zone", TestScenes.zones(), TestScenes.style("polygons.sld"));
        assertThrows(IllegalArgumentException.class,
                () -> request(List.of(layer), new Envelope(0, Double.NaN, 0, 1), 10, 10));
        assertThrows(IllegalArgumentException.class, () -> request(List.of(layer), new Envelope(5, 5, 0, 1), 10, 10));
        assertThrows(IllegalArgumentException.class, () -> request(List.of(layer), WORLD, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> request(List.of(layer), WORLD, 100000, 10));
    }

    @Test
    void passingTheDeadlineAborts() {
        MapRequest r = new MapRequest(
                List.of(new MapLayer("zone", TestScenes.zones(), TestScenes.style("polygons.sld"))),
                WORLD, CRS, 200, 200, false, Color.WHITE, BufferedImage.TYPE_INT_RGB, System.nanoTime() - 1_000_000L,
                0);
        assertThrows(RenderTimeoutException.class, () -> renderer.render(r));
    }

    @Test
    void transparentImagesStayClearOutsideFeatures() {
        MapRequest r = new MapRequest(
                List.of(new MapLayer("zone", TestScenes.zones(), TestScenes.style("polygons.sld"))),
                WORLD, CRS, 200, 200, true, Color.WHITE, BufferedImage.TYPE_INT_ARGB, MapRequest.NO_DEADLINE, 0);
        BufferedImage img = renderer.render(r);
        assertEquals(0, img.getRGB(px(950), py(950)) >>> 24);
        assertEquals(255, img.getRGB(px(150), py(350)) >>> 24);
    }

    @Test
    void theQueryAllowsSimplificationWithinHalfAPixel() {
        MemoryFeatureSource zones = TestScenes.zones();
        // 1000 units over 200 pixels, 32 pixels of buffer each side: 5 units a pixel
        renderer.render(
                request(List.of(new MapLayer("zone", zones, TestScenes.style("polygons.sld"))), WORLD, 200, 200));
        // half a pixel is 2.5 units, rounded down to a power of two
        assertEquals(2.0, zones.lastQuery().generalization(), 0);
        // the finer axis decides: 1000 units over 400 pixels across (half a pixel 1.25), 200 down (2.5)
        renderer.render(
                request(List.of(new MapLayer("zone", zones, TestScenes.style("polygons.sld"))), WORLD, 400, 200));
        assertEquals(1.0, zones.lastQuery().generalization(), 0);
    }

    @Test
    void neighbouringTilesOfOneLevelSimplifyAlike() {
        // two 256-pixel tiles whose native boxes differ by a few percent, as Web Mercator tiles one
        // row apart do in degrees: each asks for the same distance, within half of its own pixel
        Envelope south = new Envelope(113.0, 113.01, 40.0, 40.0077);
        Envelope north = new Envelope(113.0, 113.01, 40.0077, 40.0153);
        MapRequest tile = request(List.of(), WORLD, 256, 256);
        double a = MapRenderer.generalization(south, tile);
        double b = MapRenderer.generalization(north, tile);
        assertEquals(a, b, 0);
        assertTrue(a > 0 && a <= 0.5 * 0.0076 / (256 + 2 * tile.bufferPixels()));
        assertEquals(0, MapRenderer.generalization(new Envelope(), tile), 0);
    }

    @Test
    void oneFeatureQueryPerLayerWhateverTheFeatureTypeStyles() {
        MemoryFeatureSource zones = TestScenes.zones();
        renderer.render(
                request(List.of(new MapLayer("zone", zones, TestScenes.style("polygons.sld"))), WORLD, 200, 200));
        assertEquals(1, zones.queries());
    }

    @Test
    void solidFillsAndThinOutlinesGoStraightIntoPackedCanvasesOnly() {
        MapViewport viewport = new MapViewport(WORLD, 64, 64, CRS);
        for (int type : new int[]{BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB_PRE,
                BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage img = new BufferedImage(64, 64, type);
            java.awt.Graphics2D g = img.createGraphics();
            MapRenderer.applyQualityHints(g);
            assertEquals(type != BufferedImage.TYPE_INT_ARGB,
                    new SymbolizerPainter(g, img, viewport, null, 0).drawsDirectly(), "type " + type);
            g.dispose();
        }
        // Java2D honours a clip, a transform, a composite and aliased drawing; drawing into the pixels would not
        java.util.List<java.util.function.Consumer<java.awt.Graphics2D>> states = List.of(
                g -> g.setClip(0, 0, 10, 10),
                g -> g.translate(0.5, 0),
                g -> g.setComposite(java.awt.AlphaComposite.SrcOver.derive(0.5f)),
                g -> g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING,
                        java.awt.RenderingHints.VALUE_ANTIALIAS_OFF));
        for (var state : states) {
            BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            MapRenderer.applyQualityHints(g);
            state.accept(g);
            assertTrue(!new SymbolizerPainter(g, img, viewport, null, 0).drawsDirectly());
            g.dispose();
        }
    }
}
