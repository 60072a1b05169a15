package org.ecoplan.render.style;

import java.awt.Color;

/**
 * A Stroke (SLD 1.0.0 clause 11.1.3, SE 1.1 clause 11.1.3).
 *
 * @param dashArray dash and gap lengths in pixels, or null for a solid line
 * @param lineJoin  "mitre", "round" or "bevel"
 * @param lineCap   "butt", "round" or "square"
 */
public record Stroke(Color color, double opacity, double width, float[] dashArray, double dashOffset,
        String lineJoin, String lineCap) {
    public static final Stroke DEFAULT = new Stroke(Color.BLACK, 1.0, 1.0, null, 0, "mitre", "butt");
}
