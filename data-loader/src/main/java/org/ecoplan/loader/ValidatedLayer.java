package org.ecoplan.loader;

import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.loader.check.DerivedMeasures;
import org.locationtech.jts.geom.Geometry;

/**
 * A layer read from its source and checked: the features that passed (geometry in the native
 * CRS, typed and derived attribute values, in source order), how they are named in reports,
 * and the content version to record. A layer's features are held in memory between checking and
 * writing: all-or-nothing means every feature is checked before the first is written, and the
 * rules need them all anyway. Plan layers are thousands of features, not millions.
 */
public final class ValidatedLayer {
    private final LayerConfig config;
    private final List<Feature> features;
    private final List<String> labels;
    private final String sourceName;
    private final String version;
    private final int errors;
    private List<Geometry> metric;

    /**
     * @param labels     how each feature is named in reports ("feature 3 (id 'z3')"), parallel to features
     * @param sourceName the source file as reports name it
     * @param errors     number of errors found in this layer's source
     */
    public ValidatedLayer(LayerConfig config, List<Feature> features, List<String> labels, String sourceName,
            String version, int errors) {
        this.config = config;
        this.features = features;
        this.labels = List.copyOf(labels);
        this.sourceName = sourceName;
        this.version = version;
        this.errors = errors;
    }

    public LayerConfig config() { return config; }

    public String id() { return config.id(); }

    public List<Feature> features() { return features; }

    public String label(int i) { return labels.get(i); }

    public String sourceName() { return sourceName; }

    public String version() { return version; }

    /** Number of errors in the layer's own source (rules not included). */
    public int errors() { return errors; }

    /** The geometries in EPSG:4547 metres, parallel to {@link #features()}; for the data rules. */
    public synchronized List<Geometry> metricGeometries() {
        if (metric == null) {
            List<Geometry> m = new ArrayList<>(features.size());
            DerivedMeasures d = new DerivedMeasures(config.featureType().geometry().crs());
            for (Feature f : features) m.add(d.metric(f.geometry()));
            metric = m;
        }
        return metric;
    }
}
