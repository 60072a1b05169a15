package org.ecoplan.ows.gml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.ecoplan.catalog.crs.AxisOrder;
import org.ecoplan.catalog.query.QueryException;
import org.locationtech.jts.geom.Coordinate;

/**
 * Reads the coordinate encodings of GML: {@code gml:coordinates} with its {@code decimal},
 * {@code cs} and {@code ts} separators (GML 2.1.2 clause 5.1.2, GML 3.1.1 clause 9.3.1), and
 * {@code gml:pos} / {@code gml:posList} with {@code srsDimension} (GML 3.2.1 clause 10.1.4).
 * Only the first two ordinates of each position are kept; the axis order turns the written
 * order into east/north.
 */
final class GmlCoordinates {
    /** A plain decimal number; hexadecimal floats and Java's "d"/"f" suffixes are not GML. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,4})?");

    private GmlCoordinates() {}

    /** One ordinate; a clear error for text that is not a finite number. */
    static double number(String text, String where) {
        String t = text.trim();
        if (!NUMBER.matcher(t).matches()) {
            throw new QueryException(where + ": '" + abbreviate(t) + "' is not a number", where);
        }
        double d = Double.parseDouble(t);
        if (!Double.isFinite(d)) throw new QueryException(where + ": " + abbreviate(t) + " is out of range", where);
        return d;
    }

    /** The positions of a whitespace-separated list of ordinates, {@code dimension} per position. */
    static List<Coordinate> posList(String text, int dimension, AxisOrder order, String where) {
        String t = text.trim();
        if (t.isEmpty()) return List.of();
        String[] parts = t.split("\\s+");
        if (dimension < 2)
            throw new QueryException(where + ": srsDimension must be at least 2, got " + dimension, where);
        if (parts.length % dimension != 0) {
            throw new QueryException(where + ": " + parts.length + " ordinates is not a whole number of "
                    + dimension + "-dimensional positions", where);
        }
        List<Coordinate> out = new ArrayList<>(parts.length / dimension);
        for (int i = 0; i < parts.length; i += dimension) {
            out.add(coordinate(number(parts[i], where), number(parts[i + 1], where), order));
        }
        return out;
    }

    /** A single gml:pos; any ordinates after the second (height) are ignored. */
    static Coordinate pos(String text, AxisOrder order, String where) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length < 2 || parts[0].isEmpty()) {
            throw new QueryException(
                    where + ": a position needs at least two ordinates, got '" + abbreviate(text.trim()) + "'", where);
        }
        return coordinate(number(parts[0], where), number(parts[1], where), order);
    }

    /**
     * A gml:coordinates string. The tuple separator {@code ts} defaults to white space, the
     * coordinate separator {@code cs} to ",", the decimal mark to ".".
     */
    static List<Coordinate> coordinates(String text, String decimal, String cs, String ts, AxisOrder order,
            String where) {
        String dec = decimal == null || decimal.isEmpty() ? "." : decimal;
        String c = cs == null || cs.isEmpty() ? "," : cs;
        String t = ts == null || ts.isEmpty() ? " " : ts;
        if (dec.equals(c) || dec.equals(t) || c.equals(t)) {
            throw new QueryException(where + ": decimal, cs and ts must differ", where);
        }
        String body = text.trim();
        if (body.isEmpty()) return List.of();
        String[] tuples = t.isBlank() ? body.split("\\s+") : body.split(Pattern.quote(t));
        List<Coordinate> out = new ArrayList<>(tuples.length);
        for (String tuple : tuples) {
            String trimmed = tuple.trim();
            if (trimmed.isEmpty()) continue;
            String[] ords = trimmed.split(Pattern.quote(c), -1);
            if (ords.length < 2) {
                throw new QueryException(where + ": tuple '" + abbreviate(trimmed)
                        + "' needs at least two ordinates separated by '" + c + "'", where);
            }
            double a = number(ords[0].replace(dec, "."), where);
            double b = number(ords[1].replace(dec, "."), where);
            out.add(coordinate(a, b, order));
        }
        return out;
    }

    /** The written pair (first, second) as an east/north coordinate. */
    static Coordinate coordinate(double first, double second, AxisOrder order) {
        return order == AxisOrder.NORTH_EAST ? new Coordinate(second, first) : new Coordinate(first, second);
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
