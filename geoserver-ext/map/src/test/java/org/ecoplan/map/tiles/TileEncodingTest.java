package org.ecoplan.map.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.ecoplan.map.image.ImageFormat;
import org.junit.jupiter.api.Test;

/** Tiles cut from a metatile image decode to exactly the pixels of their square of the block. */
class TileEncodingTest {
    private static BufferedImage block(int type) {
        BufferedImage img = new BufferedImage(600, 600, type);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(250, 250, 250, type == BufferedImage.TYPE_INT_RGB ? 255 : 0));
        g.fillRect(0, 0, 600, 600);
        for (int i = 0; i < 600; i += 7) {
            g.setColor(new Color((i * 37) % 256, (i * 11) % 256, (i * 5) % 256, 40 + i % 200));
            g.fillRect(i, (i * 3) % 600, 30, 20);
        }
        g.dispose();
        return img;
    }

    @Test
    void pngTilesKeepEveryPixelOfTheirSquare() throws Exception {
        for (int type : new int[]{BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB}) {
            BufferedImage block = block(type);
            BufferedImage tile = block.getSubimage(300, 44, 256, 256);
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(TileRenderer.encode(tile, ImageFormat.PNG)));
            assertEquals(256, back.getWidth());
            assertEquals(256, back.getHeight());
            int[] want = tile.getRGB(0, 0, 256, 256, null, 0, 256);
            int[] got = back.getRGB(0, 0, 256, 256, null, 0, 256);
            if (type == BufferedImage.TYPE_INT_RGB) for (int i = 0; i < want.length; i++) want[i] |= 0xFF000000;
            assertArrayEquals(want, got, "pixels of an image of type " + type);
        }
    }
}
