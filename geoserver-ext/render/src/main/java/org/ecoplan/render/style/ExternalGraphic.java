package org.ecoplan.render.style;

import java.awt.image.BufferedImage;

/**
 * An ExternalGraphic (SLD 1.0.0 clause 11.3.2) loaded once at parse time from a local file
 * (relative to the style) or a data: URI; remote URLs are never fetched.
 */
public record ExternalGraphic(String href, String format, BufferedImage image) implements GraphicSymbol {}
