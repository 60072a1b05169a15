package org.ecoplan.map.image;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.render.BlockOutputStream;

/** Writes a rendered image in an {@link ImageFormat}, to a stream or into bytes. */
public final class ImageEncoder {
    private ImageEncoder() {}

    public static void write(BufferedImage image, ImageFormat format, Color background, OutputStream out)
            throws IOException {
        format.write(new MapImage(image, background), out);
    }

    /** The encoded bytes; an encoding failure is a server error (NoApplicableCode, HTTP 500). */
    public static byte[] toBytes(BufferedImage image, ImageFormat format, Color background) {
        BlockOutputStream out = new BlockOutputStream();
        try {
            write(image, format, background, out);
        } catch (IOException e) {
            throw new ServiceException(ServiceException.NO_APPLICABLE_CODE, null,
                    "Cannot encode the image as " + format.mime() + ": " + e.getMessage(), 500);
        }
        return out.toByteArray();
    }
}
