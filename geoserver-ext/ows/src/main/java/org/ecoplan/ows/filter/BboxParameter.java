package org.ecoplan.ows.filter;

import java.util.regex.Pattern;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.crs.AxisConvention;
import org.ecoplan.catalog.crs.AxisOrder;
import org.ecoplan.catalog.crs.AxisOrders;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.QueryException;
import org.ecoplan.ows.ServiceException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The KVP {@code BBOX} parameter of WFS 2.0 (clause 7.9.2.4.1, with the OWS Common 1.1 clause
 * 10.2.3 encoding): {@code lowerCorner,upperCorner[,crs]}, two or three ordinates per corner in
 * the axis order of the CRS as {@link AxisOrders} decides for its form ("EPSG:4326" x/y,
 * "urn:ogc:def:crs:EPSG::4326" lat/lon under {@link AxisConvention#BY_FORM}). Without a CRS the
 * caller's default applies.
 */
public final class BboxParameter {
    public static final String NAME = "BBOX";
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,4})?");

    /** A decoded BBOX value: the box east/north in the CRS it was given in. */
    public record Value(Envelope envelope, CrsName crs) {}

    private BboxParameter() {}

    /**
     * Decodes the value.
     *
     * @param defaultCrs CRS when the value names none (WFS 2.0: the type's default CRS)
     * @throws ServiceException InvalidParameterValue, locator BBOX
     */
    public static Value decode(String value, CrsName defaultCrs, AxisConvention convention) {
        if (value == null || value.isBlank()) throw invalid("BBOX is empty");
        String[] parts = value.split(",", -1);
        int numbers = parts.length;
        CrsName crs = defaultCrs;
        String last = parts[parts.length - 1].trim();
        if (!NUMBER.matcher(last).matches()) {
            numbers--;
            crs = CrsRegistry.parse(last).orElseThrow(() -> invalid("unknown CRS '" + abbreviate(last) + "'"));
        }
        if (numbers != 4 && numbers != 6) {
            throw invalid(
                    "expected minx,miny,maxx,maxy[,crs] (or six values for 3D corners), got " + numbers + " value(s)");
        }
        double[] v = new double[numbers];
        for (int i = 0; i < numbers; i++) v[i] = number(parts[i], i + 1);
        int dim = numbers / 2;
        double[] lower = {v[0], v[1]};
        double[] upper = {v[dim], v[dim + 1]};
        if (lower[0] > upper[0] || lower[1] > upper[1]) {
            throw invalid("the lower corner (" + lower[0] + "," + lower[1] + ") is above or right of the upper corner ("
                    + upper[0] + "," + upper[1] + ")");
        }
        boolean northFirst = AxisOrders.of(crs, convention) == AxisOrder.NORTH_EAST;
        Coordinate a = northFirst ? new Coordinate(lower[1], lower[0]) : new Coordinate(lower[0], lower[1]);
        Coordinate b = northFirst ? new Coordinate(upper[1], upper[0]) : new Coordinate(upper[0], upper[1]);
        return new Value(new Envelope(a, b), crs);
    }

    /**
     * The BBOX as a filter on the type, in its native CRS, with WFS 2.0 defaults: no CRS given
     * means the type's native CRS in URN form; axis order by form.
     */
    public static Filter.BBox parse(String value, FeatureType type) {
        return parse(value, type, FesFilterParser.defaultCrs(type), AxisConvention.BY_FORM);
    }

    public static Filter.BBox parse(String value, FeatureType type, CrsName defaultCrs, AxisConvention convention) {
        Value v = decode(value, defaultCrs, convention);
        try {
            return new NativeSpatialFilters(type).bbox(v.envelope(), v.crs().crs());
        } catch (QueryException e) {
            throw FesFilterParser.invalid(NAME, e);
        }
    }

    /** The largest coordinate magnitude a BBOX may hold. */
    public static final double MAX_COORDINATE = 1e10;

    private static double number(String text, int index) {
        String t = text.trim();
        if (!NUMBER.matcher(t).matches()) throw invalid("value " + index + " '" + abbreviate(t) + "' is not a number");
        double d = Double.parseDouble(t);
        // no coordinate of any offered CRS comes near 1e10 (Gauss-Krüger eastings with zone are below 1e8);
        // larger values only overflow the transformations
        if (!Double.isFinite(d) || Math.abs(d) > MAX_COORDINATE) throw invalid("value " + index + " is out of range");
        return d;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, NAME, "BBOX: " + message);
    }
}
