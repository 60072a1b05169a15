package org.ecoplan.loader.rule;

import java.util.List;
import java.util.Locale;
import org.ecoplan.catalog.config.RuleConfig;
import org.ecoplan.loader.ErrorReport;
import org.ecoplan.loader.ValidatedLayer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Rule {@code within}: every feature lies inside the union of layer {@code of} grown by
 * {@code tolerance} metres (default 0), so digitising noise along a boundary passes but a
 * feature in the wrong place does not.
 */
final class WithinRule implements DataRule {
    @Override
    public void check(ValidatedLayer layer, RuleConfig rule, ValidatedLayer of, String where, ErrorReport report) {
        Geometry area = UnaryUnionOp.union(of.metricGeometries());
        if (area == null || area.isEmpty()) {
            report.add(where, null, null, "rule within: layer '" + of.id() + "' is empty");
            return;
        }
        double tolerance = rule.number("tolerance", 0);
        Geometry grown = tolerance > 0 ? area.buffer(tolerance) : area;
        PreparedGeometry inside = PreparedGeometryFactory.prepare(grown);
        List<Geometry> mine = layer.metricGeometries();
        for (int i = 0; i < mine.size(); i++) {
            Geometry g = mine.get(i);
            if (inside.covers(g)) continue;
            double distance = area.distance(g);
            String how = distance > 0
                    ? String.format(Locale.ROOT, "lies %.1f m outside layer '%s'", distance, of.id())
                    : String.format(Locale.ROOT, "is partly outside layer '%s' (up to %.1f m)", of.id(),
                            farthest(g, area));
            report.add(layer.sourceName(), layer.label(i), layer.config().featureType().geometry().name(),
                    "rule within: the feature " + how
                            + String.format(Locale.ROOT, ", tolerance %.1f m (%s)", tolerance, where));
        }
    }

    private static double farthest(Geometry g, Geometry area) {
        double max = 0;
        for (var c : g.getCoordinates()) {
            max = Math.max(max, area.distance(g.getFactory().createPoint(c)));
        }
        return max;
    }
}
