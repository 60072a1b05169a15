package org.ecoplan.loader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.config.CatalogLoader;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.DataStores;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.catalog.store.FeatureSource;

/**
 * What a store serves for every layer of a workspace, read back through the store SPI: count,
 * version and every feature (id, attributes, geometry as WKT). Two equal snapshots mean the
 * store content did not change.
 */
record StoreSnapshot(Map<String, Layer> layers) {
    record Layer(long count, String version, List<String> features) {}

    static StoreSnapshot read(String url, Path workspace) {
        Catalog catalog = CatalogLoader.load(workspace);
        Map<String, Layer> out = new LinkedHashMap<>();
        try (DataStore store = DataStores.open(url)) {
            for (LayerConfig l : catalog.layers()) {
                if (!store.hasTable(l.table())) continue;
                FeatureSource s = store.featureSource(l.featureType(), l.table());
                List<String> features = new ArrayList<>();
                for (Feature f : features(s))
                    features.add(
                            f.id() + " " + f.attributes() + " " + (f.geometry() == null ? "-" : f.geometry().toText()));
                out.put(l.id(), new Layer(s.count(FeatureQuery.ALL), s.version(), features));
            }
        }
        return new StoreSnapshot(out);
    }

    static List<Feature> features(FeatureSource s) {
        List<Feature> out = new ArrayList<>();
        try (FeatureCursor c = s.features(FeatureQuery.ALL)) {
            while (c.hasNext()) out.add(c.next());
        }
        return out;
    }

    /** The features of one layer, read back. */
    static List<Feature> features(String url, Path workspace, String layer) {
        LayerConfig l = CatalogLoader.load(workspace).layer("fixture", layer).orElseThrow();
        try (DataStore store = DataStores.open(url)) {
            return features(store.featureSource(l.featureType(), l.table()));
        }
    }
}
