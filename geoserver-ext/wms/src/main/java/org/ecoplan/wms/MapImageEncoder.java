package org.ecoplan.wms;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;
import org.ecoplan.render.PngWriter;

/**
 * Writes a rendered map in an {@link ImageFormat}: PNG as is, palette formats through
 * {@link PaletteQuantizer}, JPEG flattened onto the background colour (JPEG has no alpha).
 * 24-bit PNG goes through {@link PngWriter}, which reads the rendered pixels directly; ImageIO
 * writes the other formats, in memory rather than through a temporary file.
 */
public final class MapImageEncoder {
    static {
        ImageIO.setUseCache(false);
    }

    private MapImageEncoder() {}

    public static void write(BufferedImage image, ImageFormat format, Color background, OutputStream out)
            throws IOException {
        if (format == ImageFormat.PNG && PngWriter.supports(image)) {
            PngWriter.write(image, out);
            return;
        }
        BufferedImage toWrite = switch (format) {
            case PNG -> image;
            case PNG8, GIF -> PaletteQuantizer.quantize(image);
            case JPEG -> flatten(image, background);
        };
        if (!ImageIO.write(toWrite, format.imageIoName(), out)) {
            throw new IOException("no ImageIO writer for " + format.mime());
        }
    }

    static BufferedImage flatten(BufferedImage image, Color background) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) return image;
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(background == null ? Color.WHITE : new Color(background.getRGB() & 0xFFFFFF));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }
}
