package org.ecoplan.map.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.render.PngWriter;

/**
 * Writes a rendered image (a map, a legend, a tile cut from a metatile) in an {@link ImageFormat}:
 * PNG as is, palette formats through {@link PaletteQuantizer}, JPEG flattened onto the background
 * colour (JPEG has no alpha). 24-bit PNG goes through {@link PngWriter}, which reads the pixels in
 * place, also of a sub-image; ImageIO writes the other formats in memory, from a copy when the
 * image is a sub-image (ImageIO would otherwise write its parent's raster layout).
 */
public final class ImageEncoder {
    static {
        ImageIO.setUseCache(false);
    }

    private ImageEncoder() {}

    public static void write(BufferedImage image, ImageFormat format, Color background, OutputStream out)
            throws IOException {
        if (format == ImageFormat.PNG && PngWriter.supports(image)) {
            PngWriter.write(image, out);
            return;
        }
        BufferedImage toWrite = switch (format) {
            case PNG -> image.getRaster().getParent() == null ? image : copy(image);
            case PNG8, GIF -> PaletteQuantizer.quantize(image);
            case JPEG -> flatten(image, background);
        };
        if (!ImageIO.write(toWrite, format.imageIoName(), out)) {
            throw new IOException("no ImageIO writer for " + format.mime());
        }
    }

    /** The encoded bytes; an encoding failure is a server error (NoApplicableCode, HTTP 500). */
    public static byte[] toBytes(BufferedImage image, ImageFormat format, Color background) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, image.getWidth() * image.getHeight() / 8));
        try {
            write(image, format, background, out);
        } catch (IOException e) {
            throw new ServiceException(ServiceException.NO_APPLICABLE_CODE, null,
                    "Cannot encode the image as " + format.mime() + ": " + e.getMessage(), 500);
        }
        return out.toByteArray();
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage c = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = c.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return c;
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
