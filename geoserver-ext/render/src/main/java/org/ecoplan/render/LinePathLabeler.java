package org.ecoplan.render;

import java.awt.font.GlyphVector;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a label along a line (SLD 1.0.0 LinePlacement): centred on the line's middle, each glyph
 * turned to the direction of the line under it, reading left to right, and refused where the
 * line is shorter than the text or bends too sharply under it.
 */
final class LinePathLabeler {
    private static final double MAX_TURN = Math.toRadians(40);

    private LinePathLabeler() {}

    /** The placed label, or null if it does not fit. */
    static LabelEngine.Placed place(GlyphVector gv, LineMetrics lm, double[] line, double perpendicularOffset,
            double halo) {
        int n = line.length / 2;
        if (n < 2) return null;
        double[] pts = line;
        if (line[2 * (n - 1)] < line[0]) pts = reversed(line);
        double[] cum = new double[n];
        for (int i = 1; i < n; i++) {
            cum[i] = cum[i - 1] + Math.hypot(pts[2 * i] - pts[2 * i - 2], pts[2 * i + 1] - pts[2 * i - 1]);
        }
        double total = cum[n - 1];
        double textWidth = gv.getLogicalBounds().getWidth();
        if (textWidth <= 0 || textWidth > total) return null;
        double start = (total - textWidth) / 2;
        double ascent = lm.getAscent();
        double descent = lm.getDescent();
        double shift = (ascent - descent) / 2 - perpendicularOffset;
        Path2D.Double outline = new Path2D.Double();
        List<Rectangle2D> boxes = new ArrayList<>();
        double previousAngle = Double.NaN;
        int seg = 1;
        for (int i = 0; i < gv.getNumGlyphs(); i++) {
            double gx = gv.getGlyphPosition(i).getX();
            double adv = gv.getGlyphMetrics(i).getAdvance();
            double at = start + gx + adv / 2;
            while (seg < n - 1 && cum[seg] < at) seg++;
            double x0 = pts[2 * seg - 2], y0 = pts[2 * seg - 1], x1 = pts[2 * seg], y1 = pts[2 * seg + 1];
            double segLen = cum[seg] - cum[seg - 1];
            double f = segLen == 0 ? 0 : (at - cum[seg - 1]) / segLen;
            double angle = Math.atan2(y1 - y0, x1 - x0);
            if (!Double.isNaN(previousAngle) && Math.abs(turn(angle, previousAngle)) > MAX_TURN) return null;
            previousAngle = angle;
            AffineTransform t = AffineTransform.getTranslateInstance(x0 + f * (x1 - x0), y0 + f * (y1 - y0));
            t.rotate(angle);
            t.translate(-(gx + adv / 2), shift);
            outline.append(t.createTransformedShape(gv.getGlyphOutline(i)), false);
            Rectangle2D cell = new Rectangle2D.Double(gx - halo, -ascent - halo, adv + 2 * halo,
                    ascent + descent + 2 * halo);
            boxes.add(t.createTransformedShape(cell).getBounds2D());
        }
        return new LabelEngine.Placed(outline, boxes);
    }

    private static double turn(double a, double b) {
        double d = a - b;
        while (d > Math.PI) d -= 2 * Math.PI;
        while (d < -Math.PI) d += 2 * Math.PI;
        return d;
    }

    private static double[] reversed(double[] line) {
        int n = line.length / 2;
        double[] r = new double[line.length];
        for (int i = 0; i < n; i++) {
            r[2 * i] = line[2 * (n - 1 - i)];
            r[2 * i + 1] = line[2 * (n - 1 - i) + 1];
        }
        return r;
    }
}
