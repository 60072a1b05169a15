package org.ecoplan.catalog.query.xml;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * DOM look-ups by local name, so filters and geometries match whichever namespace version
 * (Filter 1.x, FES 2.0, GML 2/3.1/3.2) a client wrote.
 */
public final class DomElements {
    private DomElements() {}

    /** The element's local name, also for documents parsed without namespace awareness. */
    public static String local(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName().replaceFirst("^.*:", "");
    }

    /** The child elements, in document order. */
    public static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) out.add(c);
        }
        return out;
    }
}
