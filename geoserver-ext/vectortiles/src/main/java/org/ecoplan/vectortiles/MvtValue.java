package org.ecoplan.vectortiles;

import java.time.temporal.TemporalAccessor;

/**
 * The MVT Value message (Mapbox Vector Tile Specification 2.1, §4.1): attribute values as string,
 * double, signed integer or bool. Dates travel as ISO-8601 text.
 */
final class MvtValue {
    private MvtValue() {}

    /** The value as one of String, Double, Long, Boolean; null stays null. */
    static Object normalise(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double)
            return v;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof TemporalAccessor) return v.toString();
        return v.toString();
    }

    static byte[] encode(Object v) {
        ProtoWriter w = new ProtoWriter();
        if (v instanceof String s) w.stringField(1, s);
        else if (v instanceof Double d) w.doubleField(3, d);
        else if (v instanceof Long l) w.varintField(6, (l << 1) ^ (l >> 63));
        else if (v instanceof Boolean b) w.varintField(7, b ? 1 : 0);
        else throw new IllegalArgumentException("not an MVT value: " + v.getClass().getSimpleName());
        return w.toByteArray();
    }
}
