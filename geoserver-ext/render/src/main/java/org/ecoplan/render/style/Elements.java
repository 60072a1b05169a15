package org.ecoplan.render.style;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Navigation of SLD / SE elements by local name (SLD 1.0 puts everything in the sld namespace,
 * SLD 1.1 in se and sld, so names are matched without namespace), with StyleExceptions that
 * carry the element's line.
 */
final class Elements {
    private Elements() {}

    static String local(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName().replaceFirst("^.*:", "");
    }

    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) out.add(c);
        }
        return out;
    }

    static Element child(Element e, String localName) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && local(c).equals(localName)) return c;
        }
        return null;
    }

    static int line(Node n) {
        return LineNumberedDomReader.line(n);
    }

    static StyleException error(Node at, String message) {
        return new StyleException(message, line(at));
    }

    /** The text of a value element: its text, or the text of an ogc:Literal inside it; PropertyName is refused. */
    static String value(Element e) {
        for (Element c : children(e)) {
            String n = local(c);
            if (n.equals("Literal")) return c.getTextContent().trim();
            throw error(c, n + " is not supported inside " + local(e) + "; write a literal value");
        }
        return e.getTextContent().trim();
    }

    /** The optional text child, or null. */
    static String text(Element parent, String localName) {
        Element c = child(parent, localName);
        return c == null ? null : c.getTextContent().trim();
    }

    static double number(Element e) {
        String v = value(e);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException ex) {
            throw error(e, local(e) + " must be a number, got '" + v + "'");
        }
    }

    static double number(Element parent, String localName, double fallback) {
        Element c = child(parent, localName);
        return c == null ? fallback : number(c);
    }

    /**
     * Reports the first child in a styling namespace whose local name is not allowed: a misspelt
     * element would otherwise silently fall back to a default.
     */
    static void checkChildren(Element e, java.util.Set<String> allowed) {
        for (Element c : children(e)) {
            if (isStylingNamespace(c) && !allowed.contains(local(c))) {
                throw error(c, "unknown or unsupported element " + local(c) + " in " + local(e));
            }
        }
    }

    /** Whether the element belongs to an OGC styling namespace (SLD, SE, OGC filter) or none. */
    static boolean isStylingNamespace(Element e) {
        String ns = e.getNamespaceURI();
        return ns == null || ns.equals("http://www.opengis.net/sld") || ns.equals("http://www.opengis.net/se")
                || ns.equals("http://www.opengis.net/ogc") || ns.equals("http://www.opengis.net/fes/2.0");
    }
}
