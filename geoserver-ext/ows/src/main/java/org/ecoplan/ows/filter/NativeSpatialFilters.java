package org.ecoplan.ows.filter;

import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.QueryException;
import org.ecoplan.catalog.query.SpatialOperator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Builds the spatial filters of the catalog model for one feature type: the literal geometry or
 * box, given east/north in the CRS the request named, is transformed into the layer's native CRS
 * ({@link GeometryTransformer}), and a DWithin / Beyond distance converted to native units
 * ({@link DistanceConversion}). Shared by the FES, KVP BBOX and CQL parsers so they agree.
 */
public final class NativeSpatialFilters {
    /** The OGC catalogue queryable some clients put in BBOX; read as the default geometry. */
    public static final String OWS_BOUNDING_BOX = "ows:BoundingBox";

    private final FeatureType type;

    public NativeSpatialFilters(FeatureType type) {
        this.type = type;
    }

    /** The layer's native CRS; a QueryException when the type has no geometry. */
    public Crs nativeCrs(String operator) {
        if (!type.hasGeometry()) {
            throw new QueryException("feature type '" + type.name() + "' has no geometry for " + operator, operator);
        }
        return type.geometry().crs();
    }

    /**
     * Checks the geometry property a spatial operator names: absent (null) means the default
     * geometry; otherwise it must be the type's geometry property, with an optional prefix
     * (or, for BBOX only, {@value #OWS_BOUNDING_BOX}).
     */
    public void checkGeometryProperty(String reference, String operator) {
        nativeCrs(operator);
        if (reference == null || reference.isBlank()) return;
        // OWSLib's fes2.BBox always writes this catalogue queryable and cannot be told otherwise
        if (operator.equals("BBOX") && reference.trim().equals(OWS_BOUNDING_BOX)) return;
        String name = reference.trim();
        int colon = name.indexOf(':');
        if (colon >= 0) name = name.substring(colon + 1);
        if (!type.isGeometry(name)) {
            String what = type.hasProperty(name) ? "is not the geometry property" : "is not a property";
            throw new QueryException(operator + ": '" + reference.trim() + "' " + what + " of feature type '"
                    + type.name() + "' (its geometry is '" + type.geometry().name() + "')", reference.trim());
        }
    }

    /** FES BBOX: envelope intersection, the box given east/north in {@code crs}. */
    public Filter.BBox bbox(Envelope box, Crs crs) {
        Crs nativeCrs = nativeCrs("BBOX");
        if (box.isNull()) throw new QueryException("BBOX is empty", "BBOX");
        Envelope e = new GeometryTransformer(crs, nativeCrs).transform(box);
        if (e.isNull()) throw new QueryException("BBOX cannot be transformed from " + crs + " to " + nativeCrs, "BBOX");
        return new Filter.BBox(e);
    }

    /** A binary spatial predicate with a literal geometry given east/north in {@code crs}. */
    public Filter.Spatial spatial(SpatialOperator op, Geometry literal, Crs crs) {
        if (op == SpatialOperator.DWITHIN || op == SpatialOperator.BEYOND) {
            throw new IllegalArgumentException(op + " needs a distance");
        }
        return new Filter.Spatial(op, toNative(literal, crs, op.name()), 0);
    }

    /** DWithin / Beyond; {@code unit} null means the distance is in native units. */
    public Filter.Spatial distance(SpatialOperator op, Geometry literal, Crs crs, double distance, LengthUnit unit) {
        if (op != SpatialOperator.DWITHIN && op != SpatialOperator.BEYOND) {
            throw new IllegalArgumentException(op + " takes no distance");
        }
        if (!Double.isFinite(distance) || distance < 0) {
            throw new QueryException(op + " distance must be a finite number >= 0, got " + distance, "Distance");
        }
        Geometry g = toNative(literal, crs, op.name());
        return new Filter.Spatial(op, g, DistanceConversion.toNative(distance, unit, nativeCrs(op.name()), g));
    }

    private Geometry toNative(Geometry literal, Crs crs, String operator) {
        Crs nativeCrs = nativeCrs(operator);
        Geometry g = new GeometryTransformer(crs, nativeCrs).transform(literal);
        for (var c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw new QueryException(
                        operator + ": the geometry cannot be transformed from " + crs + " to " + nativeCrs, operator);
            }
        }
        g.setSRID(nativeCrs.epsg());
        return g;
    }
}
