package org.ecoplan.wms;

import java.util.List;
import java.util.Locale;
import org.ecoplan.catalog.crs.AxisConvention;
import org.ecoplan.ows.VersionNegotiation;

/**
 * The two WMS versions this service speaks, with what differs between them: the name of the CRS
 * parameter (CRS / SRS), the pixel parameters of GetFeatureInfo (I,J / X,Y), the axis convention
 * of BBOX and BoundingBox (06-042 clause 6.7.3 vs 01-068r3 clause 6.5.6), and the exception MIME type.
 */
public enum WmsVersion {
    V_1_3_0("1.3.0", "CRS", "I", "J", AxisConvention.AUTHORITY, "text/xml", "InvalidCRS"),
    V_1_1_1("1.1.1", "SRS", "X",
            "Y", AxisConvention.EAST_NORTH, "application/vnd.ogc.se_xml", "InvalidSRS");

    private final String text;
    private final String crsParam;
    private final String iParam;
    private final String jParam;
    private final AxisConvention axes;
    private final String exceptionMime;
    private final String invalidCrsCode;

    WmsVersion(String text, String crsParam, String iParam, String jParam, AxisConvention axes,
            String exceptionMime, String invalidCrsCode) {
        this.text = text;
        this.crsParam = crsParam;
        this.iParam = iParam;
        this.jParam = jParam;
        this.axes = axes;
        this.exceptionMime = exceptionMime;
        this.invalidCrsCode = invalidCrsCode;
    }

    public String text() { return text; }

    public String crsParam() { return crsParam; }

    public String iParam() { return iParam; }

    public String jParam() { return jParam; }

    public AxisConvention axisConvention() { return axes; }

    public String exceptionMime() { return exceptionMime; }

    /** "InvalidCRS" (1.3.0) or "InvalidSRS" (1.1.1). */
    public String invalidCrsCode() { return invalidCrsCode; }

    /** The exact version, or null when the text names neither. */
    public static WmsVersion exact(String text) {
        if (text == null) return null;
        for (WmsVersion v : values()) if (v.text.equals(text.trim())) return v;
        return null;
    }

    /** The versions served, highest first, and their negotiation. */
    public static final VersionNegotiation NEGOTIATION = new VersionNegotiation(List.of("1.3.0", "1.1.1"));

    /**
     * Version negotiation of WMS 1.3.0 clause 6.2.4 ({@link VersionNegotiation#negotiate}).
     *
     * @throws org.ecoplan.ows.ServiceException InvalidParameterValue when the text is not a version number
     */
    public static WmsVersion negotiate(String requested) {
        return exact(NEGOTIATION.negotiate(requested, "VERSION"));
    }

    @Override
    public String toString() { return text.toUpperCase(Locale.ROOT); }
}
