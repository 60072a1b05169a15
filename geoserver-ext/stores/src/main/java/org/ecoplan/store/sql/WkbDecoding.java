package org.ecoplan.store.sql;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Reads 2D well-known binary (OGC 06-103r4, clause 8.2): points, line strings, polygons, their multi
 * forms and collections, in either byte order, into geometries whose coordinates lie in one packed
 * array per sequence. Anything else (Z or M ordinates, the PostGIS extended form with an SRID, other
 * types, rings JTS would repair, an unknown byte order) is read by JTS's {@link WKBReader}, which gives
 * the same geometries for the 2D forms (tested). WKB that ends early, or a count larger than the
 * bytes left could hold, is refused.
 *
 * <p>Why: every map, feature and tile request decodes its rows' geometries; JTS reads each ordinate
 * through a byte stream, here it is one unaligned load from the array.
 */
public final class WkbDecoding {
    private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LE_DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE_DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class,
            ByteOrder.BIG_ENDIAN);

    private final byte[] wkb;
    private final GeometryFactory factory;
    private int at;

    private WkbDecoding(byte[] wkb, int offset, GeometryFactory factory) {
        this.wkb = wkb;
        this.at = offset;
        this.factory = factory;
    }

    /** The geometry whose WKB starts at {@code offset} and runs to the end of the array. */
    public static Geometry decode(byte[] wkb, int offset, GeometryFactory factory) throws ParseException {
        try {
            WkbDecoding d = new WkbDecoding(wkb, offset, factory);
            Geometry g = d.geometry(0);
            if (g != null) return g;
        } catch (IndexOutOfBoundsException e) {
            throw new ParseException("WKB ends early");
        } catch (IllegalArgumentException e) {
            // a ring that is not closed or has too few points, a line of one point: JTS's reader, which
            // is not strict by default, repairs them as it reads, so it reads these too
        }
        byte[] rest = offset == 0 ? wkb : Arrays.copyOfRange(wkb, offset, wkb.length);
        return new WKBReader(factory).read(rest);
    }

    /**
     * The next geometry; null when it is of a form left to JTS. {@code within}: the type of the
     * collection holding it (0 at the top), whose members must be of the matching simple type.
     */
    private Geometry geometry(int within) throws ParseException {
        int order = wkb[at];
        if (order != 0 && order != 1) return null; // JTS decides what an unknown byte order means
        boolean little = order == 1;
        at++;
        int type = readInt(little);
        if (within >= 4 && within <= 6 && type != within - 3) return null;
        switch (type) {
            case 1 -> {
                double x = readDouble(little), y = readDouble(little);
                // an empty point has NaN coordinates by convention (JTS takes either one as empty)
                if (Double.isNaN(x) || Double.isNaN(y)) return factory.createPoint();
                return factory.createPoint(new PackedCoordinateSequence.Double(new double[]{x, y}, 2, 0));
            }
            case 2 -> {
                return factory.createLineString(sequence(little));
            }
            case 3 -> {
                int rings = count(little, 4);
                if (rings == 0) return factory.createPolygon();
                LinearRing shell = factory.createLinearRing(sequence(little));
                LinearRing[] holes = new LinearRing[rings - 1];
                for (int i = 0; i < holes.length; i++) holes[i] = factory.createLinearRing(sequence(little));
                return factory.createPolygon(shell, holes);
            }
            case 4, 5, 6, 7 -> {
                int n = count(little, 9);
                Geometry[] parts = new Geometry[n];
                for (int i = 0; i < n; i++) {
                    parts[i] = geometry(type);
                    if (parts[i] == null) return null;
                }
                return switch (type) {
                    case 4 -> factory.createMultiPoint(Arrays.copyOf(parts, n, Point[].class));
                    case 5 -> factory.createMultiLineString(Arrays.copyOf(parts, n, LineString[].class));
                    case 6 -> factory.createMultiPolygon(Arrays.copyOf(parts, n, Polygon[].class));
                    default -> factory.createGeometryCollection(parts);
                };
            }
            default -> {
                return null;
            }
        }
    }

    /** A count of items of at least {@code minBytes} each, which the bytes left must be able to hold. */
    private int count(boolean little, int minBytes) throws ParseException {
        int n = readInt(little);
        if (n < 0 || (long) n * minBytes > wkb.length - at)
            throw new ParseException("WKB count " + n + " exceeds the " + (wkb.length - at) + " bytes left");
        return n;
    }

    private PackedCoordinateSequence.Double sequence(boolean little) throws ParseException {
        int n = count(little, 16);
        double[] xy = new double[2 * n];
        VarHandle d = little ? LE_DOUBLE : BE_DOUBLE;
        for (int i = 0, k = at; i < xy.length; i++, k += 8) xy[i] = (double) d.get(wkb, k);
        at += 16 * n;
        return new PackedCoordinateSequence.Double(xy, 2, 0);
    }

    private int readInt(boolean little) {
        int v = (int) (little ? LE_INT : BE_INT).get(wkb, at);
        at += 4;
        return v;
    }

    private double readDouble(boolean little) {
        double v = (double) (little ? LE_DOUBLE : BE_DOUBLE).get(wkb, at);
        at += 8;
        return v;
    }
}
