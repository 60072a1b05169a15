package org.ecoplan.ows.gml;

import java.util.List;
import org.ecoplan.catalog.query.xml.DomElements;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The few DOM look-ups GML reading needs, by local name so every GML namespace version matches. */
final class GmlDom {
    private GmlDom() {}

    /**
     * An attribute by local name, unqualified or in any namespace: some clients write
     * {@code gml:srsName} although GML defines the attribute without a namespace.
     */
    static String attribute(Element e, String name) {
        String v = e.getAttribute(name);
        if (!v.isEmpty()) return v.trim();
        var attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (name.equals(a.getLocalName())) return a.getNodeValue().trim();
        }
        return "";
    }

    static String local(Element e) { return DomElements.local(e); }

    static List<Element> children(Element e) { return DomElements.children(e); }
}
