package org.ecoplan.loader;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.loader.check.DerivedMeasures;
import org.locationtech.jts.geom.Geometry;

/**
 * A layer read from its source and checked: how many features passed, how to go through them
 * again (geometry in the native CRS, typed and derived attribute values, in source order), how
 * they are named in reports, and the content version to record.
 *
 * <p>A layer is either <em>held</em> — its features kept in memory, because data rules compare
 * them with each other or with another layer's — or <em>streamed</em>: nothing is kept, and
 * writing reads and checks the source a second time ({@link FeatureReplay}), so a layer of a
 * million features loads in bounded memory. All-or-nothing holds either way: every feature is
 * checked before the first is written, and the write is one transaction.
 */
public final class ValidatedLayer {
    private final LayerConfig config;
    private final List<Feature> held;
    private final FeatureReplay replay;
    private final long count;
    private final List<String> labels;
    private final String sourceName;
    private final String version;
    private final int errors;
    private List<Feature> materialized;
    private List<Geometry> metric;

    /**
     * A held layer.
     *
     * @param labels     how each feature is named in reports ("feature 3 (id 'z3')"), parallel to features
     * @param sourceName the source file as reports name it
     * @param errors     number of errors found in this layer's source
     */
    public ValidatedLayer(LayerConfig config, List<Feature> features, List<String> labels, String sourceName,
            String version, int errors) {
        this(config, features, null, features.size(), labels, sourceName, version, errors);
    }

    /** A streamed layer: {@code count} features passed, {@code replay} reads them again. */
    static ValidatedLayer streamed(LayerConfig config, FeatureReplay replay, long count, String sourceName,
            String version, int errors) {
        return new ValidatedLayer(config, null, replay, count, List.of(), sourceName, version, errors);
    }

    private ValidatedLayer(LayerConfig config, List<Feature> held, FeatureReplay replay, long count,
            List<String> labels, String sourceName, String version, int errors) {
        this.config = config;
        this.held = held;
        this.replay = replay;
        this.count = count;
        this.labels = List.copyOf(labels);
        this.sourceName = sourceName;
        this.version = version;
        this.errors = errors;
    }

    public LayerConfig config() { return config; }

    public String id() { return config.id(); }

    /** Whether the features are re-read from the source when written rather than held. */
    public boolean streamed() {
        return held == null;
    }

    /** Number of features that passed. */
    public long count() { return count; }

    /** The features, in source order, to be written; the caller closes it (a streamed layer's source). */
    public FeatureReplay.Features open() {
        if (held == null) return replay.open();
        Iterator<Feature> it = held.iterator();
        return new FeatureReplay.Features() {
            @Override
            public boolean hasNext() { return it.hasNext(); }

            @Override
            public Feature next() { return it.next(); }

            @Override
            public void close() {}
        };
    }

    /**
     * All features in memory: a held layer's, or a streamed layer's read once more (for callers that
     * need them all; the loader's rules only ever see held layers).
     */
    public synchronized List<Feature> features() {
        if (held != null) return held;
        if (materialized == null) {
            List<Feature> all = new ArrayList<>();
            try (FeatureReplay.Features f = replay.open()) {
                while (f.hasNext()) all.add(f.next());
            }
            materialized = all;
        }
        return materialized;
    }

    public String label(int i) { return labels.get(i); }

    public String sourceName() { return sourceName; }

    public String version() { return version; }

    /** Number of errors in the layer's own source (rules not included). */
    public int errors() { return errors; }

    /** The geometries in EPSG:4547 metres, parallel to {@link #features()}; for the data rules. */
    public synchronized List<Geometry> metricGeometries() {
        if (metric == null) {
            List<Geometry> m = new ArrayList<>(features().size());
            DerivedMeasures d = new DerivedMeasures(config.featureType().geometry().crs());
            for (Feature f : features()) m.add(d.metric(f.geometry()));
            metric = m;
        }
        return metric;
    }
}
