package org.ecoplan.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.ecoplan.ows.OwsResponse;

/**
 * A REST answer in JSON or in XML as GeoServer writes them: the same tree, a one-key object at the
 * root ({@code {"workspaces": {"workspace": [...]}}} ↔ {@code <workspaces><workspace>...}), a list
 * as repeated elements, and an {@code href} as an {@code atom:link}.
 */
final class RestDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RestDocument() {}

    static OwsResponse answer(int status, Map<String, Object> doc, boolean xml) {
        if (!xml) {
            try {
                return OwsResponse.bytes(status, "application/json", JSON.writeValueAsBytes(doc));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        for (var e : doc.entrySet()) element(b, e.getKey(), e.getValue(), true);
        return OwsResponse.bytes(status, "application/xml", b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void element(StringBuilder b, String name, Object value, boolean root) {
        if (value instanceof List<?> list) {
            for (Object v : list) element(b, name, v, false);
            return;
        }
        String tag = name.startsWith("@") ? name.substring(1) : name;
        b.append('<').append(tag);
        if (root) b.append(" xmlns:atom=\"http://www.w3.org/2005/Atom\"");
        b.append('>');
        if (value instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                String k = String.valueOf(e.getKey());
                if (k.equals("href")) {
                    b.append("<atom:link rel=\"alternate\" href=\"").append(escape(String.valueOf(e.getValue())))
                            .append("\" type=\"application/xml\"/>");
                } else {
                    element(b, k, e.getValue(), false);
                }
            }
        } else if (value != null) {
            b.append(escape(String.valueOf(value)));
        }
        b.append("</").append(tag).append('>');
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
