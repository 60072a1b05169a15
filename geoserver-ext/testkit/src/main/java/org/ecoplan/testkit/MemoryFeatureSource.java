package org.ecoplan.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.query.FilterEvaluator;
import org.ecoplan.catalog.query.SortBy;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.catalog.store.FeatureSource;
import org.locationtech.jts.geom.Envelope;

/**
 * A feature source over a fixed list, for in-process tests of services and the renderer: filters
 * with the catalog's FilterEvaluator, sorts (ties by id), pages, selects properties and reprojects
 * like a store, and counts its reads and open cursors so tests can see caching and leaks. A
 * fixture, not a stand-in for the stores: those have their own contract tests.
 */
public final class MemoryFeatureSource implements FeatureSource {
    private final FeatureType type;
    private volatile List<Feature> features;
    private final AtomicInteger queries = new AtomicInteger();
    private volatile FeatureQuery lastQuery;
    private final AtomicInteger versionReads = new AtomicInteger();
    private final AtomicInteger openCursors = new AtomicInteger();
    private final AtomicInteger maxOpenCursors = new AtomicInteger();
    private volatile String version = "v1";
    private volatile long millisPerFeature;

    public MemoryFeatureSource(FeatureType type, List<Feature> features) {
        this.type = type;
        this.features = List.copyOf(features);
    }

    /** How many times features(...) was called. */
    public int queries() { return queries.get(); }

    /** The query of the last {@link #features} call, or null. */
    public FeatureQuery lastQuery() { return lastQuery; }

    /** Cursors opened and not yet closed. */
    public int openCursors() { return openCursors.get(); }

    /** Changes the content version, as a reload would. */
    public void setVersion(String v) { version = v; }

    /** Replaces the features and the version, as a reload would. */
    public void replace(List<Feature> newFeatures, String newVersion) {
        features = List.copyOf(newFeatures);
        version = newVersion;
    }

    /** How many times version() was read. */
    public int versionReads() { return versionReads.get(); }

    /** The most cursors that were open at the same time. */
    public int maxOpenCursors() { return maxOpenCursors.get(); }

    /** Makes every cursor wait this long before each feature, like a slow store. */
    public void slowDown(long millis) {
        millisPerFeature = millis;
    }

    @Override
    public FeatureType schema() { return type; }

    @Override
    public Envelope bounds() {
        Envelope e = new Envelope();
        for (Feature f : features) if (f.geometry() != null) e.expandToInclude(f.geometry().getEnvelopeInternal());
        return e;
    }

    @Override
    public long count(FeatureQuery q) {
        return matching(q).size();
    }

    private List<Feature> matching(FeatureQuery q) {
        FilterEvaluator ev = new FilterEvaluator(type);
        List<Feature> out = new ArrayList<>();
        for (Feature f : features) if (ev.matches(q.filter(), f)) out.add(f);
        return out;
    }

    @Override
    public FeatureCursor features(FeatureQuery q) {
        queries.incrementAndGet();
        lastQuery = q;
        List<Feature> m = matching(q);
        Comparator<Feature> order = null;
        for (SortBy s : q.sortBy()) {
            Comparator<Feature> c = (a, b) -> FilterEvaluator.compareValues(a.get(s.property()), b.get(s.property()),
                    true);
            if (!s.ascending()) c = c.reversed();
            order = order == null ? c : order.thenComparing(c);
        }
        Comparator<Feature> byId = Comparator
                .comparingLong(f -> Long.parseLong(f.id().substring(f.id().lastIndexOf('.') + 1)));
        m.sort(order == null ? byId : order.thenComparing(byId));
        long end = q.limit() < 0 ? m.size() : Math.min(m.size(), q.offset() + q.limit());
        List<Feature> page = q.offset() >= m.size() ? List.of() : m.subList((int) q.offset(), (int) end);
        GeometryTransformer t = type.hasGeometry() && q.targetCrs() != null
                ? new GeometryTransformer(type.geometry().crs(), q.targetCrs())
                : null;
        List<Feature> out = new ArrayList<>();
        for (Feature f : page) {
            Map<String, Object> a = new LinkedHashMap<>();
            f.attributes().forEach((k, v) -> {
                if (q.properties() == null || q.properties().contains(k)) a.put(k, v);
            });
            out.add(new Feature(f.id(), a,
                    q.withGeometry() ? (t == null ? f.geometry() : t.transform(f.geometry())) : null));
        }
        maxOpenCursors.accumulateAndGet(openCursors.incrementAndGet(), Math::max);
        Iterator<Feature> it = out.iterator();
        long delay = millisPerFeature;
        return new FeatureCursor() {
            boolean closed;
            @Override
            public boolean hasNext() { return it.hasNext(); }
            @Override
            public Feature next() {
                if (delay > 0) {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return it.next();
            }
            @Override
            public void close() {
                if (!closed) openCursors.decrementAndGet();
                closed = true;
            }
        };
    }

    @Override
    public String version() {
        versionReads.incrementAndGet();
        return version;
    }
}
