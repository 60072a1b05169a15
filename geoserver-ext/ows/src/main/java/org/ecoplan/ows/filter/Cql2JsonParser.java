package org.ecoplan.ows.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * CQL2 JSON (OGC 21-065r2 clause 9, conformance class cql2-json) for the same operators as
 * {@link Cql2TextParser}: {@code {"op": ..., "args": [...]}}, {@code {"property": ...}},
 * {@code {"date": ...}}, {@code {"timestamp": ...}}, {@code {"bbox": [...]}} and GeoJSON
 * geometries. Nesting and size are bounded.
 */
public final class Cql2JsonParser {
    private static final int MAX_DEPTH = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200)
                .maxStringLength(Cql2TextParser.MAX_LENGTH).maxNumberLength(100).build());
    }

    private static final Set<String> OPS = Set.of("and", "or", "not", "=", "<>", "<", ">", "<=", ">=", "like",
            "between", "in", "isnull", "casei");
    private static final GeometryFactory GF = new GeometryFactory();

    private final String locator;

    private Cql2JsonParser(String locator) {
        this.locator = locator;
    }

    public static Cql2Expression parse(String text, String locator) {
        if (text == null || text.isBlank()) throw Cql2TextParser.invalid(locator, "the filter is empty");
        if (text.length() > Cql2TextParser.MAX_LENGTH) {
            throw Cql2TextParser.invalid(locator, "the filter is longer than " + Cql2TextParser.MAX_LENGTH
                    + " characters");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw Cql2TextParser.invalid(locator, "not JSON: " + e.getOriginalMessage());
        }
        return new Cql2JsonParser(locator).expression(root, 0);
    }

    private Cql2Expression expression(JsonNode n, int depth) {
        if (depth > MAX_DEPTH) throw bad("the filter nests deeper than " + MAX_DEPTH + " levels");
        if (n == null || n.isNull()) throw bad("null is not an expression");
        if (n.isBoolean()) return new Cql2Expression.Literal(n.booleanValue());
        if (n.isTextual()) return new Cql2Expression.Literal(n.textValue());
        if (n.isIntegralNumber() && n.canConvertToLong()) return new Cql2Expression.Literal(n.longValue());
        if (n.isNumber()) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) throw bad("a number is out of range");
            return new Cql2Expression.Literal(d);
        }
        if (n.isArray()) {
            List<Cql2Expression> items = new ArrayList<>();
            for (JsonNode x : n) items.add(expression(x, depth + 1));
            return new Cql2Expression.Array(items);
        }
        if (!n.isObject()) throw bad("unexpected JSON value " + n.getNodeType());
        if (n.has("op")) {
            String op = n.path("op").asText().toLowerCase(Locale.ROOT);
            if (!OPS.contains(op) && !Cql2TextParser.SPATIAL.contains(op)) {
                throw bad("operator '" + abbreviate(n.path("op").asText()) + "' is not supported");
            }
            JsonNode args = n.get("args");
            if (args == null || !args.isArray()) throw bad("operator '" + op + "' needs an args array");
            List<Cql2Expression> list = new ArrayList<>();
            for (JsonNode a : args) {
                list.add(Cql2TextParser.SPATIAL.contains(op) ? spatialOperand(a, depth + 1) : expression(a, depth + 1));
            }
            return new Cql2Expression.Call(op, list);
        }
        if (n.has("property")) return new Cql2Expression.Property(n.path("property").asText());
        if (n.has("date")) return new Cql2Expression.Literal(date(n.path("date").asText(), true));
        if (n.has("timestamp")) return new Cql2Expression.Literal(date(n.path("timestamp").asText(), false));
        if (n.has("bbox") || n.has("type")) return spatialOperand(n, depth);
        throw bad("unknown expression " + abbreviate(n.toString()));
    }

    private Cql2Expression spatialOperand(JsonNode n, int depth) {
        if (n.isObject() && n.has("property")) return new Cql2Expression.Property(n.path("property").asText());
        if (n.isObject() && n.has("bbox")) {
            double[] v = numbers(n.get("bbox"));
            if (v.length != 4 && v.length != 6) throw bad("bbox takes 4 or 6 numbers");
            int d = v.length / 2;
            if (v[0] > v[d] || v[1] > v[d + 1]) throw bad("bbox lower corner is above or right of its upper corner");
            return new Cql2Expression.Spatial(GF.toGeometry(new Envelope(v[0], v[d], v[1], v[d + 1])));
        }
        if (n.isObject() && n.has("type")) return new Cql2Expression.Spatial(geometry(n));
        throw bad("expected a geometry property, a GeoJSON geometry or a bbox");
    }

    /** A GeoJSON geometry (RFC 7946 clause 3.1). */
    private Geometry geometry(JsonNode n) {
        String type = n.path("type").asText();
        JsonNode c = n.get("coordinates");
        if (c == null && !type.equals("GeometryCollection")) throw bad(type + " has no coordinates");
        Geometry g = switch (type) {
            case "Point" -> GF.createPoint(coordinate(c));
            case "MultiPoint" -> GF.createMultiPointFromCoords(coordinates(c));
            case "LineString" -> GF.createLineString(coordinates(c));
            case "MultiLineString" -> {
                List<org.locationtech.jts.geom.LineString> lines = new ArrayList<>();
                for (JsonNode l : c) lines.add(GF.createLineString(coordinates(l)));
                yield GF.createMultiLineString(lines.toArray(org.locationtech.jts.geom.LineString[]::new));
            }
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> {
                List<Polygon> polygons = new ArrayList<>();
                for (JsonNode p : c) polygons.add(polygon(p));
                yield GF.createMultiPolygon(polygons.toArray(Polygon[]::new));
            }
            default -> throw bad("geometry type '" + abbreviate(type) + "' is not supported");
        };
        if (g.isEmpty()) throw bad("an empty geometry cannot be compared");
        return g;
    }

    private Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) throw bad("a Polygon needs at least one ring");
        List<LinearRing> list = new ArrayList<>();
        try {
            for (JsonNode r : rings) list.add(GF.createLinearRing(coordinates(r)));
        } catch (IllegalArgumentException e) {
            throw bad("invalid polygon ring: " + e.getMessage());
        }
        return GF.createPolygon(list.get(0), list.subList(1, list.size()).toArray(LinearRing[]::new));
    }

    private Coordinate[] coordinates(JsonNode arr) {
        if (arr == null || !arr.isArray()) throw bad("expected an array of positions");
        Coordinate[] out = new Coordinate[arr.size()];
        Iterator<JsonNode> it = arr.elements();
        for (int i = 0; it.hasNext(); i++) out[i] = coordinate(it.next());
        return out;
    }

    private Coordinate coordinate(JsonNode p) {
        double[] v = numbers(p);
        if (v.length < 2 || v.length > 3) throw bad("a position has 2 or 3 numbers");
        return new Coordinate(v[0], v[1]);
    }

    private double[] numbers(JsonNode arr) {
        if (arr == null || !arr.isArray()) throw bad("expected an array of numbers");
        double[] v = new double[arr.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode x = arr.get(i);
            if (!x.isNumber() || !Double.isFinite(x.doubleValue()) || Math.abs(x.doubleValue()) > 1e10) {
                throw bad("expected a number in range, found " + abbreviate(x.toString()));
            }
            v[i] = x.doubleValue();
        }
        return v;
    }

    private LocalDate date(String s, boolean date) {
        try {
            return date
                    ? LocalDate.parse(s)
                    : OffsetDateTime.parse(s).atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            throw bad("'" + abbreviate(s) + "' is not an RFC 3339 " + (date ? "date" : "timestamp"));
        }
    }

    private org.ecoplan.ows.ServiceException bad(String message) {
        return Cql2TextParser.invalid(locator, message);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

}
