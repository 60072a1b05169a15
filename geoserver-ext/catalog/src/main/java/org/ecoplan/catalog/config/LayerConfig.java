package org.ecoplan.catalog.config;

import java.util.List;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.Localized;

/**
 * One published layer, read from {@code layers/<workspace>/<id>.yaml}.
 *
 * @param workspace the workspace it is published in
 * @param id        ASCII identifier, unique in its workspace; also the feature type name and the table name by default
 * @param table     table in the store
 * @param queryable whether GetFeatureInfo answers for it
 */
public record LayerConfig(String workspace, String id, Localized title, Localized abstractText, List<String> keywords,
        String store, String table, FeatureType featureType, SourceConfig source,
        StyleRefs styles, boolean queryable, LayerMetadata metadata, List<RuleConfig> rules,
        Location location) {
    public LayerConfig {
        keywords = List.copyOf(keywords);
        rules = List.copyOf(rules);
    }

    /** "workspace:id", the layer's name across workspaces. */
    public String qualifiedName() {
        return workspace + ":" + id;
    }

    /** The styles a map client may ask for, default first; none for a table without a default style. */
    public List<String> styleIds() {
        return styles == null || styles.defaultStyle() == null ? List.of() : styles.all();
    }
}
