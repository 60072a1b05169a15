package org.ecoplan.store.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.GeometryDescriptor;
import org.ecoplan.catalog.GeometryType;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.store.StoreWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The data every store contract test loads: 36 plots (a 6 x 6 grid of 0.04 degree squares near
 * Yanggao in EPSG:4490, written as single polygons into a MultiPolygon layer; plot 36 has no
 * geometry), 10 wells (points), and an attributes table without geometry. Values include Chinese
 * text, LIKE wild card characters, an SQL-injection-looking string, ties and nulls.
 */
public final class ContractFixture {
    public static final GeometryFactory GF = new GeometryFactory();
    public static final String INJECTION = "x'; DROP TABLE plots; --";

    /** One plot as the test knows it, independent of any store. */
    public record Plot(long fid, String name, String code, Double area, Long count, Boolean active,
            LocalDate surveyed, Geometry geom) {
        public String id() { return "plots." + fid; }
    }

    public static final FeatureType PLOTS = new FeatureType("plots", List.of(
            AttributeDescriptor.of("name", AttributeType.STRING),
            AttributeDescriptor.of("code", AttributeType.STRING),
            AttributeDescriptor.of("area", AttributeType.DOUBLE),
            AttributeDescriptor.of("count", AttributeType.INTEGER),
            AttributeDescriptor.of("active", AttributeType.BOOLEAN),
            AttributeDescriptor.of("surveyed", AttributeType.DATE)),
            new GeometryDescriptor("geom", GeometryType.MULTIPOLYGON, CrsRegistry.CGCS2000));

    public static final FeatureType WELLS = new FeatureType("wells", List.of(
            AttributeDescriptor.of("label", AttributeType.STRING)),
            new GeometryDescriptor("geom", GeometryType.POINT, CrsRegistry.CGCS2000));

    public static final FeatureType TARGETS = new FeatureType("targets", List.of(
            AttributeDescriptor.of("indicator", AttributeType.STRING),
            AttributeDescriptor.of("value", AttributeType.DOUBLE)), null);

    public static final List<Plot> PLOT_ROWS = plots();

    private ContractFixture() {}

    /** Lower-left corner of plot k's square: column (k-1)/6 eastwards, row (k-1)%6 northwards. */
    public static Coordinate corner(long k) {
        long i = (k - 1) / 6;
        long j = (k - 1) % 6;
        return new Coordinate(113.60 + 0.05 * i, 40.00 + 0.05 * j);
    }

    public static Polygon square(double x, double y, double size) {
        return GF.createPolygon(new Coordinate[]{
                new Coordinate(x, y), new Coordinate(x + size, y), new Coordinate(x + size, y + size),
                new Coordinate(x, y + size), new Coordinate(x, y)});
    }

    private static List<Plot> plots() {
        String[] kinds = {"林地", "草地", "Wetland", "wetland", "耕地", "河道"};
        List<Plot> out = new ArrayList<>();
        for (long k = 1; k <= 36; k++) {
            String name = kinds[(int) (k % kinds.length)] + "-" + k;
            if (k == 7) name = "100%_保护区";
            if (k == 8) name = "100x保护区";
            if (k == 9) name = INJECTION;
            if (k == 11) name = null;
            if (k == 12) name = "Ärger";
            String code = (k % 2 == 0 ? "AB-" : "ab-") + (k % 4);
            Double area = k % 10 == 0 ? null : k * 1.5;
            Long count = k == 5 ? null : k % 7;
            Boolean active = k == 13 ? null : k % 3 == 0;
            LocalDate surveyed = k % 9 == 0 ? null : LocalDate.of(2020, 1, 1).plusDays(k * 10);
            Coordinate c = corner(k);
            Geometry g = k == 36 ? null : square(c.x, c.y, 0.04);
            out.add(new Plot(k, name, code, area, count, active, surveyed, g));
        }
        return List.copyOf(out);
    }

    public static List<Feature> plotFeatures() {
        List<Feature> out = new ArrayList<>();
        for (Plot p : PLOT_ROWS) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", p.name());
            v.put("code", p.code());
            v.put("area", p.area());
            v.put("count", p.count());
            v.put("active", p.active());
            v.put("surveyed", p.surveyed());
            out.add(new Feature(null, v, p.geom()));
        }
        return out;
    }

    /**
     * Wells 1..10 at (113.62 + 0.05 (k-1), 40.02): inside plots 1, 7, 13, 19, 25, 31 of the bottom
     * row, then east of the grid; well 11 "reference" at (113.8, 40.1); well 12 on plot 27's corner.
     */
    public static List<Feature> wellFeatures() {
        List<Feature> out = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("label", "井" + k);
            out.add(new Feature(null, v, GF.createPoint(new Coordinate(113.62 + 0.05 * (k - 1), 40.02))));
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("label", "reference");
        out.add(new Feature(null, v, GF.createPoint(new Coordinate(113.8, 40.1))));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("label", "corner27");
        out.add(new Feature(null, c, GF.createPoint(corner(27))));
        return out;
    }

    public static List<Feature> targetFeatures() {
        List<Feature> out = new ArrayList<>();
        String[] names = {"森林覆盖率", "草原综合植被盖度", "湿地保护率"};
        for (int k = 0; k < names.length; k++) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("indicator", names[k]);
            v.put("value", 20.0 + k);
            out.add(new Feature(null, v, null));
        }
        return out;
    }

    public static void writeAll(StoreWriter w, String version) {
        w.replaceTable(PLOTS, "plots", plotFeatures().iterator(), version, n -> {});
        w.replaceTable(WELLS, "wells", wellFeatures().iterator(), version, n -> {});
        w.replaceTable(TARGETS, "targets", targetFeatures().iterator(), version, n -> {});
    }
}
