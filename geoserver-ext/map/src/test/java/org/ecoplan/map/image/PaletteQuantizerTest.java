package org.ecoplan.map.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PaletteQuantizerTest {
    @Test
    void fewColoursAreKeptExactlyWithTransparency() {
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(1, 1, 0xFF00AA00);
        img.setRGB(2, 2, 0xFF123456);
        BufferedImage q = PaletteQuantizer.quantize(img);
        assertTrue(q.getColorModel() instanceof IndexColorModel);
        assertEquals(0xFF00AA00, q.getRGB(1, 1));
        assertEquals(0xFF123456, q.getRGB(2, 2));
        assertEquals(0, q.getRGB(5, 5) >>> 24, "transparent stays transparent");
    }

    @Test
    void manyColoursAreReducedTo256Nearby() throws Exception {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 256; y++)
            for (int x = 0; x < 256; x++) img.setRGB(x, y, 0xFF000000 | x << 16 | y << 8 | ((x + y) & 255));
        BufferedImage q = PaletteQuantizer.quantize(img);
        IndexColorModel cm = (IndexColorModel) q.getColorModel();
        assertTrue(cm.getMapSize() <= 256);
        int worst = 0;
        for (int y = 0; y < 256; y += 17) {
            for (int x = 0; x < 256; x += 13) {
                int a = img.getRGB(x, y), b = q.getRGB(x, y);
                for (int s = 0; s <= 16; s += 8) worst = Math.max(worst, Math.abs(((a >> s) & 255) - ((b >> s) & 255)));
            }
        }
        assertTrue(worst < 40, "nearest palette entry is used: worst channel error " + worst);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageEncoder.write(img, ImageFormat.PNG8, java.awt.Color.WHITE, out);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(256, back.getWidth());
        assertTrue(back.getColorModel() instanceof IndexColorModel, "written as a palette PNG");
    }
}
