package org.ecoplan.wms;

import org.ecoplan.catalog.crs.AxisOrder;
import org.ecoplan.catalog.crs.AxisOrders;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.ows.ServiceException;
import org.locationtech.jts.geom.Envelope;

/**
 * Reads the BBOX parameter (WMS 1.3.0 clause 7.3.3.6, WMS 1.1.1 clause 7.2.3.6) into an
 * east/north envelope. In 1.3.0 the four numbers follow the CRS's axis order (EPSG:4326 and
 * EPSG:4490 are minLat,minLon,maxLat,maxLon); in 1.1.1 they are always minx,miny,maxx,maxy.
 * {@link AxisOrders} decides which applies.
 */
public final class BboxParser {
    private BboxParser() {}

    public static Envelope parse(String text, CrsName crs, WmsVersion version) {
        if (text == null || text.isBlank()) {
            throw new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, "BBOX", "Missing parameter BBOX");
        }
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw bad("BBOX must have four comma-separated numbers, not '" + text + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw bad("BBOX value '" + parts[i].trim() + "' is not a number");
            }
            if (!Double.isFinite(v[i]) || Math.abs(v[i]) > org.ecoplan.ows.filter.BboxParameter.MAX_COORDINATE) {
                throw bad("BBOX value '" + parts[i].trim() + "' is out of range");
            }
        }
        if (v[0] >= v[2] || v[1] >= v[3]) {
            throw bad("BBOX minimum must be less than maximum on both axes: '" + text + "'");
        }
        boolean northFirst = AxisOrders.of(crs, version.axisConvention()) == AxisOrder.NORTH_EAST;
        return northFirst ? new Envelope(v[1], v[3], v[0], v[2]) : new Envelope(v[0], v[2], v[1], v[3]);
    }

    /** Writes an east/north envelope as minx,miny,maxx,maxy in the axis order of the CRS for a version. */
    public static double[] ordered(Envelope e, CrsName crs, WmsVersion version) {
        boolean northFirst = AxisOrders.of(crs, version.axisConvention()) == AxisOrder.NORTH_EAST;
        return northFirst
                ? new double[]{e.getMinY(), e.getMinX(), e.getMaxY(), e.getMaxX()}
                : new double[]{e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
    }

    private static ServiceException bad(String message) {
        return new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "BBOX", message);
    }
}
