package org.ecoplan.render;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.GeometryDescriptor;
import org.ecoplan.catalog.GeometryType;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.render.style.Style;
import org.ecoplan.render.style.StyleParser;
import org.ecoplan.testkit.MemoryFeatureSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Shared fixtures: feature types, features in a projected CRS (metres) and the test styles. */
final class TestScenes {
    static final Crs CRS = CrsRegistry.CGCS2000_GK_114E;
    static final FeatureType ZONE = type("zone", GeometryType.POLYGON);
    static final FeatureType RIVER = type("river", GeometryType.LINESTRING);
    static final FeatureType SITE = type("site", GeometryType.POINT);
    /** A schema without the "kind" attribute the zone styles filter on. */
    static final FeatureType RIVER_WITHOUT_KIND = new FeatureType("river",
            List.of(AttributeDescriptor.of("name", AttributeType.STRING)),
            new GeometryDescriptor("geom", GeometryType.LINESTRING, CrsRegistry.CGCS2000_GK_114E));

    private TestScenes() {}

    private static FeatureType type(String name, GeometryType g) {
        return new FeatureType(name, List.of(AttributeDescriptor.of("name", AttributeType.STRING),
                AttributeDescriptor.of("kind", AttributeType.STRING),
                AttributeDescriptor.of("rank", AttributeType.INTEGER)),
                new GeometryDescriptor("geom", g, CRS));
    }

    static Geometry wkt(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Feature feature(String id, String name, String kind, Long rank, String wkt) {
        Map<String, Object> a = new HashMap<>();
        a.put("name", name);
        a.put("kind", kind);
        a.put("rank", rank);
        return new Feature(id, a, wkt(wkt));
    }

    static Style style(String resource) {
        Path p = resource(resource);
        try (InputStream in = Files.newInputStream(p)) {
            return StyleParser.parse(in, p.toString()).defaultStyle();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(TestScenes.class.getResource("/styles/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Three zones in a 1000 m square: core (green, labelled), restore (hatched), other (grey). */
    static MemoryFeatureSource zones() {
        List<Feature> f = new ArrayList<>();
        f.add(feature("zone.1", "核心区", "core", 1L, "POLYGON((100 100, 400 100, 400 400, 100 400, 100 100))"));
        f.add(feature("zone.2", "修复区", "restore", 2L, "POLYGON((500 100, 900 100, 900 400, 500 400, 500 100))"));
        f.add(feature("zone.3", null, "farm", 3L, "POLYGON((100 500, 400 500, 400 900, 100 900, 100 500))"));
        return new MemoryFeatureSource(ZONE, f);
    }

    static MemoryFeatureSource rivers() {
        return new MemoryFeatureSource(RIVER, List.of(
                feature("river.1", "桑干河", null, 6L, "LINESTRING(50 700, 300 650, 600 700, 950 600)"),
                feature("river.2", "小支流", null, 2L, "LINESTRING(600 950, 650 800, 600 700)")));
    }

    static MemoryFeatureSource sites() {
        return new MemoryFeatureSource(SITE, List.of(
                feature("site.1", "东坪", null, 7L, "POINT(600 850)"),
                feature("site.2", "西坪", null, 1L, "POINT(200 950)"),
                feature("site.3", "北坡", null, 99L, "POINT(850 780)")));
    }

    static MapRequest request(List<MapLayer> layers, Envelope bbox, int w, int h) {
        return new MapRequest(layers, bbox, CRS, w, h, false, Color.WHITE, BufferedImage.TYPE_INT_ARGB,
                MapRequest.NO_DEADLINE, 32);
    }
}
