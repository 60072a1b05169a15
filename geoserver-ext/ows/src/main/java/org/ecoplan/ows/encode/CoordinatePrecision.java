package org.ecoplan.ows.encode;

import org.ecoplan.catalog.crs.Crs;

/**
 * How many decimals coordinates are written with: enough for millimetres in the CRS's unit and
 * no more, so reprojection noise ("113.75000000000001") does not reach clients.
 */
public record CoordinatePrecision(int decimals) {
    public CoordinatePrecision {
        if (decimals < 0 || decimals > 15) throw new IllegalArgumentException("decimals must be 0..15, not " + decimals);
    }

    /** 8 decimals for degrees (about 1 mm), 3 for metres. */
    public static CoordinatePrecision forCrs(Crs crs) {
        return new CoordinatePrecision(crs == null || crs.geographic() ? 8 : 3);
    }

    public double round(double v) {
        if (!Double.isFinite(v)) return v;
        double scale = Math.pow(10, decimals);
        double r = Math.round(v * scale) / scale;
        // Math.round overflows past 2^63 / scale; keep such (unrealistic) values as they are
        return Double.isFinite(r) && Math.abs(v) < 9e15 / scale ? r : v;
    }

    /** The value as shortest decimal text, without exponent, e.g. "113.75" or "4450123.456". */
    public String format(double v) {
        double r = round(v);
        if (r == Math.rint(r) && Math.abs(r) < 1e15) return Long.toString((long) r);
        return java.math.BigDecimal.valueOf(r).stripTrailingZeros().toPlainString();
    }
}
