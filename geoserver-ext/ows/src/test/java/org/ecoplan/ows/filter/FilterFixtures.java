package org.ecoplan.ows.filter;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.GeometryDescriptor;
import org.ecoplan.catalog.GeometryType;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.FilterEvaluator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * Test fixture: two feature types shaped like the plan layers (one in CGCS2000 geographic, one in
 * CGCS2000 / 3-degree Gauss-Kruger CM 114E) with a few features in Yanggao County, and a helper
 * that evaluates parsed filters with the catalog's FilterEvaluator.
 */
final class FilterFixtures {
    static final FeatureType AREAS = new FeatureType("plan_area", List.of(
            AttributeDescriptor.of("name", AttributeType.STRING),
            AttributeDescriptor.of("kind", AttributeType.STRING),
            AttributeDescriptor.of("area_km2", AttributeType.DOUBLE),
            AttributeDescriptor.of("sites", AttributeType.INTEGER),
            AttributeDescriptor.of("start_date", AttributeType.DATE),
            AttributeDescriptor.of("active", AttributeType.BOOLEAN)),
            new GeometryDescriptor("geom", GeometryType.GEOMETRY, CrsRegistry.CGCS2000));

    static final FeatureType AREAS_GK = new FeatureType("plan_area_gk", AREAS.attributes(),
            new GeometryDescriptor("geom", GeometryType.GEOMETRY, CrsRegistry.CGCS2000_GK_114E));

    static final FeatureType TARGETS = new FeatureType("plan_target", List.of(
            AttributeDescriptor.of("indicator", AttributeType.STRING),
            AttributeDescriptor.of("value", AttributeType.DOUBLE)), null);

    /** Features in lon/lat (EPSG:4490). */
    static final List<Feature> FEATURES = List.of(
            feature(1, "阳高县城区", "urban", 12.5, 3L, LocalDate.of(2021, 3, 1), true,
                    "POLYGON ((113.70 40.30, 113.80 40.30, 113.80 40.40, 113.70 40.40, 113.70 40.30))"),
            feature(2, "O'Brien wood", "forest", 100.0, 10L, LocalDate.of(2023, 6, 15), false,
                    "POLYGON ((113.90 40.10, 114.00 40.10, 114.00 40.20, 113.90 40.20, 113.90 40.10))"),
            feature(3, "Wetland_50%", null, null, 0L, null, null, "POINT (113.50 40.00)"),
            feature(4, "桑干河 river", "water", 7.25, 1L, LocalDate.of(2021, 12, 31), true,
                    "LINESTRING (113.60 40.05, 113.95 40.15)"));

    private FilterFixtures() {}

    private static Feature feature(int fid, String name, String kind, Double area, Long sites, LocalDate start,
            Boolean active, String wkt) {
        Map<String, Object> a = new HashMap<>();
        a.put("name", name);
        a.put("kind", kind);
        a.put("area_km2", area);
        a.put("sites", sites);
        a.put("start_date", start);
        a.put("active", active);
        try {
            return new Feature("plan_area." + fid, a, new WKTReader().read(wkt));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixture features in the GK projected CRS, ids "plan_area_gk.n". */
    static List<Feature> featuresGk() {
        GeometryTransformer t = new GeometryTransformer(CrsRegistry.CGCS2000, CrsRegistry.CGCS2000_GK_114E);
        List<Feature> out = new ArrayList<>();
        for (Feature f : FEATURES) {
            out.add(new Feature(f.id().replace("plan_area.", "plan_area_gk."), f.attributes(),
                    t.transform(f.geometry())));
        }
        return out;
    }

    /** Ids of the fixture features (of the type) the filter matches, in order. */
    static List<String> matching(Filter filter, FeatureType type) {
        List<Feature> features = type == AREAS_GK ? featuresGk() : FEATURES;
        FilterEvaluator ev = new FilterEvaluator(type);
        List<String> out = new ArrayList<>();
        for (Feature f : features) if (ev.matches(filter, f)) out.add(f.id().substring(f.id().lastIndexOf('.') + 1));
        return out;
    }

    static List<String> ids(String... ids) {
        return List.of(ids);
    }

    static Geometry box(double x1, double y1, double x2, double y2) {
        return new GeometryFactory().toGeometry(new Envelope(x1, x2, y1, y2));
    }

    /** A namespace-aware DOM of test XML (trusted test text, so a plain parser). */
    static Element xml(String text) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(text))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final String FES = "xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\"";
    static final String OGC = "xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:gml=\"http://www.opengis.net/gml\"";

    /** A FES 2.0 filter document around the operator XML. */
    static String fes(String operator) {
        return "<fes:Filter " + FES + ">" + operator + "</fes:Filter>";
    }

    static String ogc(String operator) {
        return "<ogc:Filter " + OGC + ">" + operator + "</ogc:Filter>";
    }
}
