package org.ecoplan.ows.filter;

import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.query.ComparisonOperator;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.LiteralConversion;
import org.ecoplan.catalog.query.QueryException;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.ows.filter.CqlLexer.Kind;
import org.ecoplan.ows.filter.CqlLexer.Token;

/**
 * A recursive-descent parser for the ECQL subset GeoServer users write in {@code CQL_FILTER}:
 * comparisons ({@code = <> != < > <= >=}), {@code AND / OR / NOT} with parentheses,
 * {@code [NOT] LIKE / ILIKE} ({@code %} and {@code _} wild cards, {@code \} escape),
 * {@code IS [NOT] NULL}, {@code [NOT] BETWEEN a AND b}, {@code [NOT] IN (...)}, {@code INCLUDE},
 * {@code EXCLUDE}, feature ids {@code IN ('layer.1', ...)}, date comparisons with quoted or
 * unquoted ISO dates and {@code AFTER / BEFORE / DURING a/b}, and the spatial predicates of
 * {@link CqlSpatialPredicates}. The result is the catalog filter model: literals become typed
 * values and never reach SQL text.
 *
 * <p>Property names are checked against the feature type. Every error is an InvalidParameterValue
 * {@link ServiceException} with the parameter name as locator and the character position.
 */
public final class CqlParser {
    public static final String NAME = "CQL_FILTER";
    /** Longer filters are refused before parsing. */
    public static final int MAX_LENGTH = 100_000;
    private static final int MAX_DEPTH = 64;

    private final FeatureType type;
    private final String locator;

    /** A parser for CQL_FILTER on one feature type; geometry literals are in its native CRS. */
    public CqlParser(FeatureType type) {
        this(type, NAME);
    }

    /** Same, reporting errors with another parameter name (e.g. "FILTER" in OGC API requests). */
    public CqlParser(FeatureType type, String locator) {
        this.type = type;
        this.locator = locator;
    }

