package org.ecoplan.render.style;

import java.util.List;

/** A Font (SLD 1.0.0 clause 11.4.3): candidate families in order, size in pixels, weight and style. */
public record Font(List<String> families, double size, boolean bold, boolean italic) {
    public static final Font DEFAULT = new Font(List.of(), 10, false, false);

    public Font {
        families = List.copyOf(families);
    }
}
