package org.ecoplan.catalog.config;

import java.util.List;
import org.ecoplan.catalog.Localized;

/**
 * A named group of layers drawn together (one of the plan's figures), read from
 * {@code layers/groups/<id>.yaml}. {@code layers} are layer or group ids, bottom to top.
 */
public record LayerGroupConfig(String id, Localized title, Localized abstractText, List<String> keywords,
        List<String> layers, Location location) {
    public LayerGroupConfig {
        keywords = List.copyOf(keywords);
        layers = List.copyOf(layers);
    }
}
