package org.ecoplan.ows.filter;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.crs.AxisConvention;
import org.ecoplan.catalog.crs.AxisOrder;
import org.ecoplan.catalog.crs.AxisOrders;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.QueryException;
import org.ecoplan.catalog.query.SpatialOperator;
import org.ecoplan.ows.filter.CqlLexer.Kind;
import org.ecoplan.ows.filter.CqlLexer.Token;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The spatial predicates of the CQL_FILTER subset: {@code INTERSECTS, WITHIN, CONTAINS, DISJOINT,
 * TOUCHES, CROSSES, OVERLAPS, EQUALS (geom, WKT)}, {@code DWITHIN / BEYOND (geom, WKT, distance,
 * units)} and {@code BBOX (geom, minx, miny, maxx, maxy [, 'crs'])}. WKT literals (read with JTS)
 * are x/y in the layer's native CRS, or in the CRS of an EWKT {@code SRID=n;} prefix; a BBOX CRS
 * is read with the axis order of its form ({@link AxisConvention#BY_FORM}). Units are those of
 * {@link LengthUnit} ("meters", "kilometers", "feet", "statute miles", "nautical miles", ...).
 */
final class CqlSpatialPredicates {
    private static final Map<String, SpatialOperator> BINARY = Map.of(
            "INTERSECTS", SpatialOperator.INTERSECTS, "WITHIN", SpatialOperator.WITHIN,
            "CONTAINS", SpatialOperator.CONTAINS, "DISJOINT", SpatialOperator.DISJOINT,
            "TOUCHES", SpatialOperator.TOUCHES, "CROSSES", SpatialOperator.CROSSES,
            "OVERLAPS", SpatialOperator.OVERLAPS, "EQUALS", SpatialOperator.EQUALS);
    private static final Set<String> WKT_TYPES = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
            "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION", "ENVELOPE", "SRID");

    private final FeatureType type;
    private final CqlLexer lexer;
    private final NativeSpatialFilters filters;

    CqlSpatialPredicates(FeatureType type, CqlLexer lexer) {
        this.type = type;
        this.lexer = lexer;
        this.filters = new NativeSpatialFilters(type);
    }

    static boolean isPredicate(String word) {
        String w = word.toUpperCase(Locale.ROOT);
        return BINARY.containsKey(w) || w.equals("BBOX") || w.equals("DWITHIN") || w.equals("BEYOND");
    }

    /** Parses one predicate, the lexer positioned on its name. */
    Filter parse() {
        Token name = lexer.next();
        String op = name.text().toUpperCase(Locale.ROOT);
        expect("(");
        try {
            Filter f = switch (op) {
                case "BBOX" -> bbox(name);
                case "DWITHIN", "BEYOND" -> distance(op);
                default -> binary(op);
            };
            expect(")");
            return f;
        } catch (QueryException e) {
            throw lexer.error(e.getMessage(), name.start());
        }
    }

    private Filter binary(String op) {
        Literal lit;
        if (isWktStart(lexer.peek())) {
            lit = wkt();
            expect(",");
            geometryProperty(op);
        } else {
            geometryProperty(op);
            expect(",");
            lit = wkt();
        }
        return filters.spatial(BINARY.get(op), lit.geometry(), lit.crs());
    }

    private Filter distance(String op) {
        geometryProperty(op);
        expect(",");
        Literal lit = wkt();
        expect(",");
        Token d = lexer.next();
        if (d.kind() != Kind.NUMBER) throw lexer.error("expected a distance", d.start());
        double distance = number(d, lexer).doubleValue();
        expect(",");
        int unitStart = lexer.offset();
        StringBuilder unit = new StringBuilder();
        while (lexer.peek().kind() == Kind.WORD || lexer.peek().kind() == Kind.STRING) {
            if (!unit.isEmpty()) unit.append(' ');
            unit.append(lexer.next().text());
        }
        if (unit.isEmpty()) throw lexer.error("expected distance units (meters, kilometers, feet, ...)", unitStart);
        LengthUnit u = LengthUnit.of(unit.toString())
                .orElseThrow(() -> lexer.error("unknown distance units '" + unit + "'", unitStart));
        SpatialOperator sop = op.equals("DWITHIN") ? SpatialOperator.DWITHIN : SpatialOperator.BEYOND;
        return filters.distance(sop, lit.geometry(), lit.crs(), distance, u);
    }

    private Filter bbox(Token name) {
        geometryProperty("BBOX");
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            expect(",");
            Token t = lexer.next();
            if (t.kind() != Kind.NUMBER) throw lexer.error("expected a number", t.start());
            v[i] = number(t, lexer).doubleValue();
        }
        CrsName crs = null;
        if (lexer.peek().is(",")) {
            lexer.next();
            Token c = lexer.next();
            if (c.kind() != Kind.STRING) throw lexer.error("expected a quoted CRS name such as 'EPSG:4326'", c.start());
            crs = CrsRegistry.parse(c.text())
                    .orElseThrow(() -> lexer.error("unknown CRS '" + c.text() + "'", c.start()));
        }
        if (v[0] > v[2] || v[1] > v[3]) throw lexer.error("BBOX minimum is greater than its maximum", name.start());
        Crs target = crs == null ? filters.nativeCrs("BBOX") : crs.crs();
        boolean swap = crs != null && AxisOrders.of(crs, AxisConvention.BY_FORM) == AxisOrder.NORTH_EAST;
        Envelope e = swap ? new Envelope(v[1], v[3], v[0], v[2]) : new Envelope(v[0], v[2], v[1], v[3]);
        return filters.bbox(e, target);
    }

    private void geometryProperty(String op) {
        Token t = lexer.next();
        if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED_NAME)
            throw lexer.error("expected the geometry property", t.start());
        if (!type.hasGeometry() || !type.isGeometry(t.text())) {
            String why = !type.hasGeometry()
                    ? "feature type '" + type.name() + "' has no geometry"
                    : "'" + t.text() + "' is not the geometry property (use '" + type.geometry().name() + "')";
            throw lexer.error(op + ": " + why, t.start());
        }
    }

    private static boolean isWktStart(Token t) {
        return t.kind() == Kind.WORD && WKT_TYPES.contains(t.text().toUpperCase(Locale.ROOT));
    }

    /** A WKT literal and the CRS it is in. */
    private record Literal(Geometry geometry, Crs crs) {}

    /** Reads raw WKT from the current position up to its balanced closing parenthesis. */
    private Literal wkt() {
        String text = lexer.text();
        int start = lexer.offset();
        Crs crs = filters.nativeCrs("spatial predicate");
        int i = start;
        java.util.regex.Matcher srid = java.util.regex.Pattern.compile("(?i)SRID\\s*=\\s*(\\d{1,6})\\s*;\\s*")
                .matcher(text).region(start, text.length());
        if (srid.lookingAt()) {
            int code = Integer.parseInt(srid.group(1));
            crs = CrsRegistry.byEpsg(code).orElseThrow(() -> lexer.error("unknown SRID " + code, start));
            i = srid.end();
        }
        int wktStart = i;
        while (i < text.length() && (Character.isLetter(text.charAt(i)) || Character.isWhitespace(text.charAt(i)))) i++;
        String word = text.substring(wktStart, i).trim();
        if (word.isEmpty()) throw lexer.error("expected a WKT geometry", wktStart);
        if (word.toUpperCase(Locale.ROOT).endsWith("EMPTY"))
            throw lexer.error("an empty geometry cannot be compared", wktStart);
        if (i >= text.length() || text.charAt(i) != '(') throw lexer.error("expected '(' in WKT geometry", i);
        int end = lexer.balancedEnd(i);
        if (end < 0) throw lexer.error("unbalanced parentheses in WKT geometry", wktStart);
        String wkt = text.substring(wktStart, end);
        lexer.resumeAt(end);
        Geometry g;
        if (word.equalsIgnoreCase("ENVELOPE")) {
            g = envelope(wkt.substring(wkt.indexOf('(') + 1, wkt.length() - 1), wktStart);
        } else {
            try {
                g = new WKTReader().read(wkt);
            } catch (ParseException | IllegalArgumentException e) {
                throw lexer.error("invalid WKT geometry (" + e.getMessage() + ")", wktStart);
            }
        }
        for (var c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y))
                throw lexer.error("WKT coordinate out of range", wktStart);
        }
        return new Literal(g, crs);
    }

    /** ECQL ENVELOPE(minx, maxx, maxy, miny). */
    private Geometry envelope(String body, int at) {
        String[] p = body.split(",");
        if (p.length != 4) throw lexer.error("ENVELOPE needs four numbers: minx, maxx, maxy, miny", at);
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(p[i].trim());
            } catch (NumberFormatException e) {
                throw lexer.error("ENVELOPE value '" + p[i].trim() + "' is not a number", at);
            }
            if (!Double.isFinite(v[i])) throw lexer.error("ENVELOPE value out of range", at);
        }
        return new GeometryFactory().toGeometry(new Envelope(v[0], v[1], v[3], v[2]));
    }

    private void expect(String symbol) {
        Token t = lexer.peek();
        if (!t.is(symbol)) throw lexer.error("expected '" + symbol + "'", t.start());
        lexer.next();
    }

    /** A numeric token as Long when integral and in range, else a finite Double. */
    static Number number(Token t, CqlLexer lexer) {
        String s = t.text();
        try {
            if (s.matches("[+-]?\\d{1,18}")) return Long.parseLong(s);
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) throw lexer.error("number " + abbreviate(s) + " is out of range", t.start());
            return d;
        } catch (NumberFormatException e) {
            throw lexer.error("malformed number '" + abbreviate(s) + "'", t.start());
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 30 ? s : s.substring(0, 30) + "...";
    }
}
