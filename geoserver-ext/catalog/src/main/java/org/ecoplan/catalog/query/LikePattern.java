package org.ecoplan.catalog.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A PropertyIsLike pattern (OGC Filter Encoding 2.0, clause 7.7.3.4) read with its own wild card,
 * single character and escape characters, rendered as an SQL LIKE pattern for the stores and
 * matched in memory by {@link #matches}, which match exactly the same strings. The in-memory match
 * takes at most (text length × pattern length) steps whatever the pattern: a regex would backtrack
 * exponentially on patterns such as {@code *.*.*.*.x}.
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

    /**
     * Whether the whole text matches: greedy matching that, on a mismatch, retries only from the
     * last wild card seen (earlier wild cards never need to take more), so no backtracking tree.
     */
    public boolean matches(String text) {
        int[] cps = text.codePoints().toArray();
        int t = 0;
        int p = 0;
        int starP = -1;
        int starT = 0;
        while (t < cps.length) {
            Token token = p < tokens.size() ? tokens.get(p) : null;
            if (token != null && (token.kind() == Kind.ONE
                    || (token.kind() == Kind.LITERAL && token.codePoint() == cps[t]))) {
                t++;
                p++;
            } else if (token != null && token.kind() == Kind.ANY) {
                starP = p++;
                starT = t;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < tokens.size() && tokens.get(p).kind() == Kind.ANY) p++;
        return p == tokens.size();
    }
}
