package org.ecoplan.wms;

/**
 * A GetLegendGraphic request (SLD 1.1 / 05-078r4 clause 12, SLD 1.0 practice): the legend of a
 * layer's style, or of one rule of it, with icons of WIDTH × HEIGHT pixels.
 *
 * @param style the style id, or null for the layer's default
 * @param rule  a rule name, or null for every rule
 */
public record GetLegendGraphicRequest(String layer, String style, String rule, ImageFormat format, int width,
                                      int height, boolean transparent, ExceptionFormat exceptions) {}
