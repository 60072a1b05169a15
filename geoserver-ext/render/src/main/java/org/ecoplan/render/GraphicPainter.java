package org.ecoplan.render;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.TexturePaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.ecoplan.render.style.ExternalGraphic;
import org.ecoplan.render.style.Fill;
import org.ecoplan.render.style.Graphic;
import org.ecoplan.render.style.GraphicSymbol;
import org.ecoplan.render.style.Mark;
import org.ecoplan.render.style.Stroke;

/**
 * Draws SLD Graphics (SLD 1.0.0 clause 11.3.2): a mark or external image at a pixel position,
 * and the repeated tile of a GraphicFill (hatching), anchored at the world origin so tiles join.
 */
final class GraphicPainter {
    private static final Map<Graphic, BufferedImage> TILES = Collections.synchronizedMap(new WeakHashMap<>());

    private GraphicPainter() {}

    /** Draws the graphic with its anchor point at pixel (x, y), applying displacement and rotation. */
    static void paint(Graphics2D g, Graphic graphic, double x, double y) {
        double size = graphic.effectiveSize();
        AffineTransform saved = g.getTransform();
        Composite savedComposite = g.getComposite();
        try {
            if (graphic.opacity() < 1)
                g.setComposite(AlphaComposite.SrcOver.derive((float) Math.max(0, graphic.opacity())));
            g.translate(x + graphic.displacementX(), y - graphic.displacementY());
            if (graphic.rotation() != 0) g.rotate(Math.toRadians(graphic.rotation()));
            GraphicSymbol sym = graphic.symbols().get(0);
            if (sym instanceof ExternalGraphic e && e.image() != null) {
                BufferedImage img = e.image();
                double h = size;
                double w = img.getWidth() * size / img.getHeight();
                g.translate((0.5 - graphic.anchorX()) * w - w / 2, -(0.5 - graphic.anchorY()) * h - h / 2);
                g.drawImage(img, AffineTransform.getScaleInstance(w / img.getWidth(), h / img.getHeight()), null);
            } else if (sym instanceof Mark m) {
                g.translate((0.5 - graphic.anchorX()) * size, -(0.5 - graphic.anchorY()) * size);
                paintMark(g, m, size);
            }
        } finally {
            g.setTransform(saved);
            g.setComposite(savedComposite);
        }
    }

    /** Draws a mark of the given pixel size centred on the current origin. */
    static void paintMark(Graphics2D g, Mark m, double size) {
        Shape shape = AffineTransform.getScaleInstance(size, size)
                .createTransformedShape(MarkShapes.shape(m.wellKnownName()));
        Fill fill = m.fill();
        if (fill != null && !MarkShapes.isHatch(m.wellKnownName())) {
            g.setColor(StrokeStyles.withOpacity(fill.color(), fill.opacity()));
            g.fill(shape);
        }
        Stroke stroke = m.stroke();
        if (stroke != null && stroke.width() > 0) {
            g.setColor(StrokeStyles.withOpacity(stroke.color(), stroke.opacity()));
            g.setStroke(StrokeStyles.basic(stroke));
            g.draw(shape);
        }
    }

    /** The paint of a GraphicFill, aligned to the world origin of the viewport. */
    static TexturePaint pattern(Graphic graphic, MapViewport viewport) {
        BufferedImage tile = TILES.computeIfAbsent(graphic, GraphicPainter::tile);
        int w = tile.getWidth();
        int h = tile.getHeight();
        return new TexturePaint(tile,
                new Rectangle2D.Double(viewport.patternOffsetX(w), viewport.patternOffsetY(h), w, h));
    }

    private static BufferedImage tile(Graphic graphic) {
        GraphicSymbol sym = graphic.symbols().get(0);
        if (sym instanceof ExternalGraphic e && e.image() != null) {
            int h = Math.max(1, (int) Math.round(graphic.effectiveSize()));
            int w = Math.max(1, (int) Math.round(e.image().getWidth() * (double) h / e.image().getHeight()));
            BufferedImage t = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = t.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(e.image(), 0, 0, w, h, null);
            g.dispose();
            return t;
        }
        Mark m = (Mark) sym;
        int s = Math.max(2, (int) Math.round(graphic.effectiveSize()));
        BufferedImage t = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = t.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        if (graphic.opacity() < 1) g.setComposite(AlphaComposite.SrcOver.derive((float) graphic.opacity()));
        // a hatch line crossing the tile edge continues in the neighbouring tile: draw the copies
        // shifted by one tile too, so the stroke's ends are complete and the pattern has no gaps
        for (int dx = -s; dx <= s; dx += s) {
            for (int dy = -s; dy <= s; dy += s) {
                if (!MarkShapes.isHatch(m.wellKnownName()) && (dx != 0 || dy != 0)) continue;
                AffineTransform at = g.getTransform();
                g.translate(s / 2.0 + dx, s / 2.0 + dy);
                if (m.wellKnownName().equals("shape://dot")) {
                    Color c = m.stroke() != null ? m.stroke().color() : Color.BLACK;
                    double d = Math.max(1.5, m.stroke() != null ? m.stroke().width() * 1.5 : 1.5);
                    g.setColor(c);
                    g.fill(new java.awt.geom.Ellipse2D.Double(-d / 2, -d / 2, d, d));
                } else {
                    paintMark(g, m, MarkShapes.isHatch(m.wellKnownName()) ? s : s * 0.8);
                }
                g.setTransform(at);
            }
        }
        g.dispose();
        return t;
    }
}
