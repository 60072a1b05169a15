package org.ecoplan.ows.filter;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.ows.filter.CqlLexer.Kind;
import org.ecoplan.ows.filter.CqlLexer.Token;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * CQL2 text (OGC 21-065r2 clause 8, conformance class cql2-text) for the classes this server
 * implements: Basic CQL2 (comparisons, IS NULL, AND / OR / NOT, TRUE / FALSE, DATE and TIMESTAMP
 * literals), Advanced Comparison (LIKE, BETWEEN, IN), Case-insensitive Comparison (CASEI) and the
 * spatial functions (S_INTERSECTS, S_EQUALS, S_DISJOINT, S_TOUCHES, S_WITHIN, S_OVERLAPS,
 * S_CROSSES, S_CONTAINS) with WKT and BBOX literals. A recursive descent with a nesting limit;
 * length is checked before parsing.
 */
public final class Cql2TextParser {
    public static final int MAX_LENGTH = CqlParser.MAX_LENGTH;
    private static final int MAX_DEPTH = 64;
    static final Set<String> SPATIAL = Set.of("s_intersects", "s_equals", "s_disjoint", "s_touches", "s_within",
            "s_overlaps", "s_crosses", "s_contains");
    private static final Set<String> COMPARISON = Set.of("=", "<>", "<", ">", "<=", ">=");

    private final CqlLexer lexer;
    private final String locator;
    private int depth;

    private Cql2TextParser(String text, String locator) {
        this.lexer = new CqlLexer(text, locator);
        this.locator = locator;
    }

    /** Parses CQL2 text; errors are InvalidParameterValue (400) naming {@code locator} and the character. */
    public static Cql2Expression parse(String text, String locator) {
        if (text == null || text.isBlank()) throw invalid(locator, "the filter is empty");
        if (text.length() > MAX_LENGTH)
            throw invalid(locator, "the filter is longer than " + MAX_LENGTH + " characters");
        Cql2TextParser p = new Cql2TextParser(text, locator);
        Cql2Expression e = p.or();
        Token end = p.lexer.peek();
        if (end.kind() != Kind.END) throw p.lexer.error("unexpected '" + end.text() + "'", end.start());
        return e;
    }

