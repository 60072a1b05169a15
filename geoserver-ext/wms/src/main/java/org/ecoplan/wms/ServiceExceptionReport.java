package org.ecoplan.wms;

import java.io.ByteArrayOutputStream;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.ows.encode.XmlDocument;

/**
 * The WMS XML exception report: WMS 1.3.0 Annex E ({@code ogc:ServiceExceptionReport}
 * version 1.3.0, served as text/xml) and WMS 1.1.1 Annex A.3 (no namespace, version 1.1.1, served
 * as application/vnd.ogc.se_xml).
 *
 * <p>HTTP status: WMS clients read the report from the body and many ignore non-200 answers, so
 * client errors are sent with status 200 (as widely deployed servers do); only server-side
 * conditions a cache or proxy must not store keep their status (500 internal error, 503 busy), and
 * so do failures of the HTTP exchange itself (405 method, 413 body too large, 414, 431).
 */
public final class ServiceExceptionReport {
    public static final String OGC_NS = "http://www.opengis.net/ogc";
    /** Failures of the HTTP exchange itself, not of a WMS request: their status is kept (method, body or URI too large). */
    private static final java.util.Set<Integer> HTTP_LEVEL = java.util.Set.of(405, 413, 414, 431);

    private ServiceExceptionReport() {}

    public static OwsResponse response(ServiceException e, WmsVersion version) {
        int status = e.httpStatus() >= 500 && e.httpStatus() != 501 || HTTP_LEVEL.contains(e.httpStatus())
                ? e.httpStatus()
                : 200;
        return OwsResponse.bytes(status, version.exceptionMime() + "; charset=UTF-8", encode(e, version));
    }

    public static byte[] encode(ServiceException e, WmsVersion version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean v13 = version == WmsVersion.V_1_3_0;
        try (XmlDocument x = new XmlDocument(out, v13 ? OGC_NS : null)) {
            x.start("ServiceExceptionReport");
            if (v13) {
                x.namespace(null, OGC_NS).namespace("xsi", XmlDocument.XSI).attr("xsi", XmlDocument.XSI,
                        "schemaLocation", OGC_NS + " http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd");
            }
            x.attr("version", version.text());
            x.start("ServiceException").attr("code", e.code());
            if (e.locator() != null && !e.locator().isEmpty()) x.attr("locator", e.locator());
            x.text(e.getMessage() == null ? e.code() : e.getMessage()).end().end();
        }
        return out.toByteArray();
    }
}
