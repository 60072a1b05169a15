package org.ecoplan.loader.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecoplan.catalog.config.RuleConfig;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.loader.ErrorReport;
import org.ecoplan.loader.ValidatedLayer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Rule {@code coverage}: the layer's polygons tile layer {@code of} — the area of {@code of} they
 * leave uncovered (gaps) plus the area where they overlap each other must stay below
 * {@code tolerance} (default 0.001) times the area of {@code of}. A plan's zoning must account
 * for the whole territory exactly once. The report names the largest gap and the overlapping
 * features.
 */
final class CoverageRule implements DataRule {
    private static final int MAX_PAIRS = 10;

    @Override
    public void check(ValidatedLayer layer, RuleConfig rule, ValidatedLayer of, String where, ErrorReport report) {
        List<Geometry> mine = layer.metricGeometries();
        Geometry union = UnaryUnionOp.union(mine);
        Geometry target = UnaryUnionOp.union(of.metricGeometries());
        if (target == null || target.isEmpty()) {
            report.add(where, null, null, "rule coverage: layer '" + of.id() + "' has no area to cover");
            return;
        }
        double sum = mine.stream().mapToDouble(Geometry::getArea).sum();
        double overlap = Math.max(0, sum - (union == null ? 0 : union.getArea()));
        Geometry gaps = union == null ? target : target.difference(union);
        double gap = gaps.getArea();
        double tolerance = rule.number("tolerance", 0.001);
        double area = target.getArea();
        if (gap + overlap < tolerance * area) return;
        StringBuilder m = new StringBuilder(String.format(Locale.ROOT,
                "rule coverage of '%s': gaps %.4f km² + overlaps %.4f km² = %.3f%% of its %.3f km², tolerance %.3f%%",
                of.id(), gap / 1e6, overlap / 1e6, 100 * (gap + overlap) / area, area / 1e6, 100 * tolerance));
        if (gap > 0) m.append("; largest gap near ").append(largestPartAt(gaps));
        List<String> pairs = overlappingPairs(layer, mine);
        if (!pairs.isEmpty()) m.append("; overlapping: ").append(String.join(", ", pairs));
        report.add(where, null, null, m.toString());
    }

    private static String largestPartAt(Geometry gaps) {
        Geometry largest = gaps.getGeometryN(0);
        for (int i = 1; i < gaps.getNumGeometries(); i++) {
            if (gaps.getGeometryN(i).getArea() > largest.getArea()) largest = gaps.getGeometryN(i);
        }
        var p = new GeometryTransformer(CrsRegistry.CGCS2000_GK_114E, CrsRegistry.CGCS2000)
                .transform(largest.getInteriorPoint().getCoordinate());
        return String.format(Locale.ROOT, "lon %.5f lat %.5f (%.4f km²)", p.x, p.y, largest.getArea() / 1e6);
    }

    private static List<String> overlappingPairs(ValidatedLayer layer, List<Geometry> mine) {
        STRtree tree = new STRtree();
        for (int i = 0; i < mine.size(); i++) tree.insert(mine.get(i).getEnvelopeInternal(), i);
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < mine.size() && pairs.size() < MAX_PAIRS; i++) {
            for (Object o : tree.query(mine.get(i).getEnvelopeInternal())) {
                int j = (Integer) o;
                if (j <= i) continue;
                double a = mine.get(i).intersection(mine.get(j)).getArea();
                if (a > 1.0) {
                    pairs.add(String.format(Locale.ROOT, "%s and %s (%.4f km²)", layer.label(i), layer.label(j),
                            a / 1e6));
                }
            }
        }
        return pairs;
    }
}
