package org.ecoplan.render;

import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.render.style.Style;

/** One layer of a map: its name (for messages), where its features come from and how to draw them. */
public record MapLayer(String name, FeatureSource source, Style style) {}
