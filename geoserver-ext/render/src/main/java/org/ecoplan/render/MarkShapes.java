package org.ecoplan.render;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;

/**
 * The well-known marks of SLD 1.0.0 clause 11.3.2 (square, circle, triangle, star, cross, x) and
 * the hatch marks ("shape://horline" ...) as shapes in a unit box centred on the origin, y down.
 * Hatch marks are open lines: they are stroked, never filled.
 */
final class MarkShapes {
    private static final Map<String, Shape> SHAPES = Map.ofEntries(
            Map.entry("square", new Rectangle2D.Double(-0.5, -0.5, 1, 1)),
            Map.entry("circle", new Ellipse2D.Double(-0.5, -0.5, 1, 1)),
            Map.entry("triangle", polygon(0, -0.5, 0.5, 0.5, -0.5, 0.5)),
            Map.entry("star", star()),
            Map.entry("cross", polygon(-0.125, -0.5, 0.125, -0.5, 0.125, -0.125, 0.5, -0.125, 0.5, 0.125, 0.125, 0.125,
                    0.125, 0.5, -0.125, 0.5, -0.125, 0.125, -0.5, 0.125, -0.5, -0.125, -0.125, -0.125)),
            Map.entry("x", xShape()),
            Map.entry("shape://horline", lines(-0.5, 0, 0.5, 0)),
            Map.entry("shape://vertline", lines(0, -0.5, 0, 0.5)),
            Map.entry("shape://slash", lines(-0.5, 0.5, 0.5, -0.5)),
            Map.entry("shape://backslash", lines(-0.5, -0.5, 0.5, 0.5)),
            Map.entry("shape://times", lines(-0.5, 0.5, 0.5, -0.5, -0.5, -0.5, 0.5, 0.5)),
            Map.entry("shape://plus", lines(-0.5, 0, 0.5, 0, 0, -0.5, 0, 0.5)),
            Map.entry("shape://dot", new Ellipse2D.Double(-0.1, -0.1, 0.2, 0.2)));

    private MarkShapes() {}

    /** The unit shape of a well-known name (lower case); a square for unknown names. */
    static Shape shape(String wellKnownName) {
        return SHAPES.getOrDefault(wellKnownName, SHAPES.get("square"));
    }

    /** Whether the mark is a line hatch that is stroked only. */
    static boolean isHatch(String wellKnownName) {
        return wellKnownName.startsWith("shape://") && !wellKnownName.equals("shape://dot");
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) p.lineTo(xy[i], xy[i + 1]);
        p.closePath();
        return p;
    }

    private static Shape lines(double... xy) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < xy.length; i += 4) {
            p.moveTo(xy[i], xy[i + 1]);
            p.lineTo(xy[i + 2], xy[i + 3]);
        }
        return p;
    }

    private static Shape star() {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? 0.5 : 0.2;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            if (i == 0) p.moveTo(r * Math.cos(a), r * Math.sin(a));
            else p.lineTo(r * Math.cos(a), r * Math.sin(a));
        }
        p.closePath();
        return p;
    }

    private static Shape xShape() {
        Path2D.Double p = new Path2D.Double(polygon(-0.125, -0.5, 0.125, -0.5, 0.125, -0.125, 0.5, -0.125, 0.5, 0.125,
                0.125, 0.125, 0.125, 0.5, -0.125, 0.5, -0.125, 0.125, -0.5, 0.125, -0.5, -0.125, -0.125, -0.125));
        p.transform(java.awt.geom.AffineTransform.getRotateInstance(Math.PI / 4));
        return p;
    }
}
