package org.ecoplan.catalog.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.ecoplan.catalog.AttributeDescriptor;

/**
 * Converts a filter literal to the value type of the attribute it is compared with (OGC Filter
 * Encoding 2.0, clause 7.7.2: literals take the type of the property they are compared to).
 * Numbers stay numeric: a fractional literal compared with an integer attribute is kept as a
 * Double so "count &gt; 2.5" means what it says.
 */
public final class LiteralConversion {
    private LiteralConversion() {}

    /**
     * The literal as the attribute's Java type (or Double for a fractional value against an integer).
     *
     * @throws QueryException naming the property when the literal cannot be read as that type
     */
    public static Object convert(AttributeDescriptor attribute, Object literal) {
        if (literal == null)
            throw new QueryException("no value given to compare with '" + attribute.name() + "'", attribute.name());
        try {
            return switch (attribute.type()) {
                case STRING -> literal instanceof LocalDate d ? d.toString() : String.valueOf(literal);
                case INTEGER -> toInteger(literal);
                case DOUBLE -> literal instanceof Number n
                        ? (Object) n.doubleValue()
                        : (Object) Double.parseDouble(literal.toString().trim());
                case BOOLEAN -> toBoolean(literal);
                case DATE -> toDate(literal);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw bad(attribute, literal);
        } catch (IllegalArgumentException e) {
            throw bad(attribute, literal);
        }
    }

    private static QueryException bad(AttributeDescriptor a, Object literal) {
        return new QueryException("value '" + literal + "' is not a valid " + a.type().name().toLowerCase(Locale.ROOT)
                + " for property '" + a.name() + "'", a.name());
    }

    private static Object toInteger(Object literal) {
        if (literal instanceof Long || literal instanceof Integer || literal instanceof Short)
            return ((Number) literal).longValue();
        if (literal instanceof Number n) return integralOrDouble(n.doubleValue());
        String s = literal.toString().trim();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return integralOrDouble(Double.parseDouble(s));
        }
    }

    private static Object integralOrDouble(double d) {
        if (!Double.isFinite(d)) throw new NumberFormatException("not finite");
        if (d == Math.rint(d) && Math.abs(d) < 9.0e15) return (long) d;
        return d;
    }

    private static Boolean toBoolean(Object literal) {
        if (literal instanceof Boolean b) return b;
        String s = literal.toString().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(s);
        };
    }

    private static LocalDate toDate(Object literal) {
        if (literal instanceof LocalDate d) return d;
        String s = literal.toString().trim();
        // a dateTime literal compared with a date property compares its calendar date
        if (s.length() > 10 && s.charAt(10) == 'T') s = s.substring(0, 10);
        return LocalDate.parse(s);
    }
}
