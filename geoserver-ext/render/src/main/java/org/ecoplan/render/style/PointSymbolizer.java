package org.ecoplan.render.style;

/**
 * A PointSymbolizer (SLD 1.0.0 clause 11.3.4, SE 1.1 clause 11.4): a graphic at each point, at
 * the interior point of a polygon and at the middle of a line.
 */
public record PointSymbolizer(String geometryProperty, Graphic graphic) implements Symbolizer {}
