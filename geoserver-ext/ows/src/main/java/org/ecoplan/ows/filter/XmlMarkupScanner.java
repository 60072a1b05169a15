package org.ecoplan.ows.filter;

/**
 * Finds where one XML document ends inside a longer string by following its markup (tags,
 * comments, CDATA sections, processing instructions, quoted attribute values) without parsing
 * it, so a parenthesised list of documents can be split even when literals contain parentheses.
 */
final class XmlMarkupScanner {
    private XmlMarkupScanner() {}

    /** The index just after the root element's end tag, or -1 if the root element does not close. */
    static int endOfDocument(String s, int from) {
        int depth = 0;
        boolean seenRoot = false;
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '<') {
                i++;
                continue;
            }
            if (s.startsWith("<!--", i)) i = after(s, i + 4, "-->");
            else if (s.startsWith("<![CDATA[", i)) i = after(s, i + 9, "]]>");
            else if (s.startsWith("<?", i)) i = after(s, i + 2, "?>");
            else if (s.startsWith("<!", i)) i = endOfTag(s, i + 2);
            else if (s.startsWith("</", i)) {
                i = endOfTag(s, i + 2);
                depth--;
                if (depth < 0) return -1;
            } else {
                int end = endOfTag(s, i + 1);
                if (end < 0) return -1;
                if (s.charAt(end - 2) != '/') depth++;
                seenRoot = true;
                i = end;
            }
            if (i < 0) return -1;
            if (seenRoot && depth == 0) return i;
        }
        return -1;
    }

    private static int after(String s, int from, String terminator) {
        int k = s.indexOf(terminator, from);
        return k < 0 ? -1 : k + terminator.length();
    }

    /** The index after the '>' closing a tag, skipping quoted attribute values. */
    private static int endOfTag(String s, int from) {
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return -1;
    }
}
