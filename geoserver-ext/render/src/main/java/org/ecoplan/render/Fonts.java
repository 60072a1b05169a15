package org.ecoplan.render;

import java.awt.GraphicsEnvironment;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Chooses fonts that can draw Chinese labels: the family a style asks for when it is installed
 * and can display the text, otherwise the first installed CJK family of a preference list,
 * otherwise any installed font that can display "国土空间". Without one, labels would be boxes,
 * which is logged once.
 */
public final class Fonts {
    private static final Logger LOG = Logger.getLogger(Fonts.class.getName());
    static final List<String> CJK_PREFERENCE = List.of("WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
            "Noto Sans CJK SC", "Noto Sans SC", "AR PL UMing CN");
    private static final String PROBE = "国土空间";
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final ConcurrentHashMap<String, java.awt.Font> CACHE = new ConcurrentHashMap<>();
    private static volatile Set<String> installed;
    private static volatile String cjkFamily;

    private Fonts() {}

    /** The installed family names, lower-cased. */
    private static Set<String> installed() {
        Set<String> s = installed;
        if (s == null) {
            s = new HashSet<>();
            for (String f : GraphicsEnvironment.getLocalGraphicsEnvironment()
                    .getAvailableFontFamilyNames(Locale.ROOT)) {
                s.add(f.toLowerCase(Locale.ROOT));
            }
            installed = s;
        }
        return s;
    }

    /** The CJK-capable family used when a style's family cannot show the label; null when none. */
    public static String cjkFamily() {
        String f = cjkFamily;
        if (f != null) return f.isEmpty() ? null : f;
        Set<String> inst = installed();
        for (String candidate : CJK_PREFERENCE) {
            if (inst.contains(candidate.toLowerCase(Locale.ROOT))) {
                cjkFamily = candidate;
                return candidate;
            }
        }
        for (String family : GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames(Locale.ROOT)) {
            if (new java.awt.Font(family, java.awt.Font.PLAIN, 12).canDisplayUpTo(PROBE) == -1) {
                cjkFamily = family;
                return family;
            }
        }
        cjkFamily = "";
        if (WARNED.compareAndSet(false, true)) {
            LOG.warning("no installed font can display Chinese text; map labels will show boxes. "
                    + "Install a CJK font such as WenQuanYi Micro Hei (Debian: fonts-wqy-microhei).");
        }
        return null;
    }

    /**
     * A font for a label: the first of {@code families} that is installed and displays {@code text},
     * else the CJK family, else the logical SansSerif font.
     *
     * @param size pixel size
     */
    public static java.awt.Font forText(List<String> families, boolean bold, boolean italic, float size, String text) {
        int style = (bold ? java.awt.Font.BOLD : 0) | (italic ? java.awt.Font.ITALIC : 0);
        String family = family(families, style, text);
        String key = family + '|' + style + '|' + size;
        return CACHE.computeIfAbsent(key, k -> new java.awt.Font(family, style, 1).deriveFont(size));
    }

    private static String family(List<String> families, int style, String text) {
        Set<String> inst = installed();
        for (String f : families) {
            if (!inst.contains(f.toLowerCase(Locale.ROOT))) continue;
            java.awt.Font font = CACHE.computeIfAbsent(f + '|' + style + "|12.0", k -> new java.awt.Font(f, style, 12));
            if (text == null || font.canDisplayUpTo(text) == -1) return f;
        }
        String cjk = cjkFamily();
        return cjk != null ? cjk : java.awt.Font.SANS_SERIF;
    }
}
