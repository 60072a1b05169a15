package org.ecoplan.ogcapi;

import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.CrsRegistry;

/**
 * The CGCS2000 3-degree Gauss-Krüger zone a site's areas are measured in, chosen by the
 * longitude of its centre as Chinese land surveys do (GB/T 17798, 3° zones with central meridians
 * 75°E … 135°E). The CRS is the central-meridian form without zone prefix (EPSG:4534 … 4554):
 * the same projection as the prefixed zone codes EPSG:4513 … 4533, with plain eastings.
 *
 * @param number          the 3° zone number (25 … 45)
 * @param centralMeridian degrees east
 * @param crs             EPSG:4534 + (number − 25)
 */
record GaussKrugerZone(int number, int centralMeridian, Crs crs) {
    static final int FIRST = 25;
    static final int LAST = 45;

    /** The zone of a longitude (degrees east); empty outside 73.5°E … 136.5°E, where China's zones end. */
    static java.util.Optional<GaussKrugerZone> forLongitude(double lon) {
        if (!(lon >= FIRST * 3 - 1.5 && lon < LAST * 3 + 1.5)) return java.util.Optional.empty();
        int n = (int) Math.floor((lon + 1.5) / 3.0);
        return java.util.Optional.of(new GaussKrugerZone(n, 3 * n, CrsRegistry.byEpsg(4534 + n - FIRST).orElseThrow()));
    }

    /** The EPSG code of the same zone with the zone number prefixed to eastings (EPSG:4513 … 4533). */
    int prefixedEpsg() {
        return 4513 + number - FIRST;
    }
}
