package org.ecoplan.render.style;

/**
 * A TextSymbolizer (SLD 1.0.0 clause 11.4, SE 1.1 clause 11.4).
 *
 * @param label     the label text expression
 * @param font      font; never null (defaults applied)
 * @param placement point or line placement; null means a point placement at the anchor default
 * @param halo      halo or null
 * @param fill      text fill (SLD default: solid black)
 * @param priority  SE 1.1 / SLD 1.1 Priority expression or null; higher values are placed first
 */
public record TextSymbolizer(String geometryProperty, Expression label, Font font, LabelPlacement placement,
        Halo halo, Fill fill, Expression priority) implements Symbolizer {}
