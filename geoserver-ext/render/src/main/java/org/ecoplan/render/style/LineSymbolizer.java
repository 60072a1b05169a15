package org.ecoplan.render.style;

/**
 * A LineSymbolizer (SLD 1.0.0 clause 11.3.2, SE 1.1 clause 11.2). A perpendicular offset (SE)
 * is kept in the model but not drawn.
 */
public record LineSymbolizer(String geometryProperty, Stroke stroke,
        double perpendicularOffset) implements Symbolizer {}
