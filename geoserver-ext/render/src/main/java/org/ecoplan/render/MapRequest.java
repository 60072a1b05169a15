package org.ecoplan.render;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import org.ecoplan.catalog.crs.Crs;
import org.locationtech.jts.geom.Envelope;

/**
 * What to draw (the parameters of a WMS 1.3.0 GetMap, clause 7.3, after axis handling).
 *
 * @param layers        bottom to top
 * @param bbox          map extent in {@code crs}, east/north order
 * @param imageType     {@link BufferedImage#TYPE_INT_ARGB}, {@link BufferedImage#TYPE_INT_ARGB_PRE} (faster to
 *                      draw on) or {@link BufferedImage#TYPE_INT_RGB}
 * @param deadlineNanos a {@link System#nanoTime()} value; passing it raises {@link RenderTimeoutException};
 *                      {@link #NO_DEADLINE} for none
 * @param bufferPixels  features up to this many pixels outside the bbox are read, so symbols and
 *                      labels that straddle a tile edge are drawn on both tiles
 */
public record MapRequest(List<MapLayer> layers, Envelope bbox, Crs crs, int width, int height, boolean transparent,
        Color background, int imageType, long deadlineNanos, int bufferPixels) {
    public static final long NO_DEADLINE = Long.MAX_VALUE;
    /** Largest width or height accepted, so a request cannot allocate gigabytes. */
    public static final int MAX_SIZE = 8192;

    public MapRequest {
        layers = List.copyOf(layers);
        if (bbox == null || bbox.isNull() || !(bbox.getWidth() > 0) || !(bbox.getHeight() > 0)
                || !Double.isFinite(bbox.getWidth()) || !Double.isFinite(bbox.getHeight())) {
            throw new IllegalArgumentException("bbox must have a positive width and height, got " + bbox);
        }
        if (crs == null) throw new IllegalArgumentException("crs is required");
        if (width < 1 || height < 1 || width > MAX_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException(
                    "image size must be 1.." + MAX_SIZE + " pixels, got " + width + "x" + height);
        }
        if (imageType != BufferedImage.TYPE_INT_ARGB && imageType != BufferedImage.TYPE_INT_ARGB_PRE
                && imageType != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("imageType must be TYPE_INT_ARGB, TYPE_INT_ARGB_PRE or TYPE_INT_RGB");
        }
        if (bufferPixels < 0) throw new IllegalArgumentException("bufferPixels must be >= 0");
        if (background == null) background = Color.WHITE;
    }

    /** Whether the image has an alpha channel. */
    public boolean hasAlpha() {
        return imageType != BufferedImage.TYPE_INT_RGB;
    }

    /** A deadline {@code d} from now, for {@code deadlineNanos}. */
    public static long deadlineIn(Duration d) {
        return System.nanoTime() + d.toNanos();
    }

    /** Whether the deadline has passed; overflow-safe as {@link System#nanoTime()} requires. */
    public boolean pastDeadline() {
        return deadlineNanos != NO_DEADLINE && System.nanoTime() - deadlineNanos > 0;
    }
}
