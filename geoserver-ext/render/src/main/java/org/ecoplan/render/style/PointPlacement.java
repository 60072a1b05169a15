package org.ecoplan.render.style;

/**
 * A PointPlacement (SLD 1.0.0 clause 11.4.4): anchor point of the label box (0..1, 0 = left /
 * bottom), displacement in pixels (x right, y up) and rotation in degrees clockwise.
 */
public record PointPlacement(double anchorX, double anchorY, double displacementX, double displacementY,
        double rotation) implements LabelPlacement {
    public static final PointPlacement DEFAULT = new PointPlacement(0, 0.5, 0, 0, 0);
}
