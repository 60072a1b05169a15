package org.ecoplan.wms;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;

/**
 * The WMS XML exception report: WMS 1.3.0 Annex E ({@code ogc:ServiceExceptionReport}
 * version 1.3.0, served as text/xml) and WMS 1.1.1 Annex A.3 (no namespace, version 1.1.1, served
 * as application/vnd.ogc.se_xml).
 *
 * <p>HTTP status: WMS clients read the report from the body and many ignore non-200 answers, so
 * client errors are sent with status 200 (as widely deployed servers do); only server-side
 * conditions a cache or proxy must not store keep their status (500 internal error, 503 busy).
 */
public final class ServiceExceptionReport {
    public static final String OGC_NS = "http://www.opengis.net/ogc";

    private ServiceExceptionReport() {}

    public static OwsResponse response(ServiceException e, WmsVersion version) {
        int status = e.httpStatus() >= 500 && e.httpStatus() != 501 ? e.httpStatus() : 200;
        return OwsResponse.bytes(status, version.exceptionMime() + "; charset=UTF-8", encode(e, version));
    }

    public static byte[] encode(ServiceException e, WmsVersion version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            if (version == WmsVersion.V_1_3_0) {
                w.setDefaultNamespace(OGC_NS);
                w.writeStartElement(OGC_NS, "ServiceExceptionReport");
                w.writeDefaultNamespace(OGC_NS);
                w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
                w.writeAttribute("xsi", "http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                        OGC_NS + " http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd");
                w.writeAttribute("version", "1.3.0");
                w.writeStartElement(OGC_NS, "ServiceException");
            } else {
                w.writeStartElement("ServiceExceptionReport");
                w.writeAttribute("version", "1.1.1");
                w.writeStartElement("ServiceException");
            }
            if (e.code() != null) w.writeAttribute("code", e.code());
            if (e.locator() != null && !e.locator().isEmpty()) w.writeAttribute("locator", e.locator());
            w.writeCharacters(e.getMessage() == null ? e.code() : e.getMessage());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException x) {
            throw new IllegalStateException(x);
        }
        return out.toByteArray();
    }
}