    /** Parses the text into a filter. */
    public Filter parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, locator, locator + " is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, locator,
                    locator + " is longer than " + MAX_LENGTH + " characters");
        }
        Run run = new Run(new CqlLexer(text, locator));
        try {
            Filter f = run.or(0);
            Token end = run.lexer.peek();
            if (end.kind() != Kind.END) throw run.lexer.error("unexpected '" + end.text() + "'", end.start());
            return f;
        } catch (QueryException e) {
            // a limit of the filter model (operands, ids): the request's fault, told against its parameter
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, locator, e.getMessage());
        }
    }

    /**
     * Splits a WMS CQL_FILTER list (one filter per layer, separated by ';') without splitting
     * inside string literals or after an EWKT {@code SRID=n} prefix.
     */
    public static List<String> splitList(String text) {
        // the length limit holds for the whole list before any work: each part is limited again when parsed
        if (text.length() > MAX_LENGTH) {
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "CQL_FILTER",
                    "CQL_FILTER is longer than " + MAX_LENGTH + " characters");
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') quoted = !quoted;
            if (c == ';' && !quoted && !endsWithSrid(cur)) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().trim());
        return out;
    }

    /**
     * Whether the text ends with an EWKT prefix {@code SRID=n} (blanks allowed, case ignored), read
     * backwards over that suffix only, so splitting stays linear in the list's length.
     */
    static boolean endsWithSrid(CharSequence s) {
        int i = s.length() - 1;
        while (i >= 0 && Character.isWhitespace(s.charAt(i))) i--;
        int digitsEnd = i;
        while (i >= 0 && Character.isDigit(s.charAt(i))) i--;
        if (i == digitsEnd) return false;
        while (i >= 0 && Character.isWhitespace(s.charAt(i))) i--;
        if (i < 0 || s.charAt(i) != '=') return false;
        i--;
        while (i >= 0 && Character.isWhitespace(s.charAt(i))) i--;
        if (i < 3 || !s.subSequence(i - 3, i + 1).toString().equalsIgnoreCase("SRID")) return false;
        return i - 4 < 0 || !Character.isLetterOrDigit(s.charAt(i - 4)) && s.charAt(i - 4) != '_';
    }

    /** One parse: the lexer and the recursion depth. */
    private final class Run {
        final CqlLexer lexer;
        final CqlSpatialPredicates spatial;

        Run(CqlLexer lexer) {
            this.lexer = lexer;
            this.spatial = new CqlSpatialPredicates(type, lexer);
        }

        Filter or(int depth) {
            if (depth > MAX_DEPTH) throw lexer.error("filter nested too deeply", lexer.offset());
            List<Filter> parts = new ArrayList<>(List.of(and(depth)));
            while (lexer.peek().is("OR")) {
                lexer.next();
                parts.add(and(depth));
            }
            return parts.size() == 1 ? parts.get(0) : new Filter.Or(parts);
        }

        Filter and(int depth) {
            List<Filter> parts = new ArrayList<>(List.of(not(depth)));
            while (lexer.peek().is("AND")) {
                lexer.next();
                parts.add(not(depth));
            }
            return parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
        }

        Filter not(int depth) {
            if (lexer.peek().is("NOT")) {
                lexer.next();
                if (depth > MAX_DEPTH) throw lexer.error("filter nested too deeply", lexer.offset());
                return new Filter.Not(not(depth + 1));
            }
            return primary(depth);
        }

        Filter primary(int depth) {
            Token t = lexer.peek();
            if (t.is("(")) {
                lexer.next();
                Filter f = or(depth + 1);
                expect(")");
                return f;
            }
            if (t.is("INCLUDE")) { lexer.next(); return Filter.INCLUDE; }
            if (t.is("EXCLUDE")) { lexer.next(); return Filter.EXCLUDE; }
            if (t.kind() == Kind.WORD && CqlSpatialPredicates.isPredicate(t.text())) return spatial.parse();
            if (t.is("IN")) return featureIds();
            if (t.kind() == Kind.STRING || t.kind() == Kind.NUMBER || t.kind() == Kind.DATE) return literalFirst();
            if (t.kind() == Kind.WORD || t.kind() == Kind.QUOTED_NAME) return predicate(property());
            throw lexer.error(t.kind() == Kind.END ? "unexpected end of filter" : "unexpected '" + t.text() + "'",
                    t.start());
        }

        /** {@code IN ('layer.1', 'layer.2')} without a property: feature identifiers. */
        Filter featureIds() {
            lexer.next();
            expect("(");
            List<String> ids = new ArrayList<>();
            do {
                Token t = lexer.next();
                if (t.kind() != Kind.STRING && t.kind() != Kind.NUMBER)
                    throw lexer.error("expected a feature id", t.start());
                ids.add(t.text());
            } while (accept(","));
            expect(")");
            return new Filter.ResourceId(ids);
        }

        /** {@code literal OP property}, read as {@code property OP' literal}. */
        Filter literalFirst() {
            Token lit = lexer.next();
            Token op = lexer.next();
            ComparisonOperator cmp = ComparisonOperator.bySymbol(op.text()).orElse(null);
            if (op.kind() != Kind.SYMBOL || cmp == null)
                throw lexer.error("expected a comparison operator", op.start());
            Prop p = property();
            return new Filter.Comparison(p.name(), cmp.converse(), value(p, lit), true);
        }

        Filter predicate(Prop p) {
            Token t = lexer.next();
            ComparisonOperator cmp = t.kind() == Kind.SYMBOL
                    ? ComparisonOperator.bySymbol(t.text()).orElse(null)
                    : null;
            if (cmp != null) return new Filter.Comparison(p.name(), cmp, value(p, literal()), true);
            if (t.is("IS")) {
                boolean negate = accept("NOT");
                expect("NULL");
                Filter f = new Filter.IsNull(p.name());
                return negate ? new Filter.Not(f) : f;
            }
            boolean negate = false;
            if (t.is("NOT")) {
                negate = true;
                t = lexer.next();
            }
            Filter f;
            if (t.is("LIKE") || t.is("ILIKE")) f = like(p, t.is("LIKE"));
            else if (t.is("BETWEEN")) f = between(p);
            else if (t.is("IN")) f = in(p);
            else if (!negate && (t.is("AFTER") || t.is("BEFORE") || t.is("DURING"))) f = temporal(p, t);
            else
                throw lexer.error(
                        "expected a comparison operator, LIKE, ILIKE, IS, BETWEEN or IN after '" + p.name() + "'",
                        t.start());
            return negate ? new Filter.Not(f) : f;
        }

        Filter like(Prop p, boolean matchCase) {
            attribute(p);
            if (p.attribute().type() != AttributeType.STRING) {
                throw lexer.error((matchCase ? "LIKE" : "ILIKE") + " needs a text property, '" + p.name() + "' is "
                        + p.attribute().type().name().toLowerCase(java.util.Locale.ROOT), p.start());
            }
            Token pattern = lexer.next();
            if (pattern.kind() != Kind.STRING) throw lexer.error("expected a quoted pattern", pattern.start());
            return new Filter.Like(p.name(), pattern.text(), '%', '_', '\\', matchCase);
        }

        Filter between(Prop p) {
            Object lo = value(p, literal());
            expect("AND");
            Object hi = value(p, literal());
            return new Filter.Between(p.name(), lo, hi);
        }

        Filter in(Prop p) {
            expect("(");
            List<Filter> parts = new ArrayList<>();
            do {
                parts.add(new Filter.Comparison(p.name(), ComparisonOperator.EQUAL, value(p, literal()), true));
            } while (accept(","));
            expect(")");
            return parts.size() == 1 ? parts.get(0) : new Filter.Or(parts);
        }

        /** ECQL temporal predicates on a date property: AFTER t, BEFORE t, DURING t1/t2 (exclusive). */
        Filter temporal(Prop p, Token op) {
            attribute(p);
            if (p.attribute().type() != AttributeType.DATE) {
                throw lexer.error(op.text().toUpperCase(java.util.Locale.ROOT) + " needs a date property, '" + p.name()
                        + "' is not", p.start());
            }
            Object first = value(p, literal());
            if (op.is("AFTER")) return new Filter.Comparison(p.name(), ComparisonOperator.GREATER, first, true);
            if (op.is("BEFORE")) return new Filter.Comparison(p.name(), ComparisonOperator.LESS, first, true);
            expect("/");
            Object second = value(p, literal());
            return new Filter.And(List.of(new Filter.Comparison(p.name(), ComparisonOperator.GREATER, first, true),
                    new Filter.Comparison(p.name(), ComparisonOperator.LESS, second, true)));
        }

        Token literal() {
            Token t = lexer.next();
            if (t.kind() == Kind.STRING || t.kind() == Kind.NUMBER || t.kind() == Kind.DATE || t.is("TRUE")
                    || t.is("FALSE"))
                return t;
            throw lexer.error(t.kind() == Kind.END
                    ? "expected a literal, found the end of the filter"
                    : "expected a literal, found '" + t.text() + "'", t.start());
        }

        /** A literal converted to the property's type (FES 2.0 clause 7.7.2 typing rules). */
        Object value(Prop p, Token lit) {
            attribute(p);
            Object raw = switch (lit.kind()) {
                case NUMBER -> CqlSpatialPredicates.number(lit, lexer);
                case WORD -> Boolean.valueOf(lit.text().equalsIgnoreCase("TRUE"));
                default -> lit.text();
            };
            try {
                return LiteralConversion.convert(p.attribute(), raw);
            } catch (QueryException e) {
                throw lexer.error(e.getMessage(), lit.start());
            }
        }

        Prop property() {
            Token t = lexer.next();
            if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED_NAME)
                throw lexer.error("expected a property name", t.start());
            String name = t.text();
            if (!type.hasProperty(name)) {
                throw lexer.error("unknown property '" + name + "' (feature type " + type.name() + " has "
                        + type.attributes().stream().map(AttributeDescriptor::name).toList()
                        + (type.hasGeometry() ? " and geometry '" + type.geometry().name() + "'" : "") + ")",
                        t.start());
            }
            return new Prop(name, type.attribute(name).orElse(null), t.start());
        }

        void attribute(Prop p) {
            if (p.attribute() == null)
                throw lexer.error("geometry property '" + p.name() + "' cannot be compared with a literal", p.start());
        }

        boolean accept(String symbolOrWord) {
            if (!lexer.peek().is(symbolOrWord)) return false;
            lexer.next();
            return true;
        }

        void expect(String symbolOrWord) {
            Token t = lexer.peek();
            if (!t.is(symbolOrWord)) throw lexer.error("expected '" + symbolOrWord + "'", t.start());
            lexer.next();
        }
    }

    /** A property named in the filter; attribute is null for the geometry property. */
    private record Prop(String name, AttributeDescriptor attribute, int start) {}
}
