package org.ecoplan.loader.rule;

import java.util.HashMap;
import java.util.Map;
import org.ecoplan.catalog.config.RuleConfig;
import org.ecoplan.loader.ErrorReport;
import org.ecoplan.loader.ValidatedLayer;

/** Rule {@code unique}: no two features share a value of {@code attribute} (null values are not compared). */
final class UniqueRule implements DataRule {
    @Override
    public void check(ValidatedLayer layer, RuleConfig rule, ValidatedLayer of, String where, ErrorReport report) {
        String attribute = rule.param("attribute");
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < layer.features().size(); i++) {
            Object v = layer.features().get(i).get(attribute);
            if (v == null) continue;
            Integer before = first.putIfAbsent(v.toString(), i);
            if (before != null) {
                report.add(layer.sourceName(), layer.label(i), attribute, "rule unique: value '" + v + "' repeats "
                        + layer.label(before) + " (" + where + ")");
            }
        }
    }
}
