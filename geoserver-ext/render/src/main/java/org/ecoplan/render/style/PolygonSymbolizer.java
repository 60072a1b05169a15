package org.ecoplan.render.style;

/** A PolygonSymbolizer (SLD 1.0.0 clause 11.3.3, SE 1.1 clause 11.3): fill then stroke; either may be null. */
public record PolygonSymbolizer(String geometryProperty, Fill fill, Stroke stroke) implements Symbolizer {}
