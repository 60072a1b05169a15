package org.ecoplan.render;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.ConcurrentHashMap;
import org.ecoplan.render.style.TextSymbolizer;

/**
 * Ready-drawn images of unrotated point labels (text with its SLD 1.0.0 clause 11.4.4 halo),
 * kept across maps: stroking the halo around glyph outlines is the costliest step of drawing a
 * label, and the same names recur on every map of an area. A label is rasterised once per text,
 * font, colours and quarter-pixel position, then copied onto each map; compositing the ready
 * label over the map gives the same result as drawing halo and text on it in turn (source-over
 * is associative), moved by at most an eighth of a pixel.
 */
final class LabelSprites {
    private static final int MAX_CACHED = 1024;
    /** Positions are rounded to this fraction of a pixel; each rounding gets its own image. */
    private static final int PHASES = 4;
    private static final ConcurrentHashMap<Key, Sprite> CACHE = new ConcurrentHashMap<>();

    private record Key(String text, Font font, FontRenderContext frc, double haloRadius, int haloArgb, int fillArgb,
            int phaseX, int phaseY) {}

    /** The label image and where its top-left pixel lies relative to the whole-pixel glyph origin. */
    private record Sprite(BufferedImage image, int offsetX, int offsetY) {}

    private LabelSprites() {}

    /** Draws the glyphs with their origin (start of the baseline) at pixel ({@code x}, {@code y}). */
    static void draw(Graphics2D g, String text, Font font, GlyphVector glyphs, double x, double y, TextSymbolizer ts) {
        int ix = (int) Math.floor(x);
        int iy = (int) Math.floor(y);
        int px = (int) Math.round((x - ix) * PHASES);
        int py = (int) Math.round((y - iy) * PHASES);
        if (px == PHASES) { ix++; px = 0; }
        if (py == PHASES) { iy++; py = 0; }
        double halo = ts.halo() == null ? 0 : Math.max(0, ts.halo().radius());
        int haloArgb = halo > 0
                ? StrokeStyles.withOpacity(ts.halo().fill().color(), ts.halo().fill().opacity()).getRGB()
                : 0;
        int fillArgb = StrokeStyles.withOpacity(ts.fill().color(), ts.fill().opacity()).getRGB();
        Key key = new Key(text, font, glyphs.getFontRenderContext(), halo, haloArgb, fillArgb, px, py);
        Sprite s = CACHE.get(key);
        if (s == null) {
            s = render(glyphs, halo, px, py, ts);
            if (CACHE.size() >= MAX_CACHED) CACHE.clear();
            CACHE.put(key, s);
        }
        g.drawImage(s.image(), ix + s.offsetX(), iy + s.offsetY(), null);
    }

    private static Sprite render(GlyphVector glyphs, double halo, int px, int py, TextSymbolizer ts) {
        Shape outline = glyphs.getOutline(0, 0);
        Rectangle2D b = outline.getBounds2D();
        double grow = halo + 2;
        int x0 = (int) Math.floor(b.getMinX() - grow);
        int y0 = (int) Math.floor(b.getMinY() - grow);
        int w = Math.max(1, (int) Math.ceil(b.getMaxX() + grow) - x0 + 1);
        int h = Math.max(1, (int) Math.ceil(b.getMaxY() + grow) - y0 + 1);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        try {
            MapRenderer.applyQualityHints(g);
            g.translate((double) px / PHASES - x0, (double) py / PHASES - y0);
            LabelEngine.draw(g, outline, ts);
        } finally {
            g.dispose();
        }
        return new Sprite(image, x0, y0);
    }
}
