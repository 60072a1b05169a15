package org.ecoplan.render.style;

/**
 * A LinePlacement (SLD 1.0.0 clause 11.4.4): the label follows the line, offset perpendicular
 * to it by the given pixels (positive: left of the line direction, i.e. above a line drawn left to right).
 */
public record LinePlacement(double perpendicularOffset) implements LabelPlacement {}
