package org.ecoplan.render;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.query.FilterEvaluator;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.catalog.store.FeatureSource;
import org.locationtech.jts.geom.Envelope;

/**
 * Test fixture: an in-memory feature source that applies the query filter (bbox included) with
 * the catalog's evaluator and reprojects to the target CRS. Counts queries, so tests can see
 * how often the renderer reads.
 */
final class ListFeatureSource implements FeatureSource {
    private final FeatureType type;
    private final List<Feature> features;
    final AtomicInteger queries = new AtomicInteger();

    ListFeatureSource(FeatureType type, List<Feature> features) {
        this.type = type;
        this.features = List.copyOf(features);
    }

    @Override public FeatureType schema() { return type; }

    @Override public Envelope bounds() {
        Envelope e = new Envelope();
        for (Feature f : features) if (f.geometry() != null) e.expandToInclude(f.geometry().getEnvelopeInternal());
        return e;
    }

    @Override public long count(FeatureQuery query) {
        long n = 0;
        try (FeatureCursor c = features(query)) {
            while (c.hasNext()) {
                c.next();
                n++;
            }
        }
        return n;
    }

    @Override public FeatureCursor features(FeatureQuery query) {
        queries.incrementAndGet();
        FilterEvaluator eval = new FilterEvaluator(type);
        GeometryTransformer tx = query.targetCrs() == null ? null : new GeometryTransformer(type.geometry().crs(), query.targetCrs());
        Iterator<Feature> it = features.stream()
                .filter(f -> eval.matches(query.filter(), f))
                .map(f -> tx == null ? f : new Feature(f.id(), f.attributes(), tx.transform(f.geometry())))
                .iterator();
        return new FeatureCursor() {
            @Override public boolean hasNext() { return it.hasNext(); }
            @Override public Feature next() { return it.next(); }
            @Override public void close() { }
        };
    }

    @Override public String version() { return "test"; }
}
