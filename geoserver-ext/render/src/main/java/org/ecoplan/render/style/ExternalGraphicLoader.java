package org.ecoplan.render.style;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Element;

/**
 * Loads the image of an ExternalGraphic (SLD 1.0.0 clause 11.3.2) once, at parse time: a file
 * relative to the style (it must stay inside the style's directory), a data: URI, or SE 1.1
 * base64 InlineContent. Remote URLs are refused, never fetched (house rule: nothing remote at run time).
 */
final class ExternalGraphicLoader {
    private static final long MAX_IMAGE_BYTES = 2L * 1024 * 1024;
    /** The most pixels a graphic may have once decoded (1024 × 1024): a small file can declare a huge image. */
    static final long MAX_IMAGE_PIXELS = 1024L * 1024;
    private final Path baseDir;

    ExternalGraphicLoader(String systemId) {
        this.baseDir = baseDir(systemId);
    }

    private static Path baseDir(String systemId) {
        if (systemId == null || systemId.isBlank()) return null;
        try {
            Path p = systemId.startsWith("file:") ? Path.of(URI.create(systemId)) : Path.of(systemId);
            Path parent = p.toAbsolutePath().normalize().getParent();
            return parent;
        } catch (RuntimeException e) {
            return null;
        }
    }

    ExternalGraphic load(Element e) {
        String format = Elements.text(e, "Format");
        Element inline = Elements.child(e, "InlineContent");
        if (inline != null) {
            if (!"base64".equalsIgnoreCase(inline.getAttribute("encoding").trim())) {
                throw Elements.error(inline, "InlineContent must use encoding=\"base64\"");
            }
            return new ExternalGraphic("inline", format, decode(inline, base64(inline, inline.getTextContent())));
        }
        Element res = Elements.child(e, "OnlineResource");
        if (res == null) throw Elements.error(e, "ExternalGraphic needs an OnlineResource or InlineContent");
        String href = res.getAttributeNS("http://www.w3.org/1999/xlink", "href");
        if (href == null || href.isBlank()) href = res.getAttribute("xlink:href");
        if (href == null || href.isBlank()) throw Elements.error(res, "OnlineResource without xlink:href");
        href = href.trim();
        return new ExternalGraphic(href, format, decode(res, bytes(res, href)));
    }

    private byte[] bytes(Element at, String href) {
        String lower = href.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:")) return dataUri(at, href);
        if (lower.matches("^[a-z][a-z0-9+.-]*://.*") && !lower.startsWith("file:")) {
            throw Elements.error(at,
                    "remote graphic '" + href + "' refused: only files next to the style and data: URIs are allowed");
        }
        if (baseDir == null)
            throw Elements.error(at, "graphic file '" + href + "' cannot be resolved: the style has no location");
        Path p;
        try {
            p = lower.startsWith("file:") ? Path.of(URI.create(href)) : baseDir.resolve(href);
        } catch (RuntimeException ex) {
            throw Elements.error(at, "bad graphic reference '" + href + "'");
        }
        p = p.toAbsolutePath().normalize();
        if (!p.startsWith(baseDir))
            throw Elements.error(at, "graphic file '" + href + "' is outside the style directory");
        try {
            if (Files.size(p) > MAX_IMAGE_BYTES)
                throw Elements.error(at, "graphic file '" + href + "' is larger than 2 MB");
            return Files.readAllBytes(p);
        } catch (IOException ex) {
            throw Elements.error(at, "cannot read graphic file '" + href + "': " + ex.getMessage());
        }
    }

    private static byte[] dataUri(Element at, String href) {
        int comma = href.indexOf(',');
        if (comma < 0) throw Elements.error(at, "malformed data: URI");
        String meta = href.substring(5, comma);
        String payload = href.substring(comma + 1);
        // base64 is 4/3 of the bytes, percent-encoding up to 3 times: either way a payload this long is too big
        if (payload.length() > MAX_IMAGE_BYTES * 3)
            throw Elements.error(at, "data: URI graphic is larger than 2 MB");
        byte[] bytes = meta.endsWith(";base64")
                ? base64(at, payload)
                : URLDecoder.decode(payload, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length > MAX_IMAGE_BYTES) throw Elements.error(at, "data: URI graphic is larger than 2 MB");
        return bytes;
    }

    private static byte[] base64(Element at, String text) {
        try {
            return Base64.getMimeDecoder().decode(text.trim());
        } catch (IllegalArgumentException ex) {
            throw Elements.error(at, "bad base64 image data: " + ex.getMessage());
        }
    }

    private static BufferedImage decode(Element at, byte[] data) {
        try {
            checkDimensions(at, data);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(data));
            if (img == null) throw Elements.error(at, "graphic is not a PNG, GIF or JPEG image (SVG is not supported)");
            return img;
        } catch (IOException ex) {
            throw Elements.error(at, "cannot decode graphic: " + ex.getMessage());
        }
    }

    /** Reads the image header only and refuses an image of more than {@link #MAX_IMAGE_PIXELS} before decoding it. */
    private static void checkDimensions(Element at, byte[] data) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) return; // not an image: decode() says so
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_IMAGE_PIXELS) {
                    throw Elements.error(at, "graphic of " + reader.getWidth(0) + "×" + reader.getHeight(0)
                            + " pixels is larger than " + MAX_IMAGE_PIXELS + " pixels");
                }
            } finally {
                reader.dispose();
            }
        }
    }
}
