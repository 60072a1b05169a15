package org.ecoplan.loader.check;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecoplan.catalog.AttributeDescriptor;

/**
 * Turns a raw source value into the Java value of an attribute's type (xs:string, xs:long,
 * xs:double, xs:boolean, xs:date) and checks it against the attribute's code list. Text from CSV
 * is parsed; JSON numbers and booleans are taken as they are. A blank value is null.
 */
public final class AttributeValueParser {
    private AttributeValueParser() {}

    /**
     * @return the typed value, or null for an absent or blank value
     * @throws IllegalArgumentException naming the offending value and the expected type
     */
    public static Object parse(Object raw, AttributeDescriptor a) {
        if (raw == null || (raw instanceof String s && s.isBlank())) return null;
        if (raw instanceof Map<?, ?> || raw instanceof List<?>) {
            throw new IllegalArgumentException(
                    "a nested JSON value is not allowed (" + a.type().name().toLowerCase(Locale.ROOT) + " expected)");
        }
        Object v = switch (a.type()) {
            case STRING -> string(raw);
            case INTEGER -> integer(raw);
            case DOUBLE -> number(raw);
            case BOOLEAN -> bool(raw);
            case DATE -> date(raw);
        };
        if (!a.codes().isEmpty() && !a.codes().contains(v.toString())) {
            throw new IllegalArgumentException("value '" + v + "' is not in the code list " + a.codes());
        }
        return v;
    }

    private static String string(Object raw) {
        // integral JSON numbers are accepted for codes such as administrative division codes
        if (raw instanceof String s) return s;
        if (raw instanceof Long n) return n.toString();
        throw wrong(raw, "a string");
    }

    private static Long integer(Object raw) {
        if (raw instanceof Long n) return n;
        if (raw instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15) return d.longValue();
        if (raw instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw wrong(raw, "an integer");
            }
        }
        throw wrong(raw, "an integer");
    }

    private static Double number(Object raw) {
        double d;
        if (raw instanceof Number n) d = n.doubleValue();
        else if (raw instanceof String s) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw wrong(raw, "a number");
            }
        } else throw wrong(raw, "a number");
        if (!Double.isFinite(d)) throw wrong(raw, "a finite number");
        return d;
    }

    private static Boolean bool(Object raw) {
        if (raw instanceof Boolean b) return b;
        String s = raw.toString().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw wrong(raw, "a boolean (true or false)");
        };
    }

    private static LocalDate date(Object raw) {
        // binary formats (a Shapefile's dBASE D field) deliver dates already typed
        if (raw instanceof LocalDate d) return d;
        if (raw instanceof String s) {
            try {
                return LocalDate.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw wrong(raw, "a date (YYYY-MM-DD)");
            }
        }
        throw wrong(raw, "a date (YYYY-MM-DD)");
    }

    private static IllegalArgumentException wrong(Object raw, String expected) {
        String shown = raw instanceof String ? "'" + raw + "'" : String.valueOf(raw);
        return new IllegalArgumentException("wrong type: " + shown + " is not " + expected);
    }
}
