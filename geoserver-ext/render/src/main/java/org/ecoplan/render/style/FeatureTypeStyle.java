package org.ecoplan.render.style;

import java.util.List;

/** A FeatureTypeStyle (SLD 1.0.0 clause 11.1, SE 1.1 clause 10): an ordered list of rules. */
public record FeatureTypeStyle(String name, List<Rule> rules) {
    public FeatureTypeStyle {
        rules = List.copyOf(rules);
    }
}
