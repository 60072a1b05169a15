package org.ecoplan.ows.encode;

/**
 * Escaping of text written into XML or HTML by hand (element content and attribute values alike):
 * the five predefined entities, after {@link XmlText#clean} has replaced characters XML 1.0 forbids.
 */
public final class Markup {
    private Markup() {}

    public static String escape(String s) {
        if (s == null) return "";
        String clean = XmlText.clean(s);
        StringBuilder b = null;
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            String e = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (e != null && b == null) b = new StringBuilder(clean.length() + 16).append(clean, 0, i);
            if (b != null) {
                if (e != null) b.append(e);
                else b.append(c);
            }
        }
        return b == null ? clean : b.toString();
    }
}
