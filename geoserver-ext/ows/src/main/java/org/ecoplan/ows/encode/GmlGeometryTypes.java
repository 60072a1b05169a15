package org.ecoplan.ows.encode;

import org.ecoplan.catalog.GeometryType;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The GML property type an application schema declares for a layer's geometry type, and the
 * matching shape of the geometries written, so that features validate against their
 * DescribeFeatureType schema (a single polygon in a MultiPolygon layer is written as a one-member
 * MultiSurface).
 */
public final class GmlGeometryTypes {
    private GmlGeometryTypes() {}

    /** The gml:*PropertyType local name for a geometry type in a GML version. */
    public static String propertyType(GmlVersion version, GeometryType type) {
        boolean gml2 = version == GmlVersion.GML2;
        return switch (type) {
            case POINT -> "PointPropertyType";
            case LINESTRING -> gml2 ? "LineStringPropertyType" : "CurvePropertyType";
            case POLYGON -> gml2 ? "PolygonPropertyType" : "SurfacePropertyType";
            case MULTIPOINT -> "MultiPointPropertyType";
            case MULTILINESTRING -> gml2 ? "MultiLineStringPropertyType" : "MultiCurvePropertyType";
            case MULTIPOLYGON -> gml2 ? "MultiPolygonPropertyType" : "MultiSurfacePropertyType";
            case GEOMETRY -> "GeometryPropertyType";
        };
    }

    /** The geometry in the shape its layer's type declares (single parts become one-member multis). */
    public static Geometry conform(Geometry g, GeometryType type) {
        if (g == null) return null;
        GeometryFactory f = g.getFactory();
        return switch (type) {
            case MULTIPOINT -> g instanceof Point p ? f.createMultiPoint(new Point[]{p}) : g;
            case MULTILINESTRING -> g instanceof LineString l ? f.createMultiLineString(new LineString[]{l}) : g;
            case MULTIPOLYGON -> g instanceof Polygon p ? f.createMultiPolygon(new Polygon[]{p}) : g;
            default -> g;
        };
    }
}
