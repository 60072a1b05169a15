package org.ecoplan.wms.getmap;

import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.render.style.Style;

/** A catalog layer with the style a GetMap request chose for it. */
public record StyledMapLayer(LayerConfig layer, Style style) {}
