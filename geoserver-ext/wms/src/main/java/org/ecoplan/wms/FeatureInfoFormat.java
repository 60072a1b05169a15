package org.ecoplan.wms;

import java.util.Locale;
import org.ecoplan.ows.ServiceException;

/** The INFO_FORMAT values of GetFeatureInfo this service answers in. */
public enum FeatureInfoFormat {
    TEXT("text/plain; charset=UTF-8"), HTML("text/html; charset=UTF-8"), JSON("application/json"), GML2(
            "application/vnd.ogc.gml"), GML3("application/vnd.ogc.gml/3.1.1");

    private final String contentType;

    FeatureInfoFormat(String contentType) { this.contentType = contentType; }

    public String contentType() { return contentType; }

    /** The format of an INFO_FORMAT value; unsupported values are InvalidFormat. */
    public static FeatureInfoFormat require(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        return switch (v) {
            case "text/plain" -> TEXT;
            case "text/html" -> HTML;
            case "application/json", "application/geo+json", "json", "geojson" -> JSON;
            case "application/vnd.ogc.gml", "gml2", "text/xml;subtype=gml/2.1.2" -> GML2;
            case "application/vnd.ogc.gml/3.1.1", "text/xml", "gml3", "text/xml;subtype=gml/3.1.1" -> GML3;
            default ->
                throw new ServiceException(WmsExceptionCode.INVALID_FORMAT, "INFO_FORMAT", "Unsupported INFO_FORMAT '"
                        + value + "'; supported: " + String.join(", ", CapabilitiesWriter.INFO_FORMATS));
        };
    }
}
