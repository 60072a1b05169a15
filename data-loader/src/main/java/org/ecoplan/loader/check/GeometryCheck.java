package org.ecoplan.loader.check;

import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.GeometryDescriptor;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Checks one source geometry against its layer and brings it into the layer's native CRS:
 * present, non-empty, finite coordinates within the plausible range of the source CRS, of the
 * layer's Simple Features type, and valid in the OGC Simple Features sense (JTS {@link IsValidOp}).
 * With repair on, invalid polygons are made valid by JTS {@link GeometryFixer} and the repair is
 * reported. Single parts going into a multi-type layer are wrapped in a one-part multi geometry.
 */
public final class GeometryCheck {
    /** What the check found: the geometry to store (or null), errors and an optional repair note. */
    public record Outcome(Geometry geometry, List<String> errors, String repaired) {}

    private static final GeometryFactory GF = new GeometryFactory();

    private final GeometryDescriptor layer;
    private final Crs source;
    private final boolean repair;
    private final GeometryTransformer toNative;
    private final GeometryTransformer toGeographic;
    private final GeometryTransformer fromGeographic;

    /** @param layer the layer's geometry, or null for a table without geometry */
    public GeometryCheck(GeometryDescriptor layer, Crs source, boolean repair) {
        this.layer = layer;
        this.source = source;
        this.repair = repair;
        this.toNative = layer == null ? null : new GeometryTransformer(source, layer.crs());
        this.toGeographic = source == null || source.geographic()
                ? null
                : new GeometryTransformer(source, CrsRegistry.CGCS2000);
        this.fromGeographic = toGeographic == null ? null : new GeometryTransformer(CrsRegistry.CGCS2000, source);
    }

    public Outcome check(Geometry g) {
        List<String> errors = new ArrayList<>();
        if (layer == null) {
            if (g != null) errors.add("the layer has no geometry, but the feature has a " + g.getGeometryType());
            return new Outcome(null, errors, null);
        }
        if (g == null)
            return fail(errors, "geometry missing (the layer's geometry type is " + layer.type().sfName() + ")");
        if (g.isEmpty()) return fail(errors, "empty " + g.getGeometryType());
        String range = rangeProblem(g);
        if (range != null) return fail(errors, range);
        if (!layer.type().accepts(g)) {
            return fail(errors, "geometry type " + g.getGeometryType() + " is not allowed in a " + layer.type().sfName()
                    + " layer");
        }
        String repaired = null;
        IsValidOp valid = new IsValidOp(g);
        if (!valid.isValid()) {
            TopologyValidationError e = valid.getValidationError();
            String why = "invalid geometry: " + e.getMessage() + " at " + point(e.getCoordinate());
            if (!repair || !(g instanceof Polygonal)) {
                return fail(errors, why + (g instanceof Polygonal ? " (--repair makes polygons valid)" : ""));
            }
            Geometry fixed = fix(g);
            if (fixed == null || fixed.isEmpty() || !fixed.isValid() || !layer.type().accepts(fixed)) {
                return fail(errors, why + "; --repair could not make it a valid " + layer.type().sfName()
                        + (fixed == null ? "" : " (the repair gives a " + fixed.getGeometryType() + ")"));
            }
            repaired = why.substring("invalid geometry: ".length()) + " repaired: " + g.getGeometryType() + " → "
                    + fixed.getGeometryType() + " with " + fixed.getNumGeometries() + " part(s)";
            g = fixed;
        }
        Geometry out = promote(toNative.transform(g));
        for (Coordinate c : out.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                return fail(errors, "coordinates cannot be transformed from " + source + " to " + layer.crs());
            }
        }
        out.setSRID(layer.crs().epsg());
        return new Outcome(out, errors, repaired);
    }

    /**
     * The geometry to store for one that {@link #check} accepted before, from the same bytes: the
     * same repair and transformation without the validity test, which the first check already made
     * (a streamed layer's second reading, whose source is proven unchanged by its hash).
     */
    public Geometry convert(Geometry g) {
        if (layer == null || g == null) return null;
        if (repair && g instanceof Polygonal && !g.isValid()) g = fix(g);
        Geometry out = promote(toNative.transform(g));
        out.setSRID(layer.crs().epsg());
        return out;
    }

    private static Geometry fix(Geometry g) {
        try {
            return GeometryFixer.fix(g);
        } catch (TopologyException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Outcome fail(List<String> errors, String message) {
        errors.add(message);
        return new Outcome(null, errors, null);
    }

    /** The first coordinate that is not finite or outside the source CRS's plausible range, as a message. */
    private String rangeProblem(Geometry g) {
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) return "coordinate " + point(c) + " is not finite";
            if (source.geographic()) {
                if (Math.abs(c.x) > 180 || Math.abs(c.y) > 90) {
                    return "coordinate " + point(c) + " is outside " + source
                            + " (longitude −180..180, latitude −90..90; "
                            + "are the axes swapped, or is the source CRS wrong?)";
                }
            } else if (!projectedInRange(c)) {
                return "coordinate " + point(c) + " is outside the usable range of " + source
                        + " (is the source CRS right?)";
            }
        }
        return null;
    }

    /** Whether a projected coordinate maps to a real place and back to itself within a metre. */
    private boolean projectedInRange(Coordinate c) {
        Coordinate geo = toGeographic.transform(c);
        if (!Double.isFinite(geo.x) || !Double.isFinite(geo.y) || Math.abs(geo.x) > 180 || Math.abs(geo.y) > 90)
            return false;
        Coordinate back = fromGeographic.transform(geo);
        return Double.isFinite(back.x) && back.distance(c) < 1.0;
    }

    private Geometry promote(Geometry g) {
        return switch (layer.type()) {
            case MULTIPOLYGON -> g instanceof Polygon p ? GF.createMultiPolygon(new Polygon[]{p}) : g;
            case MULTILINESTRING -> g instanceof LineString l ? GF.createMultiLineString(new LineString[]{l}) : g;
            case MULTIPOINT -> g instanceof Point p ? GF.createMultiPoint(new Point[]{p}) : g;
            default -> g;
        };
    }

    static String point(Coordinate c) {
        return c == null ? "(unknown point)" : "(" + number(c.x) + " " + number(c.y) + ")";
    }

    /** A coordinate with at most 7 decimals (about 1 cm in degrees), without float noise. */
    static String number(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        return java.math.BigDecimal.valueOf(v).setScale(7, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
