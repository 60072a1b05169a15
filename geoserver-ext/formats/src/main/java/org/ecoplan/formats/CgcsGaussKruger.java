package org.ecoplan.formats;

import java.util.Optional;

/**
 * The EPSG codes of the CGCS2000 Gauss-Krüger projected CRSs that cover China (EPSG:4491–4554):
 * transverse Mercator, scale 1, latitude of origin 0, false northing 0, on the CGCS2000 datum.
 * Two zone systems — 3° (zones 25–45, central meridian 3n) and 6° (zones 13–23, central meridian
 * 6n − 3) — each published twice: with the zone number as prefix of the false easting
 * (n·10⁶ + 500 000, so an easting reads 38 500 000 + …) and without (500 000, the "CM" codes).
 */
final class CgcsGaussKruger {
    private CgcsGaussKruger() {}

    static final int GEOGRAPHIC = 4490;

    /** 3° zone n (25..45): with prefix EPSG:4513..4533, without EPSG:4534..4554. */
    static Optional<Integer> threeDegree(int zone, boolean prefixed) {
        if (zone < 25 || zone > 45) return Optional.empty();
        return Optional.of((prefixed ? 4513 : 4534) + zone - 25);
    }

    /** 6° zone n (13..23): with prefix EPSG:4491..4501, without EPSG:4502..4512. */
    static Optional<Integer> sixDegree(int zone, boolean prefixed) {
        if (zone < 13 || zone > 23) return Optional.empty();
        return Optional.of((prefixed ? 4491 : 4502) + zone - 13);
    }

    /**
     * The code for a central meridian and false easting (degrees, metres). A central meridian that
     * is a 6° one (6k − 3) is also a 3° one; without a prefix both give the same projection, and the
     * 6° code is chosen only when the CRS says so.
     */
    static Optional<Integer> of(double centralMeridian, double falseEasting, boolean saysSixDegree) {
        if (!isInteger(centralMeridian)) return Optional.empty();
        int cm = (int) Math.round(centralMeridian);
        if (Math.abs(falseEasting - 500_000) < 1e-6) {
            if (saysSixDegree && (cm + 3) % 6 == 0) return sixDegree((cm + 3) / 6, false);
            return cm % 3 == 0 ? threeDegree(cm / 3, false) : Optional.empty();
        }
        double prefix = (falseEasting - 500_000) / 1_000_000;
        if (!isInteger(prefix)) return Optional.empty();
        int n = (int) Math.round(prefix);
        if (n >= 25 && n <= 45 && cm == 3 * n) return threeDegree(n, true);
        if (n >= 13 && n <= 23 && cm == 6 * n - 3) return sixDegree(n, true);
        return Optional.empty();
    }

    private static boolean isInteger(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9;
    }
}
