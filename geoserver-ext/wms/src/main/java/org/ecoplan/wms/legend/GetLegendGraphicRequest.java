package org.ecoplan.wms.legend;

import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.wms.ExceptionFormat;
/**
 * A GetLegendGraphic request (SLD 1.1 / 05-078r4 clause 12, SLD 1.0 practice): the legend of a
 * layer's style, or of one rule of it, with icons of WIDTH × HEIGHT pixels.
 *
 * @param style            the style id, or null for the layer's default
 * @param rule             a rule name, or null for every rule
 * @param scaleDenominator SCALE: only rules that apply at this scale denominator; NaN for all
 */
public record GetLegendGraphicRequest(String layer, String style, String rule, double scaleDenominator,
        ImageFormat format,
        int width, int height, boolean transparent, ExceptionFormat exceptions) {}
