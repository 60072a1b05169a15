package org.ecoplan.catalog.config;

import java.util.List;
import org.ecoplan.catalog.Localized;

/**
 * A named group of layers drawn together (one of the plan's figures), read from
 * {@code layers/<workspace>/groups/<id>.yaml}. {@code layers} are ids of layers or groups of the same
 * workspace, bottom to top.
 */
public record LayerGroupConfig(String workspace, String id, Localized title, Localized abstractText,
        List<String> keywords,
        List<String> layers, Location location) {
    public LayerGroupConfig {
        keywords = List.copyOf(keywords);
        layers = List.copyOf(layers);
    }

    /** "workspace:id". */
    public String qualifiedName() { return workspace + ":" + id; }
}
