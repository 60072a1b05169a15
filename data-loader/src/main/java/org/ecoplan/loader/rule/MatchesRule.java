package org.ecoplan.loader.rule;

import java.util.List;
import java.util.Objects;
import org.ecoplan.catalog.config.RuleConfig;
import org.ecoplan.loader.ErrorReport;
import org.ecoplan.loader.ValidatedLayer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Rule {@code matches}: a feature's {@code attribute} equals {@code ofAttribute} of the feature
 * of layer {@code of} that contains the feature's interior point (e.g. a project names the town
 * it lies in). Values compare by their text, so an integer code matches the same code as text.
 */
final class MatchesRule implements DataRule {
    @Override
    public void check(ValidatedLayer layer, RuleConfig rule, ValidatedLayer of, String where, ErrorReport report) {
        String attribute = rule.param("attribute");
        String ofAttribute = rule.param("ofAttribute");
        List<Geometry> targets = of.metricGeometries();
        STRtree tree = new STRtree();
        for (int i = 0; i < targets.size(); i++) tree.insert(targets.get(i).getEnvelopeInternal(), i);
        List<Geometry> mine = layer.metricGeometries();
        for (int i = 0; i < mine.size(); i++) {
            Point p = mine.get(i).getInteriorPoint();
            Integer container = null;
            for (Object o : tree.query(p.getEnvelopeInternal())) {
                int j = (Integer) o;
                if (targets.get(j).covers(p) && (container == null || j < container)) container = j;
            }
            Object value = layer.features().get(i).get(attribute);
            if (container == null) {
                report.add(layer.sourceName(), layer.label(i), attribute,
                        "rule matches: the feature's interior point is in no feature of layer '"
                                + of.id() + "' (" + where + ")");
                continue;
            }
            Object expected = of.features().get(container).get(ofAttribute);
            if (!Objects.equals(text(value), text(expected))) {
                report.add(layer.sourceName(), layer.label(i), attribute,
                        "rule matches: value '" + value + "' differs from "
                                + ofAttribute + " '" + expected + "' of " + of.label(container) + " of layer '"
                                + of.id() + "' that contains it (" + where + ")");
            }
        }
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }
}
