package org.ecoplan.wms;

import java.util.Iterator;
import java.util.List;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.query.FilterEvaluator;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.catalog.store.FeatureSource;
import org.locationtech.jts.geom.Envelope;

/** Test fixture: an in-memory feature source that filters with the catalog's FilterEvaluator. */
final class ListFeatureSource implements FeatureSource {
    private final FeatureType type;
    private final List<Feature> features;

    ListFeatureSource(FeatureType type, List<Feature> features) {
        this.type = type;
        this.features = List.copyOf(features);
    }

    @Override public FeatureType schema() { return type; }

    @Override public Envelope bounds() {
        Envelope e = new Envelope();
        for (Feature f : features) if (f.geometry() != null) e.expandToInclude(f.geometry().getEnvelopeInternal());
        return e.isNull() ? null : e;
    }

    @Override public long count(FeatureQuery q) {
        FilterEvaluator ev = new FilterEvaluator(type);
        return features.stream().filter(f -> ev.matches(q.filter(), f)).count();
    }

    @Override public FeatureCursor features(FeatureQuery q) {
        FilterEvaluator ev = new FilterEvaluator(type);
        GeometryTransformer t = q.targetCrs() == null || !type.hasGeometry() ? null
                : new GeometryTransformer(type.geometry().crs(), q.targetCrs());
        Iterator<Feature> it = features.stream().filter(f -> ev.matches(q.filter(), f))
                .skip(q.offset()).limit(q.limit() < 0 ? Long.MAX_VALUE : q.limit())
                .map(f -> t == null ? f : new Feature(f.id(), f.attributes(), t.transform(f.geometry()))).iterator();
        return new FeatureCursor() {
            @Override public boolean hasNext() { return it.hasNext(); }
            @Override public Feature next() { return it.next(); }
            @Override public void close() {}
        };
    }

    @Override public String version() { return "v1"; }
}
