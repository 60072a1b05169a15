package org.ecoplan.render.style;

/** A Halo (SLD 1.0.0 clause 11.4.5): a band of the fill's colour, radius pixels wide, around the glyphs. */
public record Halo(double radius, Fill fill) {}
