package org.ecoplan.catalog.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads feature identifiers of the form "{layer}.{fid}" (OGC Filter Encoding 2.0, clause 7.11,
 * ResourceId). An identifier of another layer or one that is not of that form identifies nothing,
 * it is not an error.
 */
public final class ResourceIds {
    private ResourceIds() {}

    /** The fid of the identifier if it names a feature of the layer, else null. */
    public static Long fid(String layer, String id) {
        if (id == null || !id.startsWith(layer + ".")) return null;
        String digits = id.substring(layer.length() + 1);
        if (digits.isEmpty() || digits.length() > 18) return null;
        for (int i = 0; i < digits.length(); i++) if (digits.charAt(i) < '0' || digits.charAt(i) > '9') return null;
        return Long.parseLong(digits);
    }

    /** The fids of those identifiers that name features of the layer, in the given order. */
    public static List<Long> fids(String layer, List<String> ids) {
        List<Long> out = new ArrayList<>();
        for (String id : ids) {
            Long f = fid(layer, id);
            if (f != null) out.add(f);
        }
        return out;
    }
}
