package org.ecoplan.ows.encode;

import java.time.LocalDate;
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
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Small fixed features for encoder tests. */
final class TestFeatures {
    private TestFeatures() {}

    static final FeatureType ZONES = new FeatureType("zones", List.of(
            AttributeDescriptor.of("name", AttributeType.STRING),
            AttributeDescriptor.of("rank", AttributeType.INTEGER),
            AttributeDescriptor.of("area_km2", AttributeType.DOUBLE),
            AttributeDescriptor.of("active", AttributeType.BOOLEAN),
            AttributeDescriptor.of("since", AttributeType.DATE)),
            new GeometryDescriptor("geom", GeometryType.MULTIPOLYGON, CrsRegistry.CGCS2000));

    static final FeatureType TARGETS = new FeatureType("targets", List.of(
            AttributeDescriptor.of("indicator", AttributeType.STRING),
            AttributeDescriptor.of("value", AttributeType.DOUBLE)), null);

    static Geometry wkt(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Feature zone(long fid, String name, String wkt) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", name);
        a.put("rank", fid);
        a.put("area_km2", 12.5 * fid);
        a.put("active", fid % 2 == 1);
        a.put("since", LocalDate.of(2021, 1, (int) fid));
        return new Feature("zones." + fid, a, wkt == null ? null : wkt(wkt));
    }

    static Feature target(long fid, String indicator, Double value) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("indicator", indicator);
        a.put("value", value);
        return new Feature("targets." + fid, a, null);
    }

    /** Clockwise shell (the encoder must turn it), with a hole, in Yanggao. */
    static final String CW_POLYGON = "MULTIPOLYGON(((113.5 40.0, 113.5 40.2, 113.8 40.2, 113.8 40.0, 113.5 40.0),"
            + "(113.6 40.05, 113.7 40.05, 113.7 40.1, 113.6 40.1, 113.6 40.05)))";
}