    static ServiceException invalid(String locator, String message) {
        return new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, locator, locator + ": " + message);
    }

    private Cql2Expression or() {
        enter();
        List<Cql2Expression> parts = new ArrayList<>(List.of(and()));
        while (accept("OR")) parts.add(and());
        depth--;
        return parts.size() == 1 ? parts.get(0) : new Cql2Expression.Call("or", parts);
    }

    private Cql2Expression and() {
        List<Cql2Expression> parts = new ArrayList<>(List.of(not()));
        while (accept("AND")) parts.add(not());
        return parts.size() == 1 ? parts.get(0) : new Cql2Expression.Call("and", parts);
    }

    private Cql2Expression not() {
        if (accept("NOT")) {
            enter();
            Cql2Expression e = new Cql2Expression.Call("not", List.of(not()));
            depth--;
            return e;
        }
        return primary();
    }

    private Cql2Expression primary() {
        Token t = lexer.peek();
        if (t.is("(")) {
            lexer.next();
            Cql2Expression e = or();
            expect(")");
            return e;
        }
        if (t.kind() == Kind.WORD && SPATIAL.contains(t.text().toLowerCase(Locale.ROOT))) {
            lexer.next();
            expect("(");
            Cql2Expression a = geometryOperand();
            expect(",");
            Cql2Expression b = geometryOperand();
            expect(")");
            return new Cql2Expression.Call(t.text().toLowerCase(Locale.ROOT), List.of(a, b));
        }
        if (t.is("TRUE") || t.is("FALSE")) {
            // a boolean literal is a predicate of its own (Basic CQL2)
            lexer.next();
            return new Cql2Expression.Literal(t.is("TRUE"));
        }
        return predicate();
    }

    private Cql2Expression predicate() {
        Cql2Expression left = scalar();
        Token op = lexer.peek();
        if (op.kind() == Kind.SYMBOL && COMPARISON.contains(op.text())) {
            lexer.next();
            return new Cql2Expression.Call(op.text(), List.of(left, scalar()));
        }
        boolean negated = accept("NOT");
        Cql2Expression p;
        if (accept("LIKE")) {
            p = new Cql2Expression.Call("like", List.of(left, scalar()));
        } else if (accept("BETWEEN")) {
            Cql2Expression lo = scalar();
            expect("AND");
            p = new Cql2Expression.Call("between", List.of(left, lo, scalar()));
        } else if (accept("IN")) {
            expect("(");
            List<Cql2Expression> items = new ArrayList<>();
            do {
                items.add(scalar());
            } while (accept(","));
            expect(")");
            p = new Cql2Expression.Call("in", List.of(left, new Cql2Expression.Array(items)));
        } else if (!negated && accept("IS")) {
            boolean isNot = accept("NOT");
            expect("NULL");
            Cql2Expression n = new Cql2Expression.Call("isnull", List.of(left));
            return isNot ? new Cql2Expression.Call("not", List.of(n)) : n;
        } else {
            Token t = lexer.peek();
            throw lexer.error(t.kind() == Kind.END
                    ? "the filter ends before its predicate"
                    : "expected a comparison, LIKE, BETWEEN, IN or IS NULL, found '" + t.text() + "'", t.start());
        }
        return negated ? new Cql2Expression.Call("not", List.of(p)) : p;
    }

    /** A property, a literal, or CASEI(...) / DATE('...') / TIMESTAMP('...'). */
    private Cql2Expression scalar() {
        Token t = lexer.next();
        switch (t.kind()) {
            case STRING :
                return new Cql2Expression.Literal(t.text());
            case NUMBER :
                return new Cql2Expression.Literal(CqlSpatialPredicates.number(t, lexer));
            case QUOTED_NAME :
                return new Cql2Expression.Property(t.text());
            case WORD :
                String w = t.text().toUpperCase(Locale.ROOT);
                if (w.equals("TRUE") || w.equals("FALSE")) return new Cql2Expression.Literal(w.equals("TRUE"));
                if (lexer.peek().is("(")) {
                    switch (w) {
                        case "CASEI" -> {
                            expect("(");
                            Cql2Expression inner = scalar();
                            expect(")");
                            return new Cql2Expression.Call("casei", List.of(inner));
                        }
                        case "DATE", "TIMESTAMP" -> {
                            expect("(");
                            Token s = lexer.next();
                            if (s.kind() != Kind.STRING) throw lexer.error("expected a quoted date", s.start());
                            expect(")");
                            return new Cql2Expression.Literal(instant(s, w.equals("DATE")));
                        }
                        default -> throw lexer.error("function " + t.text() + " is not supported here", t.start());
                    }
                }
                return new Cql2Expression.Property(t.text());
            default :
                throw lexer.error(t.kind() == Kind.END
                        ? "the filter ends where a value was expected"
                        : "expected a property or a literal, found '" + t.text() + "'", t.start());
        }
    }

    private LocalDate instant(Token s, boolean date) {
        try {
            return date
                    ? LocalDate.parse(s.text())
                    : OffsetDateTime.parse(s.text()).atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            throw lexer.error("'" + s.text() + "' is not an RFC 3339 " + (date ? "date" : "timestamp"), s.start());
        }
    }

    /** A geometry operand: a property, a WKT geometry, or BBOX(minx, miny, maxx, maxy). */
    private Cql2Expression geometryOperand() {
        Token t = lexer.peek();
        if (t.kind() == Kind.QUOTED_NAME) {
            lexer.next();
            return new Cql2Expression.Property(t.text());
        }
        if (t.kind() != Kind.WORD) throw lexer.error("expected a geometry property or literal", t.start());
        String w = t.text().toUpperCase(Locale.ROOT);
        if (w.equals("BBOX")) {
            lexer.next();
            expect("(");
            List<Double> v = new ArrayList<>();
            do {
                Token n = lexer.next();
                if (n.kind() != Kind.NUMBER) throw lexer.error("expected a number", n.start());
                v.add(CqlSpatialPredicates.number(n, lexer).doubleValue());
            } while (accept(","));
            expect(")");
            if (v.size() != 4 && v.size() != 6) throw lexer.error("BBOX takes 4 or 6 numbers", t.start());
            int d = v.size() / 2;
            if (v.get(0) > v.get(d) || v.get(1) > v.get(d + 1)) {
                throw lexer.error("BBOX lower corner is above or right of its upper corner", t.start());
            }
            return new Cql2Expression.Spatial(new GeometryFactory()
                    .toGeometry(new Envelope(v.get(0), v.get(d), v.get(1), v.get(d + 1))));
        }
        if (Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON",
                "GEOMETRYCOLLECTION").contains(w)) {
            return new Cql2Expression.Spatial(wkt());
        }
        lexer.next();
        return new Cql2Expression.Property(t.text());
    }

    /** Raw WKT from the current position up to its balanced closing parenthesis. */
    private Geometry wkt() {
        String text = lexer.text();
        int start = lexer.offset();
        int end = lexer.balancedEnd(start);
        if (end < 0) throw lexer.error("unbalanced parentheses in a WKT geometry", start);
        String wkt = text.substring(start, end);
        lexer.resumeAt(end);
        try {
            Geometry g = new WKTReader().read(wkt);
            if (g.isEmpty()) throw lexer.error("an empty geometry cannot be compared", start);
            for (var c : g.getCoordinates()) {
                if (!Double.isFinite(c.x) || !Double.isFinite(c.y) || Math.abs(c.x) > 1e10 || Math.abs(c.y) > 1e10)
                    throw lexer.error("a WKT coordinate is out of range", start);
            }
            return g;
        } catch (ParseException | IllegalArgumentException e) {
            throw lexer.error("invalid WKT geometry (" + e.getMessage() + ")", start);
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) throw invalid(locator, "the filter nests deeper than " + MAX_DEPTH + " levels");
    }

    private boolean accept(String word) {
        if (!lexer.peek().is(word)) return false;
        lexer.next();
        return true;
    }

    private void expect(String word) {
        Token t = lexer.peek();
        if (!t.is(word)) throw lexer.error("expected '" + word + "'", t.start());
        lexer.next();
    }
}
