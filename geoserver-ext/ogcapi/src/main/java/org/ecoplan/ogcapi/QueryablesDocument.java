package org.ecoplan.ogcapi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.config.LayerConfig;

/**
 * A collection's queryable properties as a JSON Schema (draft 2019-09), the form OGC API –
 * Features Part 3 (OGC 19-079r2 clause 6.2) gives them: every attribute, and the geometry.
 */
final class QueryablesDocument {
    private QueryablesDocument() {}

    static Map<String, Object> of(LayerConfig layer, String id, String self) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("$schema", "https://json-schema.org/draft/2019-09/schema");
        doc.put("$id", self);
        doc.put("type", "object");
        doc.put("title", layer.title().both());
        Map<String, Object> props = new LinkedHashMap<>();
        for (AttributeDescriptor a : layer.featureType().attributes()) props.put(a.name(), schema(a));
        if (layer.featureType().hasGeometry()) {
            props.put(layer.featureType().geometry().name(), Map.of("format",
                    "geometry-" + layer.featureType().geometry().type().sfName().toLowerCase(java.util.Locale.ROOT)));
        }
        doc.put("properties", props);
        doc.put("additionalProperties", false);
        return doc;
    }

    static Map<String, Object> schema(AttributeDescriptor a) {
        return switch (a.type()) {
            case STRING -> Map.of("type", "string");
            case INTEGER -> Map.of("type", "integer");
            case DOUBLE -> Map.of("type", "number");
            case BOOLEAN -> Map.of("type", "boolean");
            case DATE -> Map.of("type", "string", "format", "date");
        };
    }
}
