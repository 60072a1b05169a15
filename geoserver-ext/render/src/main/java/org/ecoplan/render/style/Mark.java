package org.ecoplan.render.style;

/**
 * A Mark (SLD 1.0.0 clause 11.3.2): a well-known shape (square, circle, triangle, star, cross,
 * x) or a hatch (shape://horline, vertline, slash, backslash, times, dot, plus) with fill and stroke.
 */
public record Mark(String wellKnownName, Fill fill, Stroke stroke) implements GraphicSymbol {}
