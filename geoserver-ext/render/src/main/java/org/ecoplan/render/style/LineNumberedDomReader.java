package org.ecoplan.render.style;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an XML style document into a namespace-aware DOM whose elements remember their line
 * ({@link #line(Node)}), safely: DOCTYPE declarations are refused (so no entity, internal or
 * external, is ever expanded or fetched), XInclude is off and the input is capped in size.
 */
final class LineNumberedDomReader {
    static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final String LINE = "ecoplan.line";

    private LineNumberedDomReader() {}

    static Document read(InputStream in, String systemId) {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setXIncludeAware(false);
            f.setValidating(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            SAXParser parser = f.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setNamespaceAware(true);
            Document doc = dbf.newDocumentBuilder().newDocument();
            InputSource src = new InputSource(new CappedInputStream(in));
            src.setSystemId(systemId);
            parser.parse(src, new Builder(doc));
            if (doc.getDocumentElement() == null) throw new StyleException("empty style document", 1);
            return doc;
        } catch (SAXParseException e) {
            String msg = e.getMessage() == null ? "malformed XML" : e.getMessage();
            if (msg.contains("DOCTYPE")) msg = "DOCTYPE declarations are not allowed in styles (" + msg + ")";
            throw new StyleException(msg, Math.max(e.getLineNumber(), 0), e);
        } catch (SAXException e) {
            throw new StyleException("malformed XML: " + e.getMessage(), 0, e);
        } catch (IOException e) {
            throw new StyleException("cannot read style: " + e.getMessage(), 0, e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a required security feature", e);
        }
    }

    /** The 1-based line an element started on, or 0. */
    static int line(Node n) {
        for (Node x = n; x != null; x = x.getParentNode()) {
            Object l = x.getUserData(LINE);
            if (l instanceof Integer i) return i;
        }
        return 0;
    }

    private static final class Builder extends DefaultHandler {
        private final Document doc;
        private Node current;
        private Locator locator;
        private final StringBuilder text = new StringBuilder();

        Builder(Document doc) {
            this.doc = doc;
            this.current = doc;
        }

        @Override
        public void setDocumentLocator(Locator l) { this.locator = l; }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            flushText();
            Element e = doc.createElementNS(uri == null || uri.isEmpty() ? null : uri, qName);
            for (int i = 0; i < atts.getLength(); i++) {
                String an = atts.getQName(i);
                if (an.equals("xmlns") || an.startsWith("xmlns:")) continue;
                String au = atts.getURI(i);
                e.setAttributeNS(au == null || au.isEmpty() ? null : au, an, atts.getValue(i));
            }
            if (locator != null) e.setUserData(LINE, locator.getLineNumber(), null);
            current.appendChild(e);
            current = e;
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flushText();
            current = current.getParentNode();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        private void flushText() {
            if (text.length() > 0 && current != doc) current.appendChild(doc.createTextNode(text.toString()));
            text.setLength(0);
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
            throw new SAXException("external entity '" + systemId + "' refused");
        }
    }

    /** Stops reading past {@link #MAX_BYTES}, so a huge upload cannot exhaust memory. */
    private static final class CappedInputStream extends FilterInputStream {
        private long count;

        CappedInputStream(InputStream in) { super(in); }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > MAX_BYTES)
                throw new IOException("style document larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
    }
}
