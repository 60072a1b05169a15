package org.ecoplan.wms;

import java.util.Locale;
import org.ecoplan.ows.ServiceException;

/**
 * The map image formats of GetMap (WMS 1.3.0 clause 7.3.3.7): 24-bit PNG with alpha, 8-bit
 * palette PNG, JPEG (no alpha) and GIF (palette).
 */
public enum ImageFormat {
    PNG("image/png", "png", true), PNG8("image/png; mode=8bit", "png", true), JPEG("image/jpeg", "jpeg",
            false), GIF("image/gif", "gif", true);

    private final String mime;
    private final String imageIoName;
    private final boolean alpha;

    ImageFormat(String mime, String imageIoName, boolean alpha) {
        this.mime = mime;
        this.imageIoName = imageIoName;
        this.alpha = alpha;
    }

    public String mime() { return mime; }

    public String imageIoName() { return imageIoName; }

    /** Whether the format can carry transparency. */
    public boolean supportsTransparency() { return alpha; }

    public boolean palette() { return this == PNG8 || this == GIF; }

    /** The format named by a FORMAT parameter, or null when unsupported. */
    public static ImageFormat find(String value) {
        if (value == null) return null;
        String v = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        return switch (v) {
            case "image/png", "png", "image/png;mode=24bit", "image/png24" -> PNG;
            case "image/png;mode=8bit", "image/png8", "png8" -> PNG8;
            case "image/jpeg", "image/jpg", "jpeg", "jpg" -> JPEG;
            case "image/gif", "gif" -> GIF;
            default -> null;
        };
    }

    /** Like {@link #find}, but an unsupported format is InvalidFormat naming the supported ones. */
    public static ImageFormat require(String value, String locator) {
        if (value == null || value.isBlank()) {
            throw new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, locator,
                    "Missing parameter " + locator);
        }
        ImageFormat f = find(value);
        if (f == null) {
            throw new ServiceException(WmsExceptionCode.INVALID_FORMAT, locator, "Unsupported " + locator + " '" + value
                    + "'; supported: image/png, image/png; mode=8bit, image/jpeg, image/gif");
        }
        return f;
    }
}
