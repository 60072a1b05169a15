package org.ecoplan.ows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.ecoplan.ows.encode.XmlDocument;

/**
 * The OWS Common ExceptionReport (OWS 1.1.0 clause 8, used by WFS 1.1/2.0 and WMTS; OWS 2.0 for
 * OGC services that ask for it), with the HTTP status of the exception.
 */
public final class OwsExceptionReport {
    public static final String OWS_11 = "http://www.opengis.net/ows/1.1";
    public static final String OWS_10 = "http://www.opengis.net/ows";

    private OwsExceptionReport() {}

    /**
     * @param owsNamespace {@link #OWS_11} (WFS 2.0, WMTS) or {@link #OWS_10} (WFS 1.1)
     * @param version      the report's version attribute ("2.0.0" for WFS 2.0, "1.1.0" otherwise)
     */
    public static OwsResponse response(ServiceException e, String owsNamespace, String version) {
        return OwsResponse.bytes(e.httpStatus(), "application/xml; charset=UTF-8", encode(e, owsNamespace, version));
    }

    public static byte[] encode(ServiceException e, String owsNamespace, String version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XmlDocument x = new XmlDocument(out)) {
            x.root("ows", "ExceptionReport", owsNamespace, "xsi", XmlDocument.XSI);
            x.attr("xsi", "schemaLocation", owsNamespace + (owsNamespace.equals(OWS_11)
                    ? " http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd"
                    : " http://schemas.opengis.net/ows/1.0.0/owsExceptionReport.xsd"));
            x.attr("version", version).attr("xml:lang", "en");
            x.start("ows", "Exception").attr("exceptionCode", e.code());
            if (e.locator() != null && !e.locator().isEmpty()) x.attr("locator", e.locator());
            x.element("ows", "ExceptionText", e.getMessage() == null ? e.code() : e.getMessage());
            x.end().end();
        }
        return out.toByteArray();
    }

    static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }
}
