package org.ecoplan.loader.rule;

import org.ecoplan.catalog.config.RuleConfig;
import org.ecoplan.loader.ErrorReport;
import org.ecoplan.loader.ValidatedLayer;

/**
 * One kind of data rule a layer's YAML may declare ({@link RuleConfig}); geometric rules work in
 * EPSG:4547 metres.
 */
public interface DataRule {
    /**
     * Checks a layer and adds every violation to the report.
     *
     * @param layer the layer being loaded
     * @param of    the layer the rule refers to ({@code of}), or null for rules without one
     * @param where the rule in the layer file ("layers/zones.yaml:31"), for errors not tied to one feature
     */
    void check(ValidatedLayer layer, RuleConfig rule, ValidatedLayer of, String where, ErrorReport report);

    /** The rule for a {@link RuleConfig#rule()} word. */
    static DataRule of(String rule) {
        return switch (rule) {
            case "coverage" -> new CoverageRule();
            case "within" -> new WithinRule();
            case "matches" -> new MatchesRule();
            case "unique" -> new UniqueRule();
            default -> throw new IllegalArgumentException("unknown rule '" + rule + "'");
        };
    }
}
