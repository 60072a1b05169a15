package org.ecoplan.wfs;

import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.ecoplan.ows.encode.XmlText;

/**
 * A thin layer over {@link XMLStreamWriter} for the service's XML documents: elements are written
 * by prefix (each prefix bound once on the root), text is cleaned of characters XML 1.0 forbids.
 */
final class XmlWriter implements AutoCloseable {
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String OWS11 = "http://www.opengis.net/ows/1.1";
    static final String OWS10 = "http://www.opengis.net/ows";
    static final String FES = "http://www.opengis.net/fes/2.0";
    static final String OGC = "http://www.opengis.net/ogc";
    static final String XSD = "http://www.w3.org/2001/XMLSchema";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter w;

    XmlWriter(OutputStream out) {
        try {
            this.w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XMLStreamWriter raw() { return w; }

    /** Starts the root element and binds the given prefix/URI pairs on it. */
    XmlWriter root(String prefix, String local, String uri, String... bindings) throws XMLStreamException {
        for (int i = 0; i < bindings.length; i += 2) w.setPrefix(bindings[i], bindings[i + 1]);
        w.setPrefix(prefix, uri);
        w.writeStartElement(prefix, local, uri);
        w.writeNamespace(prefix, uri);
        for (int i = 0; i < bindings.length; i += 2) {
            if (!bindings[i].equals(prefix)) w.writeNamespace(bindings[i], bindings[i + 1]);
        }
        return this;
    }

    /** Binds and declares application namespaces on the element just started (the root). */
    XmlWriter namespaces(java.util.List<org.ecoplan.ows.encode.AppNamespace> namespaces) throws XMLStreamException {
        for (var ns : namespaces) {
            w.setPrefix(ns.prefix(), ns.uri());
            w.writeNamespace(ns.prefix(), ns.uri());
        }
        return this;
    }

    XmlWriter start(String prefix, String local) throws XMLStreamException {
        w.writeStartElement(prefix, local, w.getNamespaceContext().getNamespaceURI(prefix));
        return this;
    }

    XmlWriter attr(String name, String value) throws XMLStreamException {
        if (value != null) w.writeAttribute(name, XmlText.clean(value));
        return this;
    }

    XmlWriter attr(String prefix, String name, String value) throws XMLStreamException {
        if (value != null)
            w.writeAttribute(prefix, w.getNamespaceContext().getNamespaceURI(prefix), name, XmlText.clean(value));
        return this;
    }

    XmlWriter text(String text) throws XMLStreamException {
        if (text != null) w.writeCharacters(XmlText.clean(text));
        return this;
    }

    XmlWriter end() throws XMLStreamException {
        w.writeEndElement();
        return this;
    }

    /** {@code <prefix:local>text</prefix:local>}. */
    XmlWriter element(String prefix, String local, String text) throws XMLStreamException {
        return start(prefix, local).text(text).end();
    }

    /** An empty element. */
    XmlWriter empty(String prefix, String local) throws XMLStreamException {
        return start(prefix, local).end();
    }

    @Override
    public void close() throws XMLStreamException {
        w.writeEndDocument();
        w.flush();
        w.close();
    }
}
