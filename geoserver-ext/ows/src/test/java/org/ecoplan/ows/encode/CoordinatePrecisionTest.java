package org.ecoplan.ows.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CoordinatePrecisionTest {
    /** The text the encoders wrote before the allocation-free path: the rounded double, printed plainly. */
    private static String reference(CoordinatePrecision p, double v) {
        double r = p.round(v);
        if (r == Math.rint(r) && Math.abs(r) < 1e15) return Long.toString((long) r);
        return BigDecimal.valueOf(r).stripTrailingZeros().toPlainString();
    }

    private static String fast(CoordinatePrecision p, double v) {
        char[] buf = new char[CoordinatePrecision.MAX_CHARS + 3];
        int n = p.write(v, buf, 3);
        return n < 0 ? null : new String(buf, 3, n);
    }

    @Test
    void writesTheSameTextAsTheRoundedDoubleForCoordinatesOfEveryKind() {
        SplittableRandom random = new SplittableRandom(20261202);
        CoordinatePrecision degrees = new CoordinatePrecision(8);
        CoordinatePrecision metres = new CoordinatePrecision(3);
        for (int i = 0; i < 200_000; i++) {
            double lon = random.nextDouble(-180, 180);
            double easting = random.nextDouble(-1e7, 1e7);
            assertEquals(reference(degrees, lon), fast(degrees, lon), "lon " + lon);
            assertEquals(reference(metres, easting), fast(metres, easting), "easting " + easting);
            // values already on the grid, as stored data mostly is
            double onGrid = Math.round(lon * 1e6) / 1e6;
            assertEquals(reference(degrees, onGrid), fast(degrees, onGrid), "grid " + onGrid);
        }
    }

    @Test
    void writesEdgeValuesPlainlyWithoutExponentOrNegativeZero() {
        CoordinatePrecision p = new CoordinatePrecision(8);
        assertEquals("0", fast(p, 0.0));
        assertEquals("0", fast(p, -0.0));
        assertEquals("0", fast(p, -1e-12));
        assertEquals("0.00001", fast(p, 1e-5));
        assertEquals("-0.00000001", fast(p, -1e-8));
        assertEquals("113.75", fast(p, 113.75000000000001));
        assertEquals("-180", fast(p, -180.0));
        assertEquals("1", fast(p, 0.999999995), "rounding carries into the whole part");
        assertEquals("100", fast(p, 99.999999999));
        assertEquals("-7.99999999", fast(p, -7.99999999));
        for (long k = 1; k < 1000; k++) {
            double edge = k - 1e-9; // just below an integer: the floating quotient may land on either side
            assertEquals(reference(p, edge), fast(p, edge));
            assertEquals(reference(p, -edge), fast(p, -edge));
        }
        assertEquals("1", fast(new CoordinatePrecision(0), 0.5), "half rounds up as Math.round does");
        assertEquals("4450123.457", fast(new CoordinatePrecision(3), 4450123.4567));
        assertEquals("1.5", fast(new CoordinatePrecision(15), 1.5));
    }

    @Test
    void leavesValuesItCannotWriteExactlyToTheCaller() {
        CoordinatePrecision p = new CoordinatePrecision(8);
        assertEquals(null, fast(p, Double.NaN));
        assertEquals(null, fast(p, Double.POSITIVE_INFINITY));
        assertEquals(null, fast(p, 1e9), "1e9 x 1e8 has more digits than a double holds exactly");
        assertEquals("1000000000", p.format(1e9));
        assertEquals("12345678.5", new CoordinatePrecision(8).format(12345678.5));
    }
}
