package org.ecoplan.wms;

import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A small StAX writer for documents whose elements all live in one default namespace (WMS 1.3.0)
 * or in none (WMS 1.1.1), with unchecked exceptions, so the capabilities writers read like the
 * document they produce.
 */
final class XmlOut implements AutoCloseable {
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final XMLStreamWriter w;
    private final String ns;
    private boolean xlinkOnEachLink;

    XmlOut(OutputStream out, String defaultNamespace) {
        try {
            this.w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            this.ns = defaultNamespace == null ? "" : defaultNamespace;
            w.writeStartDocument("UTF-8", "1.0");
            if (!ns.isEmpty()) w.setDefaultNamespace(ns);
            w.setPrefix("xlink", XLINK);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut start(String name) {
        try {
            if (ns.isEmpty()) w.writeStartElement(name);
            else w.writeStartElement(ns, name);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts an element of another namespace with a prefix (sld:GetLegendGraphic). */
    XmlOut start(String prefix, String namespace, String name) {
        try {
            w.writeStartElement(prefix, name, namespace);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut namespace(String prefix, String uri) {
        try {
            if (prefix == null) w.writeDefaultNamespace(uri);
            else w.writeNamespace(prefix, uri);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut attr(String name, String value) {
        try {
            w.writeAttribute(name, value);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut attr(String prefix, String namespace, String name, String value) {
        try {
            w.writeAttribute(prefix, namespace, name, value);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut text(String text) {
        try {
            w.writeCharacters(text == null ? "" : text);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut end() {
        try {
            w.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element with text content only. */
    XmlOut element(String name, String text) {
        return start(name).text(text).end();
    }

    /**
     * Declares the xlink namespace on every OnlineResource instead of the root: the WMS 1.1.1 DTD
     * declares it (fixed) on those elements only, so a root declaration would not be valid.
     */
    XmlOut xlinkOnEachLink() {
        this.xlinkOnEachLink = true;
        return this;
    }

    /** An OnlineResource element (xlink simple link). */
    XmlOut onlineResource(String href) {
        start("OnlineResource");
        if (xlinkOnEachLink) namespace("xlink", XLINK);
        return attr("xlink", XLINK, "type", "simple").attr("xlink", XLINK, "href", href).end();
    }

    @Override
    public void close() {
        try {
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }
}
