package org.ecoplan.render.style;

import java.util.List;

/**
 * A Graphic (SLD 1.0.0 clause 11.3.2, SE 1.1 clause 11.3.2): the first usable mark or external
 * graphic, sized in pixels (NaN size: the image's own size, or 6 for marks), rotated clockwise
 * in degrees, with anchor point (0..1, SE) and displacement in pixels.
 */
public record Graphic(List<GraphicSymbol> symbols, double opacity, double size, double rotation,
        double anchorX, double anchorY, double displacementX, double displacementY) {
    public Graphic {
        symbols = List.copyOf(symbols);
    }

    /** Size to draw at: the given size, else the external image height, else the SLD default of 6. */
    public double effectiveSize() {
        if (!Double.isNaN(size) && size > 0) return size;
        for (GraphicSymbol s : symbols) {
            if (s instanceof ExternalGraphic e && e.image() != null) return e.image().getHeight();
        }
        return 6;
    }
}
