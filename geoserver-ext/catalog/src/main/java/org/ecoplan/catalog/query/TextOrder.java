package org.ecoplan.catalog.query;

/**
 * The one text ordering and case folding every store and the in-memory evaluator share, so a
 * query returns the same features in the same order from every backend: Unicode code point
 * order (SQLite BINARY, PostgreSQL COLLATE "C"), and case folding of ASCII letters only (what
 * SQLite's and PostgreSQL's "C" lower() do).
 */
public final class TextOrder {
    private TextOrder() {}

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Lower-cases ASCII letters only. */
    public static String foldCase(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) out = new StringBuilder(s);
                out.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return out == null ? s : out.toString();
    }
}
