package org.ecoplan.catalog;

import org.locationtech.jts.geom.Geometry;

/** The Simple Features geometry type of a layer; one type per layer so every client gets a clean layer. */
public enum GeometryType {
    POINT("Point"),
    LINESTRING("LineString"),
    POLYGON("Polygon"),
    MULTIPOINT("MultiPoint"),
    MULTILINESTRING("MultiLineString"),
    MULTIPOLYGON("MultiPolygon"),
    GEOMETRY("Geometry");

    private final String sfName;

    GeometryType(String sfName) { this.sfName = sfName; }

    /** The OGC Simple Features name ("MultiPolygon"), as used in GeoPackage and PostGIS. */
    public String sfName() {
        return sfName;
    }

    public static GeometryType fromConfig(String word) {
        if (word == null) return null;
        for (GeometryType t : values()) if (t.sfName.equalsIgnoreCase(word.trim())) return t;
        return null;
    }

    /** Whether a geometry may be stored in a layer of this type (a single part goes into a multi type). */
    public boolean accepts(Geometry g) {
        String t = g.getGeometryType();
        return switch (this) {
            case GEOMETRY -> true;
            case MULTIPOINT -> t.equals("MultiPoint") || t.equals("Point");
            case MULTILINESTRING -> t.equals("MultiLineString") || t.equals("LineString");
            case MULTIPOLYGON -> t.equals("MultiPolygon") || t.equals("Polygon");
            default -> t.equals(sfName);
        };
    }

    /** 0 for points, 1 for lines, 2 for polygons, -1 for the generic type. */
    public int dimension() {
        return switch (this) {
            case POINT, MULTIPOINT -> 0;
            case LINESTRING, MULTILINESTRING -> 1;
            case POLYGON, MULTIPOLYGON -> 2;
            case GEOMETRY -> -1;
        };
    }
}
