package org.ecoplan.ows.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ecoplan.ows.OwsExceptionReport;
import org.ecoplan.ows.ServiceException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class XmlDocumentTest {
    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void controlCharactersNeverBreakTheDocument() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XmlDocument x = new XmlDocument(out)) {
            x.root("a", "Root", "urn:a").attr("v", "x\u0000y").element("a", "Text", "1\u00012 <&>");
            x.end();
        }
        Element root = parse(out.toByteArray()).getDocumentElement();
        assertEquals("x\uFFFDy", root.getAttribute("v"));
        assertEquals("1\uFFFD2 <&>", root.getFirstChild().getTextContent());
    }

    @Test
    void anExceptionReportEchoingANulIsWellFormed() throws Exception {
        ServiceException e = new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "BBOX\u0000",
                "BBOX '1,2\u0000' is not four numbers");
        Document d = parse(OwsExceptionReport.encode(e, OwsExceptionReport.OWS_11, "2.0.0"));
        Element ex = (Element) d.getElementsByTagNameNS(OwsExceptionReport.OWS_11, "Exception").item(0);
        assertEquals("BBOX\uFFFD", ex.getAttribute("locator"));
        assertEquals(ServiceException.INVALID_PARAMETER_VALUE, ex.getAttribute("exceptionCode"));
    }
}
