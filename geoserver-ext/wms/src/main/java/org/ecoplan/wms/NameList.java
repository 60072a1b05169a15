package org.ecoplan.wms;

import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated list parameter (LAYERS, STYLES, QUERY_LAYERS). Empty entries are kept, because
 * in STYLES an empty entry means "the default style of that layer" (WMS 1.3.0 clause 7.3.3.4).
 */
public final class NameList {
    private NameList() {}

    /** The entries; null or blank text is an empty list. */
    public static List<String> parse(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        for (String s : text.split(",", -1)) out.add(s.trim());
        return out;
    }
}
