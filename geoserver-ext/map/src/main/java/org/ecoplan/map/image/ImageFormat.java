package org.ecoplan.map.image;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The image formats of maps, legends and tiles (WMS 1.3.0 clause 7.3.3.7 FORMAT, WMTS 07-057r7
 * Format, the extension of REST and XYZ tile URLs): 24-bit PNG with alpha, 8-bit palette PNG, JPEG
 * (no alpha) and GIF (palette).
 */
public enum ImageFormat {
    PNG("image/png", "png", "png", true, List.of("image/png", "png", "image/png;mode=24bit", "image/png24")),
    PNG8("image/png; mode=8bit", "png8", "png", true, List.of("image/png;mode=8bit", "image/png8", "png8")),
    JPEG("image/jpeg", "jpg", "jpeg", false, List.of("image/jpeg", "image/jpg", "jpeg", "jpg")),
    GIF("image/gif", "gif", "gif", true, List.of("image/gif", "gif"));

    /** What a tile can be encoded in. */
    public static final List<ImageFormat> TILE_FORMATS = List.of(PNG, JPEG);

    private final String mime;
    private final String extension;
    private final String imageIoName;
    private final boolean alpha;
    private final List<String> names;

    ImageFormat(String mime, String extension, String imageIoName, boolean alpha, List<String> names) {
        this.mime = mime;
        this.extension = extension;
        this.imageIoName = imageIoName;
        this.alpha = alpha;
        this.names = names;
    }

    /** The MIME type advertised and sent as Content-Type. */
    public String mime() { return mime; }

    /** The file extension of REST and XYZ tile URLs. */
    public String extension() { return extension; }

    public String imageIoName() { return imageIoName; }

    /** Whether the format can carry transparency. */
    public boolean supportsTransparency() { return alpha; }

    public boolean palette() { return this == PNG8 || this == GIF; }

    /** The format a FORMAT value names (MIME type or short name; case and blanks ignored). */
    public static Optional<ImageFormat> find(String value) {
        if (value == null) return Optional.empty();
        String v = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        for (ImageFormat f : values()) if (f.names.contains(v)) return Optional.of(f);
        return Optional.empty();
    }

    /** A tile format by URL extension ("png", "jpg", "jpeg"). */
    public static Optional<ImageFormat> tileByExtension(String ext) {
        if (ext == null) return Optional.empty();
        String e = ext.toLowerCase(Locale.ROOT);
        return TILE_FORMATS.stream().filter(f -> f.extension.equals(e) || f.imageIoName.equals(e)).findFirst();
    }

    /** A tile format by MIME type (parameters ignored). */
    public static Optional<ImageFormat> tileByMime(String mime) {
        if (mime == null) return Optional.empty();
        String m = mime.trim().toLowerCase(Locale.ROOT);
        int semi = m.indexOf(';');
        String wanted = semi >= 0 ? m.substring(0, semi).trim() : m;
        return TILE_FORMATS.stream().filter(f -> f.names.contains(wanted)).findFirst();
    }
}
