package org.ecoplan.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schema of a layer's features: name (= layer id), attributes in order, and the geometry
 * property, which is null for feature types without geometry (tables such as plan targets).
 * Every property name a request uses is checked against this schema.
 */
public record FeatureType(String name, List<AttributeDescriptor> attributes, GeometryDescriptor geometry) {
    public FeatureType {
        attributes = List.copyOf(attributes);
    }

    public boolean hasGeometry() { return geometry != null; }

    public Optional<AttributeDescriptor> attribute(String property) {
        for (AttributeDescriptor a : attributes) if (a.name().equals(property)) return Optional.of(a);
        return Optional.empty();
    }

    /** Whether the name is a property of this type: an attribute or the geometry. */
    public boolean hasProperty(String property) {
        return attribute(property).isPresent() || (geometry != null && geometry.name().equals(property));
    }

    public boolean isGeometry(String property) {
        return geometry != null && geometry.name().equals(property);
    }

    public Map<String, AttributeDescriptor> attributeMap() {
        Map<String, AttributeDescriptor> m = new LinkedHashMap<>();
        for (AttributeDescriptor a : attributes) m.put(a.name(), a);
        return m;
    }
}
