package org.ecoplan.wfs;

import java.nio.charset.StandardCharsets;
import org.ecoplan.ows.OwsExceptionReport;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;

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

    private static byte[] serviceExceptionReport(ServiceException e) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<ServiceExceptionReport version=\"1.2.0\" xmlns=\"http://www.opengis.net/ogc\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xsi:schemaLocation=\"http://www.opengis.net/ogc http://schemas.opengis.net/wfs/1.0.0/OGC-exception.xsd\">\n");
        sb.append("  <ServiceException code=\"").append(escape(e.code())).append('"');
        if (e.locator() != null && !e.locator().isEmpty())
            sb.append(" locator=\"").append(escape(e.locator())).append('"');
        sb.append('>').append(escape(e.getMessage() == null ? e.code() : e.getMessage()))
                .append("</ServiceException>\n");
        sb.append("</ServiceExceptionReport>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return org.ecoplan.ows.encode.XmlText.clean(s).replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;").replace("\"", "&quot;");
    }

    public static ServiceException invalid(String locator, String message) {
        return new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, locator, message);
    }

    public static ServiceException missing(String locator) {
        return new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, locator, "Missing parameter " + locator);
    }
}
