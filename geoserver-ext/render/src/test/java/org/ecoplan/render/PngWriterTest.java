package org.ecoplan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngWriterTest {
    private static BufferedImage scene(int type) {
        BufferedImage img = new BufferedImage(97, 61, type);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(230, 159, 0, 166));
        g.fill(new Ellipse2D.Double(5, 5, 70, 40));
        g.setColor(new Color(0, 114, 178));
        g.fillRect(40, 30, 50, 25);
        g.setColor(new Color(255, 255, 255, 40));
        g.drawLine(0, 60, 96, 0);
        g.dispose();
        return img;
    }

    private static BufferedImage roundTrip(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngWriter.write(img, out);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(img.getWidth(), back.getWidth());
        assertEquals(img.getHeight(), back.getHeight());
        return back;
    }

    @Test
    void straightAlphaAndOpaqueImagesDecodeToTheSamePixels() throws IOException {
        for (int type : new int[]{BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB}) {
            BufferedImage img = scene(type);
            BufferedImage back = roundTrip(img);
            assertEquals(type == BufferedImage.TYPE_INT_ARGB, back.getColorModel().hasAlpha());
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++)
                    assertEquals(img.getRGB(x, y), back.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    /** Noise compresses badly: the data spans many 64 KiB blocks and still decodes pixel for pixel. */
    @Test
    void largeImagesSpanningManyBlocksDecodeExactly() throws IOException {
        BufferedImage img = new BufferedImage(600, 400, BufferedImage.TYPE_INT_ARGB);
        java.util.Random random = new java.util.Random(3);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 600; x++) img.setRGB(x, y, y < 100 ? 0xFF336699 : random.nextInt());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngWriter.write(img, out);
        assertTrue(out.size() > 4 * 65536, "several blocks: " + out.size());
        BufferedImage back = roundTrip(img);
        for (int y = 0; y < 400; y += 3)
            for (int x = 0; x < 600; x += 3) assertEquals(img.getRGB(x, y), back.getRGB(x, y), "pixel " + x + "," + y);
    }

    @Test
    void premultipliedPixelsAreWrittenWithStraightAlpha() throws IOException {
        BufferedImage img = scene(BufferedImage.TYPE_INT_ARGB_PRE);
        BufferedImage back = roundTrip(img);
        int translucent = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y), q = back.getRGB(x, y);
                assertEquals(p >>> 24, q >>> 24, "alpha at " + x + "," + y);
                if ((p >>> 24) == 0) continue;
                if ((p >>> 24) < 255) translucent++;
                for (int s = 0; s < 24; s += 8) {
                    // getRGB un-premultiplies with its own rounding: allow one step
                    assertTrue(Math.abs(((p >> s) & 255) - ((q >> s) & 255)) <= 1, "channel at " + x + "," + y);
                }
            }
        }
        assertTrue(translucent > 100, "the scene has translucent pixels to check");
    }

    @Test
    void otherLayoutsAreRefused() {
        BufferedImage gray = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        assertFalse(PngWriter.supports(gray));
        assertThrows(IllegalArgumentException.class, () -> PngWriter.write(gray, new ByteArrayOutputStream()));
    }
}
