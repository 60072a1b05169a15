package org.ecoplan.render;

import java.awt.BasicStroke;
import java.awt.Color;
import org.ecoplan.render.style.Stroke;

/** Java2D equivalents of SLD strokes and colours with opacity (SLD 1.0.0 clause 11.1.3). */
final class StrokeStyles {
    private StrokeStyles() {}

    static BasicStroke basic(Stroke s) {
        int cap = switch (s.lineCap()) {
            case "round" -> BasicStroke.CAP_ROUND;
            case "square" -> BasicStroke.CAP_SQUARE;
            default -> BasicStroke.CAP_BUTT;
        };
        int join = switch (s.lineJoin()) {
            case "round" -> BasicStroke.JOIN_ROUND;
            case "bevel" -> BasicStroke.JOIN_BEVEL;
            default -> BasicStroke.JOIN_MITER;
        };
        float w = (float) s.width();
        if (s.dashArray() == null) return new BasicStroke(w, cap, join, 10f);
        return new BasicStroke(w, cap, join, 10f, s.dashArray(), (float) s.dashOffset());
    }

    /** The colour with its opacity as alpha. */
    static Color withOpacity(Color c, double opacity) {
        if (opacity >= 1) return c;
        int a = (int) Math.round(Math.max(0, opacity) * 255);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }
}
