package org.ecoplan.ows.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.ecoplan.ows.ServiceException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SecureXmlParserTest {
    @Test
    void bytesAreReadInTheDeclaredEncodingAndNamespacesKept() {
        String xml = "<?xml version=\"1.0\" encoding=\"GB18030\"?><fes:Literal xmlns:fes=\"http://www.opengis.net/fes/2.0\">阳高县</fes:Literal>";
        Element e = new SecureXmlParser().parse(xml.getBytes(Charset.forName("GB18030")), "body");
        assertEquals("阳高县", e.getTextContent());
        assertEquals("http://www.opengis.net/fes/2.0", e.getNamespaceURI());
        assertEquals("Literal", e.getLocalName());
        Element utf8 = new SecureXmlParser().parse("<a>龙泉镇</a>".getBytes(StandardCharsets.UTF_8), "body");
        assertEquals("龙泉镇", utf8.getTextContent());
    }

    @Test
    void doctypeXincludeAndGarbageAreRejected() {
        SecureXmlParser p = new SecureXmlParser();
        ServiceException doctype = assertThrows(ServiceException.class, () -> p.parse("<!DOCTYPE a><a/>", "FILTER"));
        assertEquals(ServiceException.OPERATION_PARSING_FAILED, doctype.code());
        assertEquals("FILTER", doctype.locator());
        assertTrue(doctype.getMessage().contains("DOCTYPE"), doctype.getMessage());
        // XInclude stays an ordinary element: nothing is fetched
        Element inc = p.parse(
                "<a xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file:///etc/passwd\" parse=\"text\"/></a>",
                "X");
        assertEquals("", inc.getTextContent());
        assertEquals("include", ((Element) inc.getFirstChild()).getLocalName());
        ServiceException garbage = assertThrows(ServiceException.class, () -> p.parse("not xml at all", "FILTER"));
        assertTrue(garbage.getMessage().contains("malformed XML at line 1"), garbage.getMessage());
        assertThrows(ServiceException.class, () -> p.parse(new byte[0], "body"));
        assertThrows(ServiceException.class, () -> p.parse((String) null, "body"));
    }
}
