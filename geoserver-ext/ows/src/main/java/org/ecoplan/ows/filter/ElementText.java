package org.ecoplan.ows.filter;

import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Element;

/**
 * A parsed element written back as XML text (without declaration; the namespaces of element and
 * attribute names declared), for an XML request whose fragment travels on as a KVP value: the
 * FILTER of a paging link, the SLD_BODY of a GetMap sent as XML.
 */
public final class ElementText {
    private ElementText() {}

    public static String of(Element e) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = factory.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(e), new StreamResult(out));
            return out.toString();
        } catch (TransformerException ex) {
            throw new IllegalStateException("cannot write back a parsed " + e.getLocalName(), ex);
        }
    }
}
