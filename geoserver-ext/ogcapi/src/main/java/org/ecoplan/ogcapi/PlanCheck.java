package org.ecoplan.ogcapi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.PlanCheckConfig;
import org.ecoplan.catalog.config.WorkspaceConfig;
import org.ecoplan.catalog.crs.AxisOrders;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.SpatialOperator;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.ows.ServiceContext;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The plan check for a site: which restoration zones, key areas, projects, ecological problems
 * and pattern elements of a workspace's plan the site overlaps, and by how much. Areas are
 * measured on the CGCS2000 3° Gauss-Krüger plane of the site ({@link GaussKrugerZone}), site and
 * plan features projected vertex by vertex and intersected there; reported in m², 公顷
 * (1 ha = 10 000 m²) and 亩 (1 亩 = 10 000 / 15 m²). The report quotes the attributes the
 * workspace's {@code planCheck} names, with their aliases, and every layer's schematic flag and
 * confidence, so no overlap reads as more precise than the geometry it was computed against.
 */
final class PlanCheck {
    /** 1 亩 = 666.67 m² (10 000 / 15), the market mu of the land administration. */
    static final double M2_PER_MU = 10_000.0 / 15.0;

    private final ServiceContext context;
    private final WorkspaceConfig workspace;
    private final CatalogView view;

    /** @param view the workspace as the caller may see it: layers it may not read are not checked */
    PlanCheck(ServiceContext context, WorkspaceConfig workspace, CatalogView view) {
        this.context = context;
        this.workspace = workspace;
        this.view = view;
    }

    /** The report of a site, as a JSON object (see the process description's output schema). */
    Map<String, Object> run(Site site, long deadline) {
        PlanCheckConfig config = workspace.planCheck();
        Point centre = site.geometry().getInteriorPoint();
        GaussKrugerZone zone = GaussKrugerZone.forLongitude(site.geometry().getCentroid().getX()).orElseThrow(
                () -> Problem.badRequest("site", "The site lies outside the CGCS2000 Gauss-Krüger zones of China "
                        + "(73.5°E–136.5°E); its centre is at " + round(centre.getX(), 6) + ", "
                        + round(centre.getY(), 6)));
        Geometry siteGk = new GeometryTransformer(CrsRegistry.CGCS2000, zone.crs()).transform(site.geometry());
        double siteArea = siteGk.getArea();
        List<String> notes = new ArrayList<>(site.notes());

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("workspace", workspace.name());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("format", site.format());
        s.put("crs", site.crs());
        s.put("geometryType", site.geometry().getGeometryType());
        s.put("centre", List.of(round(centre.getX(), 6), round(centre.getY(), 6)));
        s.put("areaCrs", zone.crs().id());
        Map<String, Object> z = new LinkedHashMap<>();
        z.put("zone", zone.number());
        z.put("centralMeridian", zone.centralMeridian());
        z.put("epsgWithZonePrefix", zone.prefixedEpsg());
        s.put("gaussKrugerZone", z);
        if (!site.isPoint()) s.putAll(area(siteArea));
        report.put("site", s);

        LayerConfig boundary = layer(config.boundary()).orElseThrow(() -> Problem.notFound("No plan check here"));
        List<Geometry> county = features(boundary, site.geometry(), zone, deadline).stream().map(Feature::geometry)
                .toList();
        Map<String, Object> inCounty = new LinkedHashMap<>();
        inCounty.put("layer", boundary.id());
        inCounty.put("title", boundary.title().both());
        double inside = 0;
        boolean touches = false;
        for (Geometry c : county) {
            if (site.isPoint()) touches |= c.intersects(siteGk);
            else inside += intersection(c, siteGk).getArea();
        }
        if (site.isPoint()) {
            inCounty.put("inside", touches);
        } else {
            inCounty.put("inside", inside > 0);
            inCounty.put("shareOfSite", share(inside, siteArea));
            inCounty.putAll(area(inside));
        }
        report.put("plan", inCounty);
        boolean anywhere = site.isPoint() ? touches : inside > 0;
        if (!anywhere) {
            notes.add("the site lies outside " + boundary.title().both() + ": nothing of the plan applies to it");
            if (!site.crs().equals("EPSG:3857") && swappedWouldFit(site, boundary, zone, deadline)) {
                notes.add("with latitude and longitude exchanged the site would lie in " + boundary.title().both()
                        + ": check the axis order (CRS84 and GeoJSON are longitude first; EPSG:4490 and EPSG:4326 "
                        + "are latitude first)");
            }
        } else if (!site.isPoint() && inside < siteArea * 0.999) {
            notes.add("part of the site (" + share(siteArea - inside, siteArea) + " of it) lies outside "
                    + boundary.title().both());
        }

        for (PlanCheckConfig.Role role : PlanCheckConfig.Role.values()) {
            List<Map<String, Object>> sections = new ArrayList<>();
            for (PlanCheckConfig.Entry e : config.layers()) {
                if (e.role() != role || layer(e.layer()).isEmpty()) continue;
                sections.add(section(e, layer(e.layer()).get(), site, siteGk, siteArea, zone, anywhere, deadline));
            }
            report.put(role.key(), sections);
        }
        List<String> caveats = new ArrayList<>();
        List<String> checked = new ArrayList<>(List.of(config.boundary()));
        for (PlanCheckConfig.Entry e : config.layers()) checked.add(e.layer());
        for (String id : checked) {
            LayerConfig l = layer(id).orElse(null);
            if (l == null || l.metadata() == null) continue;
            if (l.metadata().schematic()) {
                caveats.add(l.title().both() + ": schematic geometry (confidence " + l.metadata().confidence()
                        + "), drawn by the project, not the plan's own map; overlaps with it are indicative only / "
                        + "示意几何，重叠面积仅供参考");
            } else if (!"high".equals(l.metadata().confidence())) {
                caveats.add(l.title().both() + ": positional confidence " + l.metadata().confidence()
                        + " (see the layer's metadata); overlaps near its edges are uncertain / 位置精度有限");
            }
        }
        caveats.add("Areas are computed exactly from the geometries above; their decimals are arithmetic, not the "
                + "precision of the data / 面积小数位为计算结果，不代表数据精度");
        report.put("caveats", caveats);
        report.put("notes", notes);
        return report;
    }

