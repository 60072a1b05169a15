package org.ecoplan.wfs;

import java.io.ByteArrayOutputStream;
import org.ecoplan.ows.OwsExceptionReport;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.ows.encode.XmlDocument;

/**
 * Renders a {@link ServiceException} as the exception report of a WFS version: the OWS 1.1
 * ExceptionReport version 2.0.0 for WFS 2.0 (09-025r2 clause 7.5, HTTP status per Table 3), the
 * OWS 1.0 ExceptionReport for WFS 1.1 (04-094 clause 7.7) and the OGC ServiceExceptionReport 1.2.0
 * for WFS 1.0 (02-058 clause 8).
 */
public final class WfsExceptions {
    /** WFS 2.0 Table 3: a resource that does not exist (GetFeatureById with an unknown id). */
    public static final String NOT_FOUND = "NotFound";

    private WfsExceptions() {}

    public static OwsResponse render(ServiceException e, WfsVersion version) {
        return switch (version) {
            case V200 -> OwsExceptionReport.response(e, OwsExceptionReport.OWS_11, "2.0.0");
            case V110 -> OwsExceptionReport.response(e, OwsExceptionReport.OWS_10, "1.1.0");
            case V100 -> OwsResponse.bytes(e.httpStatus(), "application/xml; charset=UTF-8", serviceExceptionReport(e));
        };
    }

    /** The WFS 1.0.0 report (OGC-exception.xsd, ogc:ServiceExceptionReport version 1.2.0). */
    private static byte[] serviceExceptionReport(ServiceException e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String ogc = XmlDocument.OGC;
        try (XmlDocument x = new XmlDocument(out, ogc)) {
            x.start("ServiceExceptionReport").namespace(null, ogc).namespace("xsi", XmlDocument.XSI)
                    .attr("version", "1.2.0").attr("xsi", XmlDocument.XSI, "schemaLocation",
                            ogc + " http://schemas.opengis.net/wfs/1.0.0/OGC-exception.xsd");
            x.start("ServiceException").attr("code", e.code());
            if (e.locator() != null && !e.locator().isEmpty()) x.attr("locator", e.locator());
            x.text(e.getMessage() == null ? e.code() : e.getMessage()).end().end();
        }
        return out.toByteArray();
    }

    public static ServiceException invalid(String locator, String message) {
        return new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, locator, message);
    }

    public static ServiceException missing(String locator) {
        return new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, locator, "Missing parameter " + locator);
    }
}
