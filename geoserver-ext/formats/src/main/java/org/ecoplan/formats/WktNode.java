package org.ecoplan.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed well-known-text CRS element ({@code KEYWORD[value, value, CHILD[...], ...]}) of OGC
 * 01-009 (WKT 1) and its ESRI dialect: keyword and values in order, each a quoted string, a
 * number or unquoted word as text, or a nested node. Only the structure is read; meaning is
 * {@link PrjCrs}'s business.
 */
record WktNode(String keyword, List<Object> values) {
    /** Deeper nesting than any real CRS; bounds the recursion on hostile input. */
    private static final int MAX_DEPTH = 32;

    /** The value at position i as text, or empty when absent or a node. */
    Optional<String> text(int i) {
        return i < values.size() && values.get(i) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The first direct child with this keyword (case-insensitive). */
    Optional<WktNode> child(String kw) {
        return children(kw).stream().findFirst();
    }

    List<WktNode> children(String kw) {
        List<WktNode> out = new ArrayList<>();
        for (Object v : values) if (v instanceof WktNode n && n.keyword.equalsIgnoreCase(kw)) out.add(n);
        return out;
    }

    /** Parses one element; throws IllegalArgumentException when the text is not WKT. */
    static WktNode parse(String wkt) {
        Parser p = new Parser(wkt);
        WktNode n = p.node(0);
        p.skipSpace();
        if (p.pos < wkt.length()) throw new IllegalArgumentException("text after the WKT element at " + p.pos);
        return n;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) { this.s = s; }

        WktNode node(int depth) {
            if (depth > MAX_DEPTH) throw new IllegalArgumentException("WKT nested too deeply");
            skipSpace();
            String kw = word();
            if (kw.isEmpty()) throw new IllegalArgumentException("keyword expected at " + pos);
            skipSpace();
            char open = peek();
            if (open != '[' && open != '(') throw new IllegalArgumentException("'[' expected at " + pos);
            char close = open == '[' ? ']' : ')';
            pos++;
            List<Object> values = new ArrayList<>();
            while (true) {
                skipSpace();
                char c = peek();
                if (c == close) {
                    pos++;
                    return new WktNode(kw, values);
                }
                if (!values.isEmpty()) {
                    if (c != ',') throw new IllegalArgumentException("',' expected at " + pos);
                    pos++;
                    skipSpace();
                    c = peek();
                }
                if (c == '"') {
                    values.add(quoted());
                } else {
                    int start = pos;
                    String w = word();
                    skipSpace();
                    char next = peek();
                    if (!w.isEmpty() && Character.isLetter(w.charAt(0)) && (next == '[' || next == '(')) {
                        pos = start;
                        values.add(node(depth + 1));
                    } else if (w.isEmpty()) {
                        throw new IllegalArgumentException("value expected at " + pos);
                    } else {
                        values.add(w);
                    }
                }
            }
        }

        private String quoted() {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= s.length()) throw new IllegalArgumentException("unterminated string");
                char c = s.charAt(pos++);
                if (c == '"') {
                    // WKT escapes a quote by doubling it
                    if (pos < s.length() && s.charAt(pos) == '"') {
                        sb.append('"');
                        pos++;
                        continue;
                    }
                    return sb.toString();
                }
                sb.append(c);
            }
        }

        private String word() {
            int start = pos;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '+') pos++;
                else break;
            }
            return s.substring(start, pos);
        }

        private char peek() {
            if (pos >= s.length()) throw new IllegalArgumentException("unexpected end of WKT");
            return s.charAt(pos);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }
    }
}
