package org.ecoplan.wmts;

import java.util.Locale;
import java.util.Optional;

/** The image formats tiles are served in (WMTS Format, the extension of REST and XYZ URLs). */
public enum TileFormat {
    PNG("image/png", "png", "png"), JPEG("image/jpeg", "jpg", "jpeg");

    private final String mime;
    private final String extension;
    private final String imageIoName;

    TileFormat(String mime, String extension, String imageIoName) {
        this.mime = mime;
        this.extension = extension;
        this.imageIoName = imageIoName;
    }

    public String mime() { return mime; }

    public String extension() { return extension; }

    public String imageIoName() { return imageIoName; }

    public boolean transparent() { return this == PNG; }

    /** By MIME type ("image/png", parameters ignored). */
    public static Optional<TileFormat> byMime(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        if (semi >= 0) t = t.substring(0, semi).trim();
        for (TileFormat f : values()) if (f.mime.equals(t)) return Optional.of(f);
        if (t.equals("image/jpg")) return Optional.of(JPEG);
        return Optional.empty();
    }

    /** By file extension ("png", "jpg", "jpeg"). */
    public static Optional<TileFormat> byExtension(String ext) {
        if (ext == null) return Optional.empty();
        return switch (ext.toLowerCase(Locale.ROOT)) {
            case "png" -> Optional.of(PNG);
            case "jpg", "jpeg" -> Optional.of(JPEG);
            default -> Optional.empty();
        };
    }
}
