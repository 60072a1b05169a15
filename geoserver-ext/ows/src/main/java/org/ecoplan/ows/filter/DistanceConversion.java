package org.ecoplan.ows.filter;

import org.ecoplan.catalog.crs.Crs;
import org.locationtech.jts.geom.Geometry;

/**
 * Converts a DWithin / Beyond distance to the units of a layer's native CRS, because the filter
 * model and every store compare distances in native units (FES 2.0 clause 7.8.3.3 leaves the
 * conversion to the server).
 *
 * <p>For a geographic native CRS the conversion is an approximation on the sphere of radius
 * 6378137 m: a length is turned into degrees with the length of one degree <em>along the parallel</em>
 * at the latitude of the literal geometry's centroid (111 319.49 m × cos φ). A degree of longitude
 * is the shortest degree, so DWithin never misses a feature that is truly within the distance; it
 * may accept features up to 1/cos φ farther in the north–south direction (about 1.3 at the plan
 * area's 40° N). Latitudes beyond ±85° use 85°. For a projected native CRS a distance in degrees is
 * turned into metres with the length of a degree along the meridian.
 */
public final class DistanceConversion {
    /** Metres in one degree of a great circle on the sphere of radius 6378137 m. */
    public static final double METRES_PER_DEGREE = 6378137.0 * Math.PI / 180.0;

    private DistanceConversion() {}

    /**
     * @param distance     the distance as given
     * @param unit         its unit, or null for "native units"
     * @param nativeCrs    the layer's CRS
     * @param nativeLiteral the literal geometry, already in the native CRS (its centroid latitude
     *                     is used for geographic CRSs)
     */
    public static double toNative(double distance, LengthUnit unit, Crs nativeCrs, Geometry nativeLiteral) {
        if (unit == null) return distance;
        if (nativeCrs.geographic()) {
            if (unit == LengthUnit.DEGREE) return distance;
            double lat = nativeLiteral == null || nativeLiteral.isEmpty() ? 0 : nativeLiteral.getCentroid().getY();
            double phi = Math.toRadians(Math.min(85.0, Math.abs(lat)));
            return distance * unit.metres() / (METRES_PER_DEGREE * Math.cos(phi));
        }
        double metres = unit == LengthUnit.DEGREE ? distance * METRES_PER_DEGREE : distance * unit.metres();
        double fromMetres = nativeCrs.proj().getProjection().getFromMetres();
        return metres * (fromMetres > 0 ? fromMetres : 1.0);
    }
}
