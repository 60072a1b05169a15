package org.ecoplan.map.info;

import java.util.List;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.ows.encode.AppNamespace;

/**
 * The features of one queried layer found at a GetFeatureInfo pixel, with their geometries in
 * {@code crs} (east/north), and the XML namespace its feature type is published in.
 */
public record LayerHits(LayerConfig layer, List<Feature> features, Crs crs, AppNamespace namespace) {
    public LayerHits {
        features = List.copyOf(features);
    }
}
