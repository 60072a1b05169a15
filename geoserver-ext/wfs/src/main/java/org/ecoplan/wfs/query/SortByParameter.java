package org.ecoplan.wfs.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.query.SortBy;
import org.ecoplan.ows.encode.AppNamespace;
import org.ecoplan.wfs.WfsExceptions;

/**
 * The KVP SORTBY parameter (FES 2.0 clause 8.3 / WFS 2.0 Table 7): {@code name [ASC|DESC], ...};
 * the WFS 1.1 suffixes {@code A} / {@code D} are accepted too. A '+' between name and order arrives
 * as a blank and is fine.
 */
final class SortByParameter {
    private SortByParameter() {}

    static List<SortBy> parse(String value, LayerConfig layer, AppNamespace ns) {
        List<SortBy> out = new ArrayList<>();
        if (value == null || value.isBlank()) return out;
        for (String item : value.split(",")) {
            String[] words = item.trim().split("[\\s+]+");
            if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
                throw WfsExceptions.invalid("sortBy", "SORTBY item '" + item.trim() + "' is not 'property [ASC|DESC]'");
            }
            boolean ascending = true;
            if (words.length == 2) {
                switch (words[1].toUpperCase(Locale.ROOT)) {
                    case "ASC", "A" -> ascending = true;
                    case "DESC", "D" -> ascending = false;
                    default ->
                        throw WfsExceptions.invalid("sortBy", "sort order '" + words[1] + "' is not ASC or DESC");
                }
            }
            String name = PropertyNames.resolve(layer, words[0], "sortBy", ns);
            if (layer.featureType().isGeometry(name)) {
                throw WfsExceptions.invalid("sortBy", "cannot sort by the geometry property " + name);
            }
            out.add(new SortBy(name, ascending));
        }
        return out;
    }
}
