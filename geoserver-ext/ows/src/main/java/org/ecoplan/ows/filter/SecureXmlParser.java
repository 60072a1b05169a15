package org.ecoplan.ows.filter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.ecoplan.ows.ServiceException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses request XML (a FILTER parameter, a POST body) into a namespace-aware DOM without the
 * attack surface of XML: a document type declaration is refused outright, so no entity (internal
 * or external) is ever defined or expanded and a "billion laughs" document fails at its DOCTYPE;
 * XInclude is off; size and element depth are capped. Failures are
 * {@link ServiceException#OPERATION_PARSING_FAILED} with the caller's locator.
 */
public final class SecureXmlParser {
    /** Default size cap for XML given in a KVP parameter or a request body. */
    public static final int DEFAULT_MAX_CHARS = 2_000_000;
    /** Deeper documents are refused before any recursive reader walks them. */
    public static final int MAX_DEPTH = 64;

    private final int maxChars;

    public SecureXmlParser() {
        this(DEFAULT_MAX_CHARS);
    }

    public SecureXmlParser(int maxChars) {
        this.maxChars = maxChars;
    }

    /** Parses XML text; the root element is returned. */
    public Element parse(String xml, String locator) {
        if (xml == null || xml.isBlank()) throw failed(locator, "empty XML");
        if (xml.length() > maxChars) throw failed(locator, "XML larger than " + maxChars + " characters");
        return parse(new InputSource(new StringReader(xml)), locator);
    }

    /** Parses XML bytes (encoding from the XML declaration); the root element is returned. */
    public Element parse(byte[] xml, String locator) {
        if (xml == null || xml.length == 0) throw failed(locator, "empty XML");
        if (xml.length > maxChars) throw failed(locator, "XML larger than " + maxChars + " bytes");
        return parse(new InputSource(new ByteArrayInputStream(xml)), locator);
    }

    private Element parse(InputSource source, String locator) {
        Document doc;
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) { /* not fatal */ }
                @Override
                public void error(SAXParseException e) throws SAXException { throw e; }
                @Override
                public void fatalError(SAXParseException e) throws SAXException { throw e; }
            });
            doc = builder.parse(source);
        } catch (SAXParseException e) {
            if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
                throw failed(locator, "a document type declaration (DOCTYPE) is not allowed in request XML");
            }
            throw failed(locator, "malformed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + ": " + clean(e.getMessage()));
        } catch (SAXException | IOException e) {
            throw failed(locator, "malformed XML: " + clean(e.getMessage()));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured securely", e);
        }
        Element root = doc.getDocumentElement();
        if (depth(root, 1) > MAX_DEPTH) throw failed(locator, "XML nested deeper than " + MAX_DEPTH + " elements");
        return root;
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    /** Depth of the element tree, iteratively so a hostile document cannot exhaust the stack. */
    private static int depth(Element root, int start) {
        int max = start;
        int d = start;
        Node n = root;
        while (n != null) {
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                d++;
                max = Math.max(max, d);
                continue;
            }
            while (n != null && n != root && n.getNextSibling() == null) {
                n = n.getParentNode();
                d--;
            }
            if (n == null || n == root) break;
            n = n.getNextSibling();
        }
        return max;
    }

    private static String clean(String message) {
        if (message == null) return "unreadable";
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    private static ServiceException failed(String locator, String message) {
        return new ServiceException(ServiceException.OPERATION_PARSING_FAILED, locator,
                (locator == null ? "" : locator + ": ") + message);
    }
}
