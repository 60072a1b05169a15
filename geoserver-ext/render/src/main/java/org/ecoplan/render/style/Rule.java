package org.ecoplan.render.style;

import java.util.List;
import org.ecoplan.catalog.query.Filter;

/**
 * A Rule (SLD 1.0.0 clause 11.2, SE 1.1 clause 10): which features (filter or ElseFilter) at
 * which scales (min inclusive, max exclusive) get which symbolizers. The title is what the legend
 * shows next to the icon.
 *
 * @param filter     the rule filter with untyped literals (strings), {@link Filter#INCLUDE} when absent
 * @param elseFilter whether this rule applies to the features no other rule of its feature type style took
 * @param line       the line of the Rule element in its document (for configuration errors), 0 if unknown
 */
public record Rule(String name, String title, String abstractText, Filter filter, boolean elseFilter,
        double minScaleDenominator, double maxScaleDenominator, List<Symbolizer> symbolizers, int line) {
    public Rule {
        filter = filter == null ? Filter.INCLUDE : filter;
        symbolizers = List.copyOf(symbolizers);
    }

    /** A rule built in code, without a document line. */
    public Rule(String name, String title, String abstractText, Filter filter, boolean elseFilter,
            double minScaleDenominator, double maxScaleDenominator, List<Symbolizer> symbolizers) {
        this(name, title, abstractText, filter, elseFilter, minScaleDenominator, maxScaleDenominator, symbolizers, 0);
    }

    /** Whether the rule is active at the scale denominator (SLD: min &lt;= scale &lt; max). */
    public boolean appliesAt(double scaleDenominator) {
        return scaleDenominator >= minScaleDenominator && scaleDenominator < maxScaleDenominator;
    }

    /** The legend label: the title, else the name, else an empty string. */
    public String label() {
        if (title != null && !title.isBlank()) return title;
        return name == null ? "" : name;
    }
}
