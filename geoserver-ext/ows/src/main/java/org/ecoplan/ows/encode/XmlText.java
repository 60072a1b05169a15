package org.ecoplan.ows.encode;

/**
 * Text made safe for XML 1.0 character content: characters XML 1.0 forbids (most C0 controls,
 * unpaired surrogates, U+FFFE/U+FFFF) are replaced by U+FFFD, so one bad attribute value cannot
 * make a whole response unparseable.
 */
public final class XmlText {
    private XmlText() {}

    public static String clean(String s) {
        if (s == null) return null;
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (sb != null) sb.append(c).append(s.charAt(i + 1));
                    i++;
                    continue;
                }
            } else {
                ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xFFFD && !Character.isLowSurrogate(c));
            }
            if (!ok && sb == null) sb = new StringBuilder(s.length()).append(s, 0, i);
            if (sb != null) sb.append(ok ? c : '\uFFFD');
        }
        return sb == null ? s : sb.toString();
    }
}
