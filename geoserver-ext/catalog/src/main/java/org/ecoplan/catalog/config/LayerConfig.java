package org.ecoplan.catalog.config;

import java.util.List;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.Localized;

/**
 * One published layer, read from {@code layers/<id>.yaml}.
 *
 * @param id        ASCII identifier; also the feature type name and the table name by default
 * @param table     table in the store
 * @param queryable whether GetFeatureInfo answers for it
 */
public record LayerConfig(String id, Localized title, Localized abstractText, List<String> keywords,
        String store, String table, FeatureType featureType, SourceConfig source,
        StyleRefs styles, boolean queryable, LayerMetadata metadata, List<RuleConfig> rules,
        Location location) {
    public LayerConfig {
        keywords = List.copyOf(keywords);
        rules = List.copyOf(rules);
    }
}
