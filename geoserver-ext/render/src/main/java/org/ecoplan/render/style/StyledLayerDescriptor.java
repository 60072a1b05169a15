package org.ecoplan.render.style;

import java.util.List;
import java.util.Optional;

/**
 * The root of a Styled Layer Descriptor document (OGC SLD 1.0.0 clause 7, SLD 1.1.0 clause 9):
 * its named or user layers, each with its styles.
 */
public record StyledLayerDescriptor(String name, List<StyledLayer> layers) {
    public StyledLayerDescriptor {
        layers = List.copyOf(layers);
    }

    /**
     * The style a layer gets without a STYLES parameter: the first style marked IsDefault, else
     * the first style of the document.
     */
    public Style defaultStyle() {
        Style first = null;
        for (StyledLayer l : layers) {
            for (Style s : l.styles()) {
                if (s.isDefault()) return s;
                if (first == null) first = s;
            }
        }
        if (first == null) throw new IllegalStateException("styled layer descriptor '" + name + "' has no style");
        return first;
    }

    /** The style with the given name in any layer. */
    public Optional<Style> style(String styleName) {
        for (StyledLayer l : layers) {
            for (Style s : l.styles()) if (styleName.equals(s.name())) return Optional.of(s);
        }
        return Optional.empty();
    }
}
