package org.ecoplan.catalog.crs;

import java.util.List;

/**
 * The one place where the engine decides in which axis order coordinates are written, for a
 * CRS named in a given form under a given protocol convention. Every service asks here.
 *
 * <p>Authority order: EPSG geographic 2D CRSs (4326, 4490, ...) are latitude-first; the
 * CGCS2000 / Xian 1980 / Beijing 1954 Gauss–Krüger projected CRSs (4491–4554, 2327–2442,
 * 21413–21483) are northing-first ("X" north, "Y" east); other projected CRSs (3857, UTM) are
 * easting-first; CRS:84 is longitude-first by definition.
 */
public final class AxisOrders {
    private AxisOrders() {}

    private record Range(int from, int to) {
        boolean has(int code) { return code >= from && code <= to; }
    }

    private static final List<Range> NORTHING_FIRST_PROJECTED = List.of(
            new Range(4491, 4554), // CGCS2000 / Gauss-Kruger zones and CM (incl. 4526, 4547)
            new Range(2327, 2442), // Xian 1980 / Gauss-Kruger, Beijing 1954 / 3-degree GK
            new Range(21413, 21423), // Beijing 1954 / Gauss-Kruger zones
            new Range(21453, 21463), // Beijing 1954 / Gauss-Kruger CM
            new Range(21473, 21483));

    /** The authority's order for an EPSG code (or CRS:84). */
    static AxisOrder authorityOrder(int epsg, boolean geographic, boolean crs84) {
        if (crs84) return AxisOrder.EAST_NORTH;
        if (geographic) return AxisOrder.NORTH_EAST;
        for (Range r : NORTHING_FIRST_PROJECTED) if (r.has(epsg)) return AxisOrder.NORTH_EAST;
        return AxisOrder.EAST_NORTH;
    }

    /** The axis order for a CRS named in a request, under a protocol convention. */
    public static AxisOrder of(CrsName name, AxisConvention convention) {
        return switch (convention) {
            case EAST_NORTH -> AxisOrder.EAST_NORTH;
            case AUTHORITY -> name.crs().authorityOrder();
            case BY_FORM -> name.form() == CrsName.Form.SHORT ? AxisOrder.EAST_NORTH : name.crs().authorityOrder();
        };
    }

    /** The axis order for a CRS under the authority convention (WMS 1.3.0, WMTS). */
    public static AxisOrder authority(Crs crs) {
        return crs.authorityOrder();
    }

    /**
     * Whether coordinates in {@code crs} are written northing / latitude first by its authority
     * (EPSG:4326, 4490, 4547 ...), as OGC API – Features Part 2 and CQL2 filter-crs read them; CRS84 is
     * longitude first.
     */
    public static boolean northFirst(Crs crs) {
        return !crs.isCrs84() && crs.authorityOrder() == AxisOrder.NORTH_EAST;
    }

    /** A copy of the geometry with x and y exchanged (east/north to north/east and back). */
    public static org.locationtech.jts.geom.Geometry swapped(org.locationtech.jts.geom.Geometry g) {
        if (g == null) return null;
        org.locationtech.jts.geom.Geometry copy = g.copy();
        copy.apply(new org.locationtech.jts.geom.CoordinateSequenceFilter() {
            @Override
            public void filter(org.locationtech.jts.geom.CoordinateSequence seq, int i) {
                double x = seq.getOrdinate(i, 0);
                seq.setOrdinate(i, 0, seq.getOrdinate(i, 1));
                seq.setOrdinate(i, 1, x);
            }

            @Override
            public boolean isDone() { return false; }

            @Override
            public boolean isGeometryChanged() { return true; }
        });
        return copy;
    }
}
