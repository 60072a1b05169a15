package org.ecoplan.render.style;

import java.util.List;

/**
 * A NamedLayer or UserLayer of an SLD document (SLD 1.0.0 clauses 7.2 and 7.3): the layer name
 * and the styles (NamedStyle references carry only a name and no feature type styles).
 */
public record StyledLayer(String name, boolean userLayer, List<Style> styles) {
    public StyledLayer {
        styles = List.copyOf(styles);
    }
}
