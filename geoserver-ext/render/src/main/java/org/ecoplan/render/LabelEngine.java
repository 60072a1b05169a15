package org.ecoplan.render;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ecoplan.render.style.Halo;
import org.ecoplan.render.style.LinePlacement;
import org.ecoplan.render.style.PointPlacement;
import org.ecoplan.render.style.TextSymbolizer;

/**
 * Places and draws the labels of a map after all geometry (SLD 1.0.0 clause 11.4): highest
 * priority first, then larger polygons, then earlier rules; a label is dropped when its box
 * (grown by the halo) overlaps a placed label, or when it does not fit its polygon or line.
 */
final class LabelEngine {
    private final List<LabelCandidate> candidates = new ArrayList<>();
    private final CollisionIndex placed;
    private final int width;
    private final int height;

    LabelEngine(int width, int height) {
        this.width = width;
        this.height = height;
        this.placed = new CollisionIndex(width, height);
    }

    void add(LabelCandidate c) {
        candidates.add(c);
    }

    int candidateCount() { return candidates.size(); }

    /** Places and draws every label that fits; returns how many were drawn. */
    int drawAll(Graphics2D g, MapRequest request) {
        candidates.sort(Comparator.comparingDouble(LabelCandidate::priority).reversed()
                .thenComparing(Comparator.comparingDouble(LabelCandidate::area).reversed())
                .thenComparingLong(LabelCandidate::order));
        FontRenderContext frc = g.getFontRenderContext();
        int drawn = 0;
        int n = 0;
        for (LabelCandidate c : candidates) {
            if (request.pastDeadline())
                throw new RenderTimeoutException("rendering labels passed the deadline");
            TextSymbolizer ts = c.symbolizer();
            if (anchorSurelyCovered(c)) continue;
            java.awt.Font font = Fonts.forText(ts.font().families(), ts.font().bold(), ts.font().italic(),
                    (float) ts.font().size(), c.text());
            GlyphVector gv = font.createGlyphVector(frc, c.text());
            LineMetrics lm = font.getLineMetrics(c.text(), frc);
            double halo = ts.halo() == null ? 0 : Math.max(0, ts.halo().radius());
            Placed p = c.line() != null && ts.placement() instanceof LinePlacement lp
                    ? LinePathLabeler.place(gv, lm, c.line(), lp.perpendicularOffset(), halo)
                    : point(gv, lm, c, halo);
            if (p == null || !visible(p.boxes()) || placed.collides(p.boxes())) continue;
            placed.addAll(p.boxes());
            if (p.outline() != null) draw(g, p.outline(), ts);
            else LabelSprites.draw(g, c.text(), font, gv, p.originX(), p.originY(), ts);
            drawn++;
        }
        return drawn;
    }

    /**
     * Whether a point label's own anchor lies in a placed label: its box would contain the anchor
     * (anchor inside the box, no displacement or rotation), so it cannot be placed; this skips the
     * glyph layout for the many labels that lose in dense maps.
     */
    private boolean anchorSurelyCovered(LabelCandidate c) {
        if (c.line() != null) return false;
        PointPlacement pp = c.symbolizer().placement() instanceof PointPlacement q ? q : PointPlacement.DEFAULT;
        if (pp.displacementX() != 0 || pp.displacementY() != 0 || pp.rotation() != 0) return false;
        if (pp.anchorX() < 0 || pp.anchorX() > 1 || pp.anchorY() < 0 || pp.anchorY() > 1) return false;
        return placed.collides(List.of(new Rectangle2D.Double(c.x(), c.y(), 0.01, 0.01)));
    }

    private Placed point(GlyphVector gv, LineMetrics lm, LabelCandidate c, double halo) {
        PointPlacement pp = c.symbolizer().placement() instanceof PointPlacement q ? q : PointPlacement.DEFAULT;
        Rectangle2D logical = gv.getLogicalBounds();
        double w = logical.getWidth();
        double h = lm.getAscent() + lm.getDescent();
        // a polygon label that is wider or taller than the polygon would mislabel its neighbours
        if (c.fitWidth() > 0 && (w > c.fitWidth() || h > c.fitHeight())) return null;
        double left = -pp.anchorX() * w + pp.displacementX();
        double baseline = pp.anchorY() * h - lm.getDescent() - pp.displacementY();
        Rectangle2D box = new Rectangle2D.Double(left - halo, baseline - lm.getAscent() - halo, w + 2 * halo,
                h + 2 * halo);
        if (pp.rotation() == 0) {
            // unrotated: drawn from a ready image (LabelSprites), so no outline is needed
            box.setRect(box.getX() + c.x(), box.getY() + c.y(), box.getWidth(), box.getHeight());
            return new Placed(null, List.of(box), c.x() + left, c.y() + baseline);
        }
        AffineTransform at = AffineTransform.getTranslateInstance(c.x(), c.y());
        at.rotate(Math.toRadians(pp.rotation()));
        Shape outline = at.createTransformedShape(gv.getOutline((float) left, (float) baseline));
        return new Placed(outline, List.of(at.createTransformedShape(box).getBounds2D()));
    }

    private boolean visible(List<Rectangle2D> boxes) {
        for (Rectangle2D r : boxes) if (r.intersects(0, 0, width, height)) return true;
        return false;
    }

    static void draw(Graphics2D g, Shape outline, TextSymbolizer ts) {
        Halo halo = ts.halo();
        if (halo != null && halo.radius() > 0) {
            g.setColor(StrokeStyles.withOpacity(halo.fill().color(), halo.fill().opacity()));
            g.setStroke(new BasicStroke((float) (2 * halo.radius()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
        }
        g.setColor(StrokeStyles.withOpacity(ts.fill().color(), ts.fill().opacity()));
        g.fill(outline);
    }

    /**
     * A placed label: glyph outlines in pixels and the boxes it occupies; an unrotated point
     * label has no outline but the pixel position of its glyph origin instead.
     */
    record Placed(Shape outline, List<Rectangle2D> boxes, double originX, double originY) {
        Placed(Shape outline, List<Rectangle2D> boxes) {
            this(outline, boxes, 0, 0);
        }
    }
}
