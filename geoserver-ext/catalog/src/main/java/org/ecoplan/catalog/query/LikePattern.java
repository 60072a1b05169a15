package org.ecoplan.catalog.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A PropertyIsLike pattern (OGC Filter Encoding 2.0, clause 7.7.3.4) read with its own wild card,
 * single character and escape characters, renderable as an SQL LIKE pattern or a Java regex so
 * stores and the in-memory evaluator match exactly the same strings.
 */
public final class LikePattern {
    /** One piece of a pattern: a literal character, any sequence, or any single character. */
    private enum Kind {
        LITERAL,
        ANY,
        ONE
    }

    private record Token(Kind kind, int codePoint) {}

    private final List<Token> tokens;

    private LikePattern(List<Token> tokens) { this.tokens = tokens; }

    /** Parses the pattern; an escape character at the end of the pattern stands for itself. */
    public static LikePattern parse(String pattern, char wildCard, char singleChar, char escape) {
        if (pattern == null) throw new QueryException("PropertyIsLike without a pattern", "pattern");
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < pattern.length();) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (c == escape && i < pattern.length()) {
                int next = pattern.codePointAt(i);
                i += Character.charCount(next);
                out.add(new Token(Kind.LITERAL, next));
            } else if (c == wildCard) {
                out.add(new Token(Kind.ANY, 0));
            } else if (c == singleChar) {
                out.add(new Token(Kind.ONE, 0));
            } else {
                out.add(new Token(Kind.LITERAL, c));
            }
        }
        return new LikePattern(List.copyOf(out));
    }

    /** The pattern for SQL {@code LIKE ? ESCAPE 'escape'}: '%' and '_' wild cards, literals escaped. */
    public String toSqlLike(char escape) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            switch (t.kind()) {
                case ANY -> sb.append('%');
                case ONE -> sb.append('_');
                case LITERAL -> {
                    if (t.codePoint() == '%' || t.codePoint() == '_' || t.codePoint() == escape) sb.append(escape);
                    sb.appendCodePoint(t.codePoint());
                }
            }
        }
        return sb.toString();
    }

    /** The pattern as a whole-string regex. */
    public Pattern toRegex() {
        StringBuilder sb = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (Token t : tokens) {
            if (t.kind() == Kind.LITERAL) {
                literal.appendCodePoint(t.codePoint());
                continue;
            }
            if (!literal.isEmpty()) {
                sb.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
            }
            sb.append(t.kind() == Kind.ANY ? ".*" : ".");
        }
        if (!literal.isEmpty()) sb.append(Pattern.quote(literal.toString()));
        return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }
}
