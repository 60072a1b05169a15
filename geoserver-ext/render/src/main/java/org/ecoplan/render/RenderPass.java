package org.ecoplan.render;

import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.query.FilterEvaluator;
import org.ecoplan.render.style.Symbolizer;
import org.ecoplan.render.style.TextSymbolizer;

/**
 * The rules of one FeatureTypeStyle that are active at the map scale, and the painter its
 * features are drawn with. Applies SLD 1.0.0 rule semantics to one feature: every rule whose
 * filter matches draws, and ElseFilter rules draw when none did.
 */
final class RenderPass {
    private final List<BoundStyle.BoundRule> rules = new ArrayList<>();
    private final List<BoundStyle.BoundRule> elseRules = new ArrayList<>();
    private SymbolizerPainter painter;

    /** The active rules of a feature type style, or null when none is active at the scale. */
    static RenderPass of(BoundStyle.BoundFeatureTypeStyle fts, double scaleDenominator) {
        RenderPass p = new RenderPass();
        for (BoundStyle.BoundRule r : fts.rules()) {
            if (!r.rule().appliesAt(scaleDenominator)) continue;
            (r.rule().elseFilter() ? p.elseRules : p.rules).add(r);
        }
        return p.rules.isEmpty() && p.elseRules.isEmpty() ? null : p;
    }

    /** Whether the pass only produces labels (draws nothing itself, so it needs no image of its own). */
    boolean labelsOnly() {
        for (List<BoundStyle.BoundRule> list : List.of(rules, elseRules)) {
            for (BoundStyle.BoundRule r : list) {
                for (Symbolizer s : r.rule().symbolizers()) if (!(s instanceof TextSymbolizer)) return false;
            }
        }
        return true;
    }

    void painter(SymbolizerPainter p) { this.painter = p; }

    void draw(Feature f, FilterEvaluator evaluator) {
        boolean matched = false;
        for (BoundStyle.BoundRule r : rules) {
            if (!evaluator.matches(r.filter(), f)) continue;
            matched = true;
            for (Symbolizer s : r.rule().symbolizers()) painter.paint(s, f);
        }
        if (matched) return;
        for (BoundStyle.BoundRule r : elseRules) {
            for (Symbolizer s : r.rule().symbolizers()) painter.paint(s, f);
        }
    }
}
