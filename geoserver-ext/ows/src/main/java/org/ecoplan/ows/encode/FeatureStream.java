package org.ecoplan.ows.encode;

import java.util.Iterator;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;

/**
 * The features of one feature type that go into a response, as a forward-only stream (usually a
 * store cursor, so a page never has to sit in memory). A response may hold several of them
 * (WFS GetFeature with several type names, WMS GetFeatureInfo over several layers).
 *
 * @param type       the schema of the features
 * @param properties the attribute names to write, in order, or null for every attribute of the type
 * @param geometry   whether the geometry property is written
 * @param features   the features, consumed once
 * @param namespace  the XML namespace the type is published in (GML), or null where none applies
 */
public record FeatureStream(FeatureType type, java.util.List<String> properties, boolean geometry,
        Iterator<Feature> features, AppNamespace namespace) {
    public FeatureStream {
        properties = properties == null ? null : java.util.List.copyOf(properties);
    }

    public FeatureStream(FeatureType type, java.util.List<String> properties, boolean geometry,
            Iterator<Feature> features) {
        this(type, properties, geometry, features, null);
    }

    /** Every attribute and the geometry (when the type has one). */
    public static FeatureStream all(FeatureType type, Iterator<Feature> features) {
        return new FeatureStream(type, null, type.hasGeometry(), features);
    }

    /** Every attribute and the geometry, of a type published in a namespace. */
    public static FeatureStream all(FeatureType type, Iterator<Feature> features, AppNamespace namespace) {
        return new FeatureStream(type, null, type.hasGeometry(), features, namespace);
    }

    /** The attribute names written, in schema order. */
    public java.util.List<String> attributeNames() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (var a : type.attributes()) {
            if (properties == null || properties.contains(a.name())) out.add(a.name());
        }
        return out;
    }

    /** Whether a geometry is written for these features. */
    public boolean writesGeometry() {
        return geometry && type.hasGeometry();
    }
}
