package org.ecoplan.wms;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.ecoplan.map.image.ImageEncoder;
import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceException;

/**
 * The image exception formats of GetMap (WMS 1.3.0 clause 7.3.3.11): INIMAGE draws the message
 * into an image of the requested size and format; BLANK returns an image of the background colour
 * (transparent when TRANSPARENT=TRUE). When the request's own FORMAT, WIDTH or HEIGHT is what was
 * wrong, no image can be made and the caller falls back to the XML report.
 */
public final class ExceptionImage {
    private ExceptionImage() {}

    /** The image response, or null when the request does not describe an image that can be made. */
    public static OwsResponse response(ServiceException e, KvpMap params, ExceptionFormat kind,
            ServerSettings settings) {
        ImageFormat format = ImageFormat.find(params.value("FORMAT")).orElse(null);
        int width = lenientSize(params.value("WIDTH"), settings.maxImageWidth());
        int height = lenientSize(params.value("HEIGHT"), settings.maxImageHeight());
        if (format == null || width <= 0 || height <= 0) return null;
        boolean transparent;
        Color bg;
        try {
            transparent = MapParameters.transparent(params) && format.supportsTransparency();
            bg = MapParameters.bgcolor(params);
        } catch (ServiceException bad) {
            transparent = false;
            bg = Color.WHITE;
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        if (!transparent) {
            g.setColor(bg);
            g.fillRect(0, 0, width, height);
        }
        if (kind == ExceptionFormat.INIMAGE) drawMessage(g, e, width);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageEncoder.write(img, format, bg, out);
        } catch (IOException io) {
            return null;
        }
        int status = e.httpStatus() >= 500 && e.httpStatus() != 501 ? e.httpStatus() : 200;
        return OwsResponse.bytes(status, format.mime(), out.toByteArray());
    }

    private static void drawMessage(Graphics2D g, ServiceException e, int width) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int y = fm.getAscent() + 2;
        for (String line : wrap(e.code() + ": " + e.getMessage(), fm, Math.max(20, width - 8))) {
            g.drawString(line, 4, y);
            y += fm.getHeight();
        }
    }

    private static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (fm.stringWidth(candidate) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    private static int lenientSize(String v, int max) {
        if (v == null) return -1;
        try {
            int n = Integer.parseInt(v.trim());
            return n > 0 && n <= max ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
