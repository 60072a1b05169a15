package org.ecoplan.ows.filter;

import org.ecoplan.ows.ServiceException;

/**
 * Splits CQL_FILTER text into tokens on demand: words, "quoted" identifiers, 'string' literals
 * ('' stands for one quote), numbers, unquoted ISO dates (2024-05-01, 2024-05-01T08:00:00Z) and
 * the operator symbols. Positions are kept so every error names the character where it happened.
 * The parser can also take raw text (a WKT literal) from the current position.
 */
final class CqlLexer {
    /** Kinds of tokens. */
    enum Kind {
        WORD,
        QUOTED_NAME,
        STRING,
        NUMBER,
        DATE,
        SYMBOL,
        END
    }

    /** One token; {@code start} is the 0-based offset in the text. */
    record Token(Kind kind, String text, int start) {
        boolean is(String word) {
            return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
        }
    }

    private final String text;
    private final String locator;
    private int pos;
    private Token peeked;

    CqlLexer(String text, String locator) {
        this.text = text;
        this.locator = locator;
    }

    Token peek() {
        if (peeked == null) peeked = read();
        return peeked;
    }

    Token next() {
        Token t = peek();
        peeked = null;
        return t;
    }

    /** Offset where the next token (or raw text) starts. */
    int offset() {
        if (peeked != null) return peeked.start();
        skipSpace();
        return pos;
    }

    String text() { return text; }

    /**
     * The end (exclusive) of the parenthesised raw text that opens at the first '(' at or after
     * {@code from} (a WKT literal), or -1 when its parentheses do not balance.
     */
    int balancedEnd(int from) {
        int depth = 0;
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return k + 1;
        }
        return -1;
    }

    /** Continues after raw text the parser consumed itself, up to {@code end}. */
    void resumeAt(int end) {
        peeked = null;
        pos = end;
    }

    ServiceException error(String message, int offset) {
        return new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, locator,
                locator + ": " + message + " at character " + (offset + 1));
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private Token read() {
        skipSpace();
        int start = pos;
        if (pos >= text.length()) return new Token(Kind.END, "", start);
        char c = text.charAt(pos);
        if (c == '\'') return new Token(Kind.STRING, quoted('\''), start);
        if (c == '"') return new Token(Kind.QUOTED_NAME, quoted('"'), start);
        if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && pos + 1 < text.length()
                && (Character.isDigit(text.charAt(pos + 1)) || text.charAt(pos + 1) == '.'))) {
            return number(start);
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'))
                pos++;
            return new Token(Kind.WORD, text.substring(start, pos), start);
        }
        for (String s : new String[]{"<>", "<=", ">=", "!=", "=", "<", ">", "(", ")", ",", "/"}) {
            if (text.startsWith(s, pos)) {
                pos += s.length();
                return new Token(Kind.SYMBOL, s, start);
            }
        }
        throw error("unexpected character '" + c + "'", start);
    }

    private String quoted(char quote) {
        int start = pos;
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                if (pos < text.length() && text.charAt(pos) == quote) {
                    sb.append(quote);
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
        throw error("unterminated " + (quote == '\'' ? "string literal" : "quoted name") + " starting", start);
    }

    private Token number(int start) {
        if (text.startsWith("-", pos) || text.startsWith("+", pos)) pos++;
        int digits = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        if (pos - digits == 4 && text.startsWith("-", pos) && pos + 2 < text.length()
                && Character.isDigit(text.charAt(pos + 1)) && start == digits) {
            // an unquoted ISO date or date-time
            while (pos < text.length() && "0123456789-:.TZ+".indexOf(text.charAt(pos)) >= 0) pos++;
            return new Token(Kind.DATE, text.substring(start, pos), start);
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos++;
            if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) pos++;
            int exp = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
            if (pos == exp) pos = mark;
        }
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
            throw error("malformed number '" + text.substring(start, Math.min(text.length(), pos + 1)) + "'", start);
        }
        return new Token(Kind.NUMBER, text.substring(start, pos), start);
    }
}
