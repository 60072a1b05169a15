package org.ecoplan.wms;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.ServiceException;

/**
 * Readers for the single-valued GetMap parameters shared by GetMap, GetFeatureInfo and
 * GetLegendGraphic: image size, TRANSPARENT and BGCOLOR (WMS 1.3.0 clauses 7.3.3.8 to 7.3.3.10).
 */
public final class MapParameters {
    /** The GetMap formats, as capabilities advertise them. */
    public static final List<String> MAP_FORMATS = List.of("image/png", "image/png; mode=8bit", "image/jpeg",
            "image/gif");

    private MapParameters() {}

    /** A positive integer parameter no larger than {@code max}. */
    public static int size(KvpMap params, String name, int max) {
        String v = params.require(name);
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, name,
                    name + " must be a positive integer, not '" + v + "'");
        }
        if (n <= 0) {
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, name,
                    name + " must be a positive integer, not '" + v + "'");
        }
        if (n > max) {
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, name,
                    name + " " + n + " exceeds the maximum of " + max);
        }
        return n;
    }

    /** TRANSPARENT: TRUE or FALSE (case-insensitive), default FALSE. */
    public static boolean transparent(KvpMap params) {
        String v = params.value("TRANSPARENT");
        if (v == null || v.isBlank()) return false;
        String t = v.trim().toUpperCase(Locale.ROOT);
        if (t.equals("TRUE")) return true;
        if (t.equals("FALSE")) return false;
        throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "TRANSPARENT",
                "TRANSPARENT must be TRUE or FALSE, not '" + v + "'");
    }

    /** BGCOLOR: 0xRRGGBB (also #RRGGBB), default white. */
    public static Color bgcolor(KvpMap params) {
        String v = params.value("BGCOLOR");
        if (v == null || v.isBlank()) return Color.WHITE;
        String t = v.trim();
        String hex = t.startsWith("0x") || t.startsWith("0X")
                ? t.substring(2)
                : t.startsWith("#") ? t.substring(1) : null;
        if (hex == null || hex.length() != 6) {
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "BGCOLOR",
                    "BGCOLOR must be 0xRRGGBB, not '" + v + "'");
        }
        try {
            return new Color(Integer.parseInt(hex, 16));
        } catch (NumberFormatException e) {
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "BGCOLOR",
                    "BGCOLOR must be 0xRRGGBB, not '" + v + "'");
        }
    }
}
