package org.ecoplan.map.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.ecoplan.ows.ResponseEncoder;
import org.ecoplan.render.PngWriter;

/**
 * An image format of maps, legends and tiles (WMS 1.3.0 clause 7.3.3.7 FORMAT, WMTS 07-057r7
 * Format, the extension of REST and XYZ tile URLs), and its encoder: a {@link ResponseEncoder} of
 * {@link MapImage}s registered with {@link java.util.ServiceLoader}, so a new format is one class
 * plus its registration. The built-in formats are 24-bit PNG with alpha, 8-bit palette PNG, JPEG
 * (no alpha, flattened onto the background) and GIF (palette). Two formats are equal when their
 * MIME types are.
 */
public abstract class ImageFormat implements ResponseEncoder<MapImage> {
    public static final ImageFormat PNG = new Png();
    public static final ImageFormat PNG8 = new Png8();
    public static final ImageFormat JPEG = new Jpeg();
    public static final ImageFormat GIF = new Gif();

    /** The built-in formats, in the order capabilities list them. */
    public static final List<ImageFormat> BUILT_IN = List.of(PNG, PNG8, JPEG, GIF);
    /** What a tile can be encoded in. */
    public static final List<ImageFormat> TILE_FORMATS = List.of(PNG, JPEG);

    static {
        ImageIO.setUseCache(false);
    }

    private final String mime;
    private final String extension;
    private final boolean alpha;
    private final List<String> names;

    /**
     * @param mime      the MIME type advertised and sent as Content-Type
     * @param extension the file extension of REST and XYZ tile URLs
     * @param alpha     whether the format carries transparency
     * @param names     what a FORMAT value may say besides the MIME type
     */
    protected ImageFormat(String mime, String extension, boolean alpha, List<String> names) {
        this.mime = mime;
        this.extension = extension;
        this.alpha = alpha;
        this.names = List.copyOf(names);
    }

    public String mime() { return mime; }

    @Override
    public String extension() { return extension; }

    public boolean supportsTransparency() { return alpha; }

    /** Whether the format stores a palette (drawn in ARGB, then quantized). */
    public boolean palette() {
        return false;
    }

    @Override
    public final Class<MapImage> type() { return MapImage.class; }

    @Override
    public final List<String> names() { return names; }

    @Override
    public String contentType(String requested) { return mime; }

    /** The format a FORMAT value names among the built-in ones (MIME type or short name; case and blanks ignored). */
    public static Optional<ImageFormat> find(String value) {
        if (value == null) return Optional.empty();
        for (ImageFormat f : BUILT_IN) if (f.matches(value)) return Optional.of(f);
        return Optional.empty();
    }

    /** A tile format by URL extension ("png", "jpg", "jpeg"). */
    public static Optional<ImageFormat> tileByExtension(String ext) {
        if (ext == null) return Optional.empty();
        String e = ext.toLowerCase(Locale.ROOT);
        return TILE_FORMATS.stream().filter(f -> f.extension.equals(e) || (f == JPEG && e.equals("jpeg")))
                .findFirst();
    }

    /** A tile format by MIME type (parameters ignored). */
    public static Optional<ImageFormat> tileByMime(String mime) {
        if (mime == null) return Optional.empty();
        int semi = mime.indexOf(';');
        String wanted = (semi >= 0 ? mime.substring(0, semi) : mime).trim();
        return TILE_FORMATS.stream().filter(f -> f.matches(wanted)).findFirst();
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof ImageFormat f && f.mime.equals(mime);
    }

    @Override
    public final int hashCode() { return mime.hashCode(); }

    @Override
    public String toString() { return mime; }

    /** Writes with ImageIO; a sub-image is copied first, as ImageIO would write its parent's raster layout. */
    static void imageIo(BufferedImage image, String name, OutputStream out) throws IOException {
        BufferedImage own = image.getRaster().getParent() == null ? image : copy(image);
        if (!ImageIO.write(own, name, out)) throw new IOException("no ImageIO writer for " + name);
    }

    private static BufferedImage copy(BufferedImage image) {
        // keep an opaque image opaque: JPEG writers refuse an alpha channel
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage c = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = c.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return c;
    }

    /** 24-bit PNG with alpha, through {@link PngWriter}, which reads the pixels in place (also of a sub-image). */
    public static final class Png extends ImageFormat {
        public Png() {
            super("image/png", "png", true, List.of("image/png", "png", "image/png;mode=24bit", "image/png24"));
        }

        @Override
        public void write(MapImage result, OutputStream out) throws IOException {
            if (PngWriter.supports(result.image())) PngWriter.write(result.image(), out);
            else imageIo(result.image(), "png", out);
        }
    }

    /** 8-bit palette PNG. */
    public static final class Png8 extends ImageFormat {
        @Override
        public boolean palette() { return true; }

        public Png8() {
            super("image/png; mode=8bit", "png8", true, List.of("image/png;mode=8bit", "image/png8", "png8"));
        }

        @Override
        public void write(MapImage result, OutputStream out) throws IOException {
            imageIo(PaletteQuantizer.quantize(result.image()), "png", out);
        }
    }

    /** JPEG: no alpha, so the image is flattened onto its background colour. */
    public static final class Jpeg extends ImageFormat {
        public Jpeg() {
            super("image/jpeg", "jpg", false, List.of("image/jpeg", "image/jpg", "jpeg", "jpg"));
        }

        @Override
        public void write(MapImage result, OutputStream out) throws IOException {
            imageIo(flatten(result.image(), result.background()), "jpeg", out);
        }
    }

    /** GIF (palette, one transparent index). */
    public static final class Gif extends ImageFormat {
        @Override
        public boolean palette() { return true; }

        public Gif() {
            super("image/gif", "gif", true, List.of("image/gif", "gif"));
        }

        @Override
        public void write(MapImage result, OutputStream out) throws IOException {
            imageIo(PaletteQuantizer.quantize(result.image()), "gif", out);
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
