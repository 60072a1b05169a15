package org.ecoplan.render.style;

import java.util.List;

/**
 * A UserStyle (SLD 1.0.0 clause 7.4): the feature type styles, drawn in document order, each
 * rendered completely before the next one starts.
 */
public record Style(String name, String title, String abstractText, boolean isDefault,
        List<FeatureTypeStyle> featureTypeStyles) {
    public Style {
        featureTypeStyles = List.copyOf(featureTypeStyles);
    }

    /** Every rule of every feature type style, in drawing order. */
    public List<Rule> rules() {
        return featureTypeStyles.stream().flatMap(f -> f.rules().stream()).toList();
    }
}
