package org.ecoplan.ows.encode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The one way the services write XML documents (capabilities, schemas, exception reports, feature
 * collections): a thin layer over StAX in which elements are named by prefix (bound once on the
 * root) or, for documents in one default namespace such as WMS 1.3.0 capabilities, by local name,
 * and all text and attribute values pass through {@link XmlText#clean}, so a stray control
 * character in data or in a request echoed back never makes a document unparseable. Write errors
 * (a client that went away) surface as {@link UncheckedIOException}.
 */
public final class XmlDocument implements AutoCloseable {
    public static final String XLINK = "http://www.w3.org/1999/xlink";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema";
    public static final String OWS11 = "http://www.opengis.net/ows/1.1";
    public static final String OWS10 = "http://www.opengis.net/ows";
    public static final String FES = "http://www.opengis.net/fes/2.0";
    public static final String OGC = "http://www.opengis.net/ogc";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter w;
    private final String defaultNamespace;
    private boolean xlinkOnEachLink;

    /** A document whose elements are all named by prefix. */
    public XmlDocument(OutputStream out) {
        this(out, null);
    }

    /**
     * @param defaultNamespace the namespace of elements started by local name alone, or null for
     *                         elements in no namespace (WMS 1.1.1)
     */
    public XmlDocument(OutputStream out, String defaultNamespace) {
        this.defaultNamespace = defaultNamespace == null ? "" : defaultNamespace;
        try {
            this.w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            if (!this.defaultNamespace.isEmpty()) w.setDefaultNamespace(this.defaultNamespace);
            w.setPrefix("xlink", XLINK);
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** The StAX writer underneath, for writers that stream into the same document (GML features). */
    public XMLStreamWriter raw() {
        return w;
    }

    /** Starts the root element in a prefixed namespace and binds the given prefix/URI pairs on it. */
    public XmlDocument root(String prefix, String local, String uri, String... bindings) {
        try {
            for (int i = 0; i < bindings.length; i += 2) w.setPrefix(bindings[i], bindings[i + 1]);
            w.setPrefix(prefix, uri);
            w.writeStartElement(prefix, local, uri);
            w.writeNamespace(prefix, uri);
            for (int i = 0; i < bindings.length; i += 2) {
                if (!bindings[i].equals(prefix)) w.writeNamespace(bindings[i], bindings[i + 1]);
            }
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** Binds and declares application namespaces on the element just started (the root). */
    public XmlDocument namespaces(List<AppNamespace> namespaces) {
        for (AppNamespace ns : namespaces) {
            try {
                w.setPrefix(ns.prefix(), ns.uri());
            } catch (XMLStreamException e) {
                throw failed(e);
            }
            namespace(ns.prefix(), ns.uri());
        }
        return this;
    }

    /** Declares a namespace on the element just started; a null prefix declares the default namespace. */
    public XmlDocument namespace(String prefix, String uri) {
        try {
            if (prefix == null) w.writeDefaultNamespace(uri);
            else w.writeNamespace(prefix, uri);
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** Starts an element of the default namespace (or of none). */
    public XmlDocument start(String local) {
        try {
            if (defaultNamespace.isEmpty()) w.writeStartElement(local);
            else w.writeStartElement(defaultNamespace, local);
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** Starts an element by a prefix bound on the root. */
    public XmlDocument start(String prefix, String local) {
        return start(prefix, w.getNamespaceContext().getNamespaceURI(prefix), local);
    }

    /** Starts an element of a namespace with a prefix. */
    public XmlDocument start(String prefix, String namespace, String local) {
        try {
            w.writeStartElement(prefix, local, namespace);
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** An attribute without namespace; a null value writes nothing. */
    public XmlDocument attr(String name, String value) {
        if (value == null) return this;
        try {
            w.writeAttribute(name, XmlText.clean(value));
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** An attribute by a prefix bound on the root; a null value writes nothing. */
    public XmlDocument attr(String prefix, String name, String value) {
        return attr(prefix, w.getNamespaceContext().getNamespaceURI(prefix), name, value);
    }

    /** An attribute of a namespace with a prefix; a null value writes nothing. */
    public XmlDocument attr(String prefix, String namespace, String name, String value) {
        if (value == null) return this;
        try {
            w.writeAttribute(prefix, namespace, name, XmlText.clean(value));
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** Character content; null writes nothing. */
    public XmlDocument text(String text) {
        if (text == null) return this;
        try {
            w.writeCharacters(XmlText.clean(text));
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    public XmlDocument end() {
        try {
            w.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** An element of the default namespace with text content only. */
    public XmlDocument element(String local, String text) {
        return start(local).text(text).end();
    }

    /** {@code <prefix:local>text</prefix:local>}. */
    public XmlDocument element(String prefix, String local, String text) {
        return start(prefix, local).text(text).end();
    }

    /** An empty element by prefix. */
    public XmlDocument empty(String prefix, String local) {
        return start(prefix, local).end();
    }

    /**
     * Declares the xlink namespace on every link element instead of the root: the WMS 1.1.1 DTD
     * declares it (fixed) on those elements only, so a root declaration would not be valid.
     */
    public XmlDocument xlinkOnEachLink() {
        this.xlinkOnEachLink = true;
        return this;
    }

    /** An element of the default namespace that is an xlink simple link (WMS OnlineResource). */
    public XmlDocument link(String local, String href) {
        start(local);
        if (xlinkOnEachLink) namespace("xlink", XLINK);
        return attr("xlink", XLINK, "type", "simple").attr("xlink", XLINK, "href", href).end();
    }

    /** Ends the document and flushes it. */
    @Override
    public void close() {
        try {
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    private static UncheckedIOException failed(XMLStreamException e) {
        return new UncheckedIOException(new IOException("writing XML failed: " + e.getMessage(), e));
    }
}
