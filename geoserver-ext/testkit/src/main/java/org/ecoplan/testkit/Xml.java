package org.ecoplan.testkit;

import java.io.ByteArrayInputStream;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * XPath over response documents with the usual OGC prefixes (wfs, ows, fes, gml, ogc, xs, ...) and
 * {@code test} for the test workspace's namespace, for tests; {@link #bind} adds others.
 */
public final class Xml {
    private final Document doc;
    private final XPath xpath;
    private final java.util.Map<String, String> extra = new java.util.HashMap<>();

    public Xml(byte[] body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String p) {
                return switch (p) {
                    case "wfs" -> "http://www.opengis.net/wfs/2.0";
                    case "wfs1" -> "http://www.opengis.net/wfs";
                    case "ows" -> "http://www.opengis.net/ows/1.1";
                    case "ows1" -> "http://www.opengis.net/ows";
                    case "fes" -> "http://www.opengis.net/fes/2.0";
                    case "gml" -> "http://www.opengis.net/gml/3.2";
                    case "gml3" -> "http://www.opengis.net/gml";
                    case "ogc" -> "http://www.opengis.net/ogc";
                    case "xs" -> "http://www.w3.org/2001/XMLSchema";
                    case "test" -> "http://example.org/test";
                    case "xml" -> "http://www.w3.org/XML/1998/namespace";
                    default -> extra.get(p);
                };
            }
            @Override
            public String getPrefix(String uri) { return null; }
            @Override
            public java.util.Iterator<String> getPrefixes(String uri) { return null; }
        });
    }

    /** Binds one more prefix for the expressions (an application namespace). */
    public Xml bind(String prefix, String uri) {
        extra.put(prefix, uri);
        return this;
    }

    public String s(String expr) throws Exception { return (String) xpath.evaluate(expr, doc, XPathConstants.STRING); }

    public int n(String expr) throws Exception {
        return ((Double) xpath.evaluate("count(" + expr + ")", doc, XPathConstants.NUMBER)).intValue();
    }

    public NodeList nodes(String expr) throws Exception {
        return (NodeList) xpath.evaluate(expr, doc, XPathConstants.NODESET);
    }
}
