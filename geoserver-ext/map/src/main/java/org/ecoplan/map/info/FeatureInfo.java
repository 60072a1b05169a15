package org.ecoplan.map.info;

import java.util.List;

/**
 * The answer of a GetFeatureInfo (WMS 1.3.0 clause 7.4, WMTS 1.0 clause 7.3) before it is
 * encoded: the features found, per queried layer. The {@link FeatureInfoEncoder}s write it.
 */
public record FeatureInfo(List<LayerHits> hits) {
    public FeatureInfo {
        hits = List.copyOf(hits);
    }
}
