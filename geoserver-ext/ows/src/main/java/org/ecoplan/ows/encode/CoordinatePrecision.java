package org.ecoplan.ows.encode;

import org.ecoplan.catalog.crs.Crs;

/**
 * How many decimals coordinates are written with: enough for millimetres in the CRS's unit and
 * no more, so reprojection noise ("113.75000000000001") does not reach clients.
 */
public record CoordinatePrecision(int decimals) {
    /** 10^0 .. 10^18: the scale of every precision and the digit count of any whole part. */
    private static final long[] POWERS = new long[19];
    /** Scaled values at or beyond this have more digits than a double holds exactly; they take the slow path. */
    private static final long EXACT_LIMIT = 1L << 53;

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) POWERS[i] = POWERS[i - 1] * 10;
    }

    public CoordinatePrecision {
        if (decimals < 0 || decimals > 15)
            throw new IllegalArgumentException("decimals must be 0..15, not " + decimals);
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
        char[] buf = new char[MAX_CHARS];
        int n = write(v, buf, 0);
        if (n >= 0) return new String(buf, 0, n);
        double r = round(v);
        if (r == Math.rint(r) && Math.abs(r) < 1e15) return Long.toString((long) r);
        return java.math.BigDecimal.valueOf(r).stripTrailingZeros().toPlainString();
    }

    /** Room {@link #write} needs: sign, 16 digits, point, 15 decimals. */
    public static final int MAX_CHARS = 34;

    /**
     * Writes the rounded value into {@code buf} at {@code offset} as plain decimal text (the same
     * text as {@link #format}), without allocating; returns the number of chars, or -1 when the
     * value is not finite or has more significant digits than a double carries exactly (the
     * caller then falls back to {@link #format} or to the generic number writer). This is the hot
     * path of every feature encoder: 10,000 polygons are hundreds of thousands of coordinates.
     */
    public int write(double v, char[] buf, int offset) {
        if (!Double.isFinite(v)) return -1;
        double scaled = v * POWERS[decimals];
        if (!(Math.abs(scaled) < EXACT_LIMIT)) return -1;
        // the same rounding as round(v) (10^decimals is exact as a double up to 10^15); only
        // the text is built from the integer instead of dividing back and printing the double
        long units = Math.round(scaled);
        int pos = offset;
        if (units < 0) {
            buf[pos++] = '-';
            units = -units;
        }
        long pow = POWERS[decimals];
        // a floating-point quotient corrected by one at most: cheaper than a 64-bit division
        long whole = (long) ((double) units / pow);
        if (whole * pow > units) whole--;
        else if ((whole + 1) * pow <= units) whole++;
        long fraction = units - whole * pow;
        pos = appendDigits(whole, buf, pos);
        if (fraction != 0) {
            int digits = decimals;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            buf[pos++] = '.';
            for (int i = digits - 1; i >= 0; i--) {
                buf[pos + i] = (char) ('0' + fraction % 10);
                fraction /= 10;
            }
            pos += digits;
        }
        return pos - offset;
    }

    private static int appendDigits(long n, char[] buf, int pos) {
        int len = 1;
        while (len < POWERS.length && n >= POWERS[len]) len++;
        for (int i = pos + len - 1; i >= pos; i--) {
            buf[i] = (char) ('0' + n % 10);
            n /= 10;
        }
        return pos + len;
    }
}
