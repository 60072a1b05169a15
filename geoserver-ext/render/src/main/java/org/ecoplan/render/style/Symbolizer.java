package org.ecoplan.render.style;

/**
 * A symbolizer (SLD 1.0.0 clause 11.3, SE 1.1 clause 11): how a feature is drawn.
 * {@code geometryProperty} is the property to draw, or null for the default geometry.
 */
public sealed interface Symbolizer
        permits PolygonSymbolizer, LineSymbolizer, PointSymbolizer, TextSymbolizer {
    String geometryProperty();
}
