package org.ecoplan.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.ecoplan.ows.ServiceException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A REST request body as one tree whether it came as JSON or as XML, as GeoServer accepts both:
 * {@code <workspace><name>x</name></workspace>} reads as {@code {"workspace": {"name": "x"}}},
 * repeated elements as a list, attributes as {@code @name}. XML is parsed with DTDs refused, so no
 * entity is ever expanded.
 */
final class RestBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RestBody() {}

    static JsonNode read(byte[] body, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        boolean xml = type.contains("xml") || (body.length > 0 && body[0] == '<');
        if (!xml) {
            try {
                JsonNode n = JSON.readTree(body);
                if (n == null || !n.isObject()) throw bad("Expected a JSON object");
                return n;
            } catch (IOException e) {
                throw bad("Malformed JSON: " + String.valueOf(e.getMessage()).split("\n")[0]);
            }
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
            ObjectNode out = JSON.createObjectNode();
            out.set(root.getTagName(), tree(root));
            return out;
        } catch (SAXException e) {
            throw bad("Malformed XML: " + e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
            throw bad("Unreadable XML: " + e.getMessage());
        }
    }

    private static JsonNode tree(Element e) {
        boolean hasElements = false;
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) hasElements |= c instanceof Element;
        if (!hasElements && e.getAttributes().getLength() == 0)
            return JSON.getNodeFactory().textNode(e.getTextContent().strip());
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            Node a = e.getAttributes().item(i);
            o.put("@" + a.getNodeName(), a.getNodeValue());
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (!(c instanceof Element child)) continue;
            String name = child.getTagName();
            JsonNode value = tree(child);
            JsonNode was = o.get(name);
            if (was == null) {
                o.set(name, value);
            } else if (was instanceof ArrayNode list) {
                list.add(value);
            } else {
                ArrayNode list = JSON.createArrayNode();
                list.add(was);
                list.add(value);
                o.set(name, list);
            }
        }
        if (!hasElements) o.put("$", e.getTextContent().strip());
        return o;
    }

    private static ServiceException bad(String message) {
        return new ServiceException("BadRequest", null, message, 400);
    }
}
