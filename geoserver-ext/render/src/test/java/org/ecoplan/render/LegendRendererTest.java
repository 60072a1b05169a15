package org.ecoplan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.ecoplan.render.style.Rule;
import org.ecoplan.render.style.Style;
import org.junit.jupiter.api.Test;

class LegendRendererTest {
    private final LegendRenderer legends = new LegendRenderer();

    private static int dark(BufferedImage img, int x0, int x1) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = x0; x < Math.min(x1, img.getWidth()); x++) {
                Color c = new Color(img.getRGB(x, y), true);
                if (c.getAlpha() > 128 && c.getRed() < 100 && c.getGreen() < 100 && c.getBlue() < 100) n++;
            }
        }
        return n;
    }

    @Test
    void heightGrowsWithTheNumberOfRules() {
        Style polygons = TestScenes.style("polygons.sld");
        Style lines = TestScenes.style("lines.se.sld");
        BufferedImage five = legends.legend(polygons, null, 20, 20, false);
        BufferedImage two = legends.legend(lines, null, 20, 20, false);
        BufferedImage one = legends.legend(polygons, "core", 20, 20, false);
        assertTrue(five.getHeight() > two.getHeight() && two.getHeight() > one.getHeight(),
                five.getHeight() + " / " + two.getHeight() + " / " + one.getHeight());
        assertEquals(5 * (one.getHeight() - 2) + 2, five.getHeight(), "rows of equal height");
    }

    /** polygons.sld: "detail" applies below 1:50,000 only; the other four rules at every scale. */
    @Test
    void scaleKeepsOnlyTheRulesThatApplyAtIt() {
        Style polygons = TestScenes.style("polygons.sld");
        BufferedImage one = legends.legend(polygons, "core", 20, 20, false);
        int row = one.getHeight() - 2;
        assertEquals(5 * row + 2, legends.legend(polygons, null, 10_000, 20, 20, false).getHeight());
        assertEquals(4 * row + 2, legends.legend(polygons, null, 50_000, 20, 20, false).getHeight(),
                "max is exclusive");
        assertEquals(4 * row + 2, legends.legend(polygons, null, 1_000_000, 20, 20, false).getHeight());
        assertEquals(5 * row + 2, legends.legend(polygons, null, Double.NaN, 20, 20, false).getHeight(),
                "no SCALE: all");
    }

    @Test
    void chineseRuleTitlesAreDrawnBesideTheIcons() {
        Style polygons = TestScenes.style("polygons.sld");
        BufferedImage img = legends.legend(polygons, "core", 20, 20, false);
        assertTrue(img.getWidth() > 20 + 3 * 12, "room for the title 生态保护红线: width " + img.getWidth());
        int titlePixels = dark(img, 26, img.getWidth());
        assertTrue(titlePixels > 40, "title glyph pixels " + titlePixels);
        assertEquals(-1, Fonts.forText(java.util.List.of(), false, false, 12f, "生态保护红线").canDisplayUpTo("生态保护红线"));
        // the icon box shows the rule's fill
        assertEquals(new Color(0x2E7D32).getRGB(), img.getRGB(2 + 10, 2 + 10));
        assertEquals(Color.WHITE.getRGB(), img.getRGB(img.getWidth() - 1, 0), "opaque legends have a white background");
        assertEquals(0, legends.legend(polygons, "core", 20, 20, true).getRGB(img.getWidth() - 1, 0) >>> 24);
    }

    @Test
    void iconsDrawEachSymbolizerKind() {
        Style lines = TestScenes.style("lines.se.sld");
        BufferedImage line = legends.icon(lines.rules().get(0), 20, 20);
        int blue = 0;
        for (int y = 0; y < 20; y++)
            for (int x = 0; x < 20; x++) if (MapRendererTest.near(line.getRGB(x, y), new Color(0x1565C0), 20)) blue++;
        assertTrue(blue > 20, "line icon stroke pixels " + blue);
        Rule small = TestScenes.style("points.sld").rules().get(1);
        assertTrue(MapRendererTest.near(legends.icon(small, 20, 20).getRGB(10, 10), new Color(0xFF6F00), 10));
        Rule hatch = TestScenes.style("polygons.sld").rules().get(1);
        BufferedImage h = legends.icon(hatch, 20, 20);
        int red = 0;
        for (int y = 0; y < 20; y++)
            for (int x = 0; x < 20; x++) if (MapRendererTest.near(h.getRGB(x, y), new Color(0xC62828), 40)) red++;
        assertTrue(red > 30, "hatch and outline pixels in the icon: " + red);
    }

    @Test
    void unknownRuleAndBadSizeAreRejected() {
        Style polygons = TestScenes.style("polygons.sld");
        assertThrows(IllegalArgumentException.class, () -> legends.legend(polygons, "nope", 20, 20, false));
        assertThrows(IllegalArgumentException.class, () -> legends.legend(polygons, null, 0, 20, false));
        assertThrows(IllegalArgumentException.class, () -> legends.legend(polygons, null, 20, 100000, false));
    }

    @Test
    void legendMatchesReference() throws IOException {
        ReferenceImageTest.compare("legend-polygons",
                legends.legend(TestScenes.style("polygons.sld"), null, 20, 20, false));
    }
}
