package org.ecoplan.vectortiles;

import java.util.Iterator;
import java.util.List;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.catalog.store.FeatureSource;
import org.locationtech.jts.geom.Envelope;

/** Test fixture: features held in memory; honours BBOX filters and the target CRS. */
final class MemoryFeatureSource implements FeatureSource {
    private final FeatureType type;
    private final List<Feature> features;
    String version = "v1";
    int queries;

    MemoryFeatureSource(FeatureType type, List<Feature> features) {
        this.type = type;
        this.features = features;
    }

    @Override public FeatureType schema() { return type; }

    @Override public Envelope bounds() {
        Envelope e = new Envelope();
        for (Feature f : features) e.expandToInclude(f.geometry().getEnvelopeInternal());
        return e;
    }

    @Override public long count(FeatureQuery query) { throw new UnsupportedOperationException(); }

    @Override public FeatureCursor features(FeatureQuery query) {
        queries++;
        Envelope box = query.filter() instanceof Filter.BBox b ? b.envelope() : null;
        GeometryTransformer t = query.targetCrs() == null ? null : new GeometryTransformer(type.geometry().crs(), query.targetCrs());
        Iterator<Feature> it = features.stream()
                .filter(f -> box == null || box.intersects(f.geometry().getEnvelopeInternal()))
                .map(f -> t == null ? f : new Feature(f.id(), f.attributes(), t.transform(f.geometry())))
                .iterator();
        return new FeatureCursor() {
            @Override public void close() { }
            @Override public boolean hasNext() { return it.hasNext(); }
            @Override public Feature next() { return it.next(); }
        };
    }

    @Override public String version() { return version; }
}
