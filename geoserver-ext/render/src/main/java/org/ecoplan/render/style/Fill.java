package org.ecoplan.render.style;

import java.awt.Color;

/**
 * A Fill (SLD 1.0.0 clause 11.3.3, SE 1.1 clause 11.3.2): solid colour with opacity, or a
 * GraphicFill repeated as a pattern (hatching).
 */
public record Fill(Color color, double opacity, Graphic graphicFill) {
    public static final Fill DEFAULT = new Fill(new Color(0x808080), 1.0, null);
    public static final Fill BLACK = new Fill(Color.BLACK, 1.0, null);
}
