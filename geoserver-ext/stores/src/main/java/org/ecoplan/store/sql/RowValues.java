package org.ecoplan.store.sql;

import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.GeometryDescriptor;
import org.ecoplan.catalog.GeometryType;
import org.ecoplan.catalog.query.LiteralConversion;
import org.ecoplan.catalog.query.QueryException;
import org.ecoplan.catalog.store.StoreException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Checks and converts the values of a feature before a writer stores them: attribute values to
 * the attribute type's Java class, geometries to the layer's geometry type (a single part becomes
 * a one-part multi geometry in a Multi* layer, as Simple Features allows).
 */
public final class RowValues {
    private RowValues() {}

    public static Object attribute(AttributeDescriptor a, Object raw, String table, long fid) {
        if (raw == null || (raw instanceof String s && s.isEmpty() && a.type() != AttributeType.STRING)) return null;
        try {
            Object v = LiteralConversion.convert(a, raw);
            if (!a.type().javaType().isInstance(v)) throw new QueryException("not integral", a.name());
            return v;
        } catch (QueryException e) {
            throw new StoreException("table '" + table + "', feature " + fid + ": value '" + raw
                    + "' of '" + a.name() + "' is not a " + a.type().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    public static Geometry geometry(GeometryDescriptor d, Geometry g, String table, long fid) {
        if (g == null) return null;
        GeometryType t = d.type();
        if (!t.accepts(g)) {
            throw new StoreException("table '" + table + "', feature " + fid + ": a " + g.getGeometryType()
                    + " cannot be stored in a " + t.sfName() + " layer");
        }
        GeometryFactory f = g.getFactory();
        Geometry out = switch (t) {
            case MULTIPOINT -> g instanceof Point p ? f.createMultiPoint(new Point[]{p}) : g;
            case MULTILINESTRING -> g instanceof LineString l ? f.createMultiLineString(new LineString[]{l}) : g;
            case MULTIPOLYGON -> g instanceof Polygon p ? f.createMultiPolygon(new Polygon[]{p}) : g;
            default -> g;
        };
        out.setSRID(d.crs().epsg());
        return out;
    }
}
