package org.ecoplan.wms;

import java.util.Locale;

/**
 * The EXCEPTIONS parameter of GetMap and GetFeatureInfo (WMS 1.3.0 clause 7.3.3.11, WMS 1.1.1
 * clause 7.2.3.9): an XML report, the message drawn into an image, or a blank image.
 */
public enum ExceptionFormat {
    XML,
    INIMAGE,
    BLANK;

    /** Reads the parameter in either version's spelling; absent or unknown values mean XML. */
    public static ExceptionFormat of(String value) {
        if (value == null || value.isBlank()) return XML;
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("inimage") || v.equals("application/vnd.ogc.se_inimage")) return INIMAGE;
        if (v.equals("blank") || v.equals("application/vnd.ogc.se_blank")) return BLANK;
        return XML;
    }

    /** The formats a capabilities document lists for a version. */
    public static String[] advertised(WmsVersion version) {
        return version == WmsVersion.V_1_3_0
                ? new String[]{"XML", "INIMAGE", "BLANK"}
                : new String[]{"application/vnd.ogc.se_xml", "application/vnd.ogc.se_inimage",
                        "application/vnd.ogc.se_blank"};
    }
}
