package org.ecoplan.catalog;

/** A text in Chinese and English, as every title, abstract and alias of the catalog carries. */
public record Localized(String zh, String en) {
    public static final Localized EMPTY = new Localized("", "");

    /** The text in the language asked for ("zh" or "en"), falling back to the other one. */
    public String in(String lang) {
        String first = "en".equals(lang) ? en : zh;
        String second = "en".equals(lang) ? zh : en;
        return first != null && !first.isBlank() ? first : (second == null ? "" : second);
    }

    /** "中文 / English", for places such as capabilities titles that carry one string. */
    public String both() {
        if (zh == null || zh.isBlank()) return en == null ? "" : en;
        if (en == null || en.isBlank() || en.equals(zh)) return zh;
        return zh + " / " + en;
    }
}