    private Map<String, Object> section(PlanCheckConfig.Entry e, LayerConfig layer, Site site, Geometry siteGk,
            double siteArea, GaussKrugerZone zone, boolean anywhere, long deadline) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("layer", layer.id());
        out.put("title", Map.of("zh", layer.title().zh(), "en", layer.title().en()));
        if (layer.metadata() != null) {
            out.put("schematic", layer.metadata().schematic());
            out.put("confidence", layer.metadata().confidence());
            if (layer.metadata().planSection() != null) out.put("planSection", layer.metadata().planSection());
        }
        Map<String, Object> aliases = new LinkedHashMap<>();
        for (String a : e.report()) {
            AttributeDescriptor d = layer.featureType().attribute(a).orElseThrow();
            aliases.put(a, d.alias() == null ? a : Map.of("zh", d.alias().zh(), "en", d.alias().en()));
        }
        out.put("attributes", aliases);
        List<Map<String, Object>> hits = new ArrayList<>();
        if (anywhere) {
            for (Feature f : features(layer, site.geometry(), zone, deadline)) {
                Map<String, Object> overlap = overlap(f.geometry(), siteGk, siteArea, site.isPoint());
                if (overlap == null) continue;
                Map<String, Object> hit = new LinkedHashMap<>();
                hit.put("id", f.id());
                Map<String, Object> props = new LinkedHashMap<>();
                for (String a : e.report()) props.put(a, f.get(a));
                hit.put("properties", props);
                if (layer.featureType().attribute("confidence").isPresent() && f.get("confidence") != null) {
                    hit.put("confidence", f.get("confidence"));
                }
                hit.put("overlap", overlap);
                hits.add(hit);
            }
        }
        out.put("features", hits);
        return out;
    }

    /** What the site and a feature share; null when they only touch or not at all. */
    private static Map<String, Object> overlap(Geometry feature, Geometry siteGk, double siteArea, boolean pointSite) {
        if (feature == null || feature.isEmpty()) return null;
        Map<String, Object> o = new LinkedHashMap<>();
        if (pointSite) {
            if (!feature.intersects(siteGk)) return null;
            o.put("containsSite", true);
            return o;
        }
        if (feature instanceof Polygonal) {
            double a = intersection(feature, siteGk).getArea();
            if (a <= 0) return null;
            o.putAll(area(a));
            o.put("shareOfSite", share(a, siteArea));
            o.put("shareOfFeature", share(a, feature.getArea()));
        } else if (feature instanceof Puntal) {
            if (!siteGk.covers(feature)) return null;
            o.put("withinSite", true);
        } else {
            double length = intersection(feature, siteGk).getLength();
            if (length <= 0) return null;
            o.put("lengthM", round(length, 2));
            o.put("shareOfFeature", share(length, feature.getLength()));
        }
        return o;
    }

    private static Geometry intersection(Geometry a, Geometry b) {
        return OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
    }

    /** The layer's features that intersect the site, projected onto the site's Gauss-Krüger plane. */
    private List<Feature> features(LayerConfig layer, Geometry siteLonLat, GaussKrugerZone zone, long deadline) {
        var source = context.featureSource(layer);
        var nativeCrs = layer.featureType().geometry().crs();
        Geometry inNative = new GeometryTransformer(CrsRegistry.CGCS2000, nativeCrs).transform(siteLonLat);
        FeatureQuery q = FeatureQuery.of(new Filter.Spatial(SpatialOperator.INTERSECTS, inNative, 0))
                .withTargetCrs(zone.crs()).withDeadline(deadline);
        List<Feature> out = new ArrayList<>();
        try (FeatureCursor c = source.features(q)) {
            while (c.hasNext()) out.add(c.next());
        }
        return out;
    }

    private boolean swappedWouldFit(Site site, LayerConfig boundary, GaussKrugerZone zone, long deadline) {
        Geometry swapped = AxisOrders.swapped(site.geometry());
        for (org.locationtech.jts.geom.Coordinate c : swapped.getCoordinates()) {
            if (Math.abs(c.y) > 90) return false;
        }
        var z = GaussKrugerZone.forLongitude(swapped.getCentroid().getX());
        return z.isPresent() && !features(boundary, swapped, z.get(), deadline).isEmpty();
    }

    /** A checked layer, if the caller may read it. */
    private java.util.Optional<LayerConfig> layer(String id) {
        return view.layer(id);
    }

    private static Map<String, Object> area(double m2) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("areaM2", round(m2, 2));
        a.put("hectares", round(m2 / 10_000.0, 4));
        a.put("mu", round(m2 / M2_PER_MU, 3));
        return a;
    }

    private static double share(double part, double whole) {
        return whole <= 0 ? 0 : round(Math.min(1, part / whole), 4);
    }

    static double round(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
