package org.ecoplan.map.image;

import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * A rendered image to be encoded (a map, a legend, a tile cut from a metatile, an exception
 * image), with the colour formats without alpha flatten it onto.
 */
public record MapImage(BufferedImage image, Color background) {}
