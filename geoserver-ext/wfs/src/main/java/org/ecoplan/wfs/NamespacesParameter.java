package org.ecoplan.wfs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prefix bindings of a NAMESPACES parameter (WFS 2.0 clause 7.6.3.4: {@code xmlns(p,uri)}, a
 * list separated by commas; WFS 1.1 NAMESPACE: {@code xmlns(p=uri)}), read in one pass over the
 * text, so its cost is linear in the length whatever the input. Malformed items are skipped: an
 * unbound prefix then makes the type name unknown, which is the error the client sees.
 */
final class NamespacesParameter {
    private static final String OPEN = "xmlns(";

    private NamespacesParameter() {}

    static Map<String, String> parse(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = value.length();
        while (true) {
            int start = value.indexOf(OPEN, i);
            if (start < 0) break;
            int p = start + OPEN.length();
            int sep = p;
            while (sep < n && value.charAt(sep) != ',' && value.charAt(sep) != '=' && value.charAt(sep) != ')') sep++;
            if (sep >= n || value.charAt(sep) == ')') {
                i = sep;
                continue;
            }
            int close = value.indexOf(')', sep + 1);
            if (close < 0) break;
            String prefix = value.substring(p, sep).strip();
            String uri = value.substring(sep + 1, close).strip();
            if (!uri.isEmpty()) out.put(prefix, uri);
            i = close + 1;
        }
        return out;
    }
}
