package org.ecoplan.wms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.ows.ServiceContext;
import org.locationtech.jts.geom.Envelope;

/**
 * The extent of each layer in every offered CRS (east/north envelopes), from the store's native
 * bounds, cached until the layer's data version changes. Capabilities take the geographic box
 * (EX_GeographicBoundingBox / LatLonBoundingBox) and one BoundingBox per CRS from here.
 */
public final class LayerExtents {
    /** The extents of one layer: CRS id → envelope; empty when the layer has no features. */
    public record Extent(Map<String, Envelope> byCrs) {
        public Envelope geographic() { return byCrs.get("CRS:84"); }

        public boolean isEmpty() { return byCrs.isEmpty(); }
    }

    private record Cached(String version, Extent extent) {}

    private final ServiceContext context;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public LayerExtents(ServiceContext context) { this.context = context; }

    public Extent of(LayerConfig layer) {
        FeatureSource source = context.featureSource(layer);
        String version = source.version();
        Cached c = cache.get(layer.qualifiedName());
        if (c != null && c.version.equals(version)) return c.extent;
        Extent e = compute(layer, source.bounds(), codes(layer));
        cache.put(layer.qualifiedName(), new Cached(version, e));
        return e;
    }

    /** Every CRS the layer may be listed in: the global endpoints' and its workspace's. */
    private List<String> codes(LayerConfig layer) {
        List<String> out = new java.util.ArrayList<>(context.catalog().global().services().crs());
        for (String c : context.catalog().workspaceOf(layer.workspace()).services().crs()) {
            if (!out.contains(c)) out.add(c);
        }
        if (!out.contains("CRS:84")) out.add("CRS:84"); // the geographic box every version writes
        return out;
    }

    /** The union of the extents of several layers. */
    public Extent union(List<LayerConfig> layers) {
        Map<String, Envelope> out = new LinkedHashMap<>();
        for (LayerConfig l : layers) {
            of(l).byCrs().forEach((crs, env) -> out.computeIfAbsent(crs, k -> new Envelope()).expandToInclude(env));
        }
        return new Extent(out);
    }

    private static Extent compute(LayerConfig layer, Envelope nativeBounds, List<String> codes) {
        Map<String, Envelope> out = new LinkedHashMap<>();
        if (nativeBounds == null || nativeBounds.isNull() || !layer.featureType().hasGeometry()) return new Extent(out);
        Crs nativeCrs = layer.featureType().geometry().crs();
        Envelope bounds = new Envelope(nativeBounds);
        // a single point (or an axis-parallel line) has an empty box, which no GetMap BBOX may be:
        // widen it a little (about 10 m) so clients that request a layer's box get a map
        double pad = nativeCrs.geographic() ? 1e-4 : 10;
        bounds.expandBy(bounds.getWidth() == 0 ? pad : 0, bounds.getHeight() == 0 ? pad : 0);
        for (String code : codes) {
            Crs target = CrsRegistry.require(code);
            Envelope e = new GeometryTransformer(nativeCrs, target).transform(bounds);
            if (!e.isNull()) out.put(code, e);
        }
        return new Extent(out);
    }
}
