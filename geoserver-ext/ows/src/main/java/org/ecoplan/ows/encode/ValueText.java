package org.ecoplan.ows.encode;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The lexical form of an attribute value in text encodings (GML, CSV): the XML Schema canonical
 * forms of xs:string, xs:long, xs:double (without exponent for ordinary magnitudes),
 * xs:boolean and xs:date.
 */
public final class ValueText {
    private ValueText() {}

    /** The text of a value; null stays null. */
    public static String of(Object value) {
        if (value == null) return null;
        if (value instanceof Double d) return ofDouble(d);
        if (value instanceof Float f) return ofDouble(f.doubleValue());
        if (value instanceof LocalDate d) return d.toString();
        return value.toString();
    }

    private static String ofDouble(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "INF" : "-INF";
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d) + ".0";
        double abs = Math.abs(d);
        if (abs >= 1e-6 && abs < 1e15) return BigDecimal.valueOf(d).toPlainString();
        return Double.toString(d).replace("Infinity", "INF");
    }
}
