package org.ecoplan.ows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

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
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setPrefix("ows", owsNamespace);
            w.writeStartElement("ows", "ExceptionReport", owsNamespace);
            w.writeNamespace("ows", owsNamespace);
            w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            w.writeAttribute("xsi", "http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                    owsNamespace + (owsNamespace.equals(OWS_11)
                            ? " http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd"
                            : " http://schemas.opengis.net/ows/1.0.0/owsExceptionReport.xsd"));
            w.writeAttribute("version", version);
            w.writeAttribute("xml:lang", "en");
            w.writeStartElement("ows", "Exception", owsNamespace);
            w.writeAttribute("exceptionCode", e.code());
            if (e.locator() != null && !e.locator().isEmpty()) w.writeAttribute("locator", e.locator());
            w.writeStartElement("ows", "ExceptionText", owsNamespace);
            w.writeCharacters(e.getMessage() == null ? e.code() : e.getMessage());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException x) {
            throw new IllegalStateException(x);
        }
        return out.toByteArray();
    }

    static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }
}
