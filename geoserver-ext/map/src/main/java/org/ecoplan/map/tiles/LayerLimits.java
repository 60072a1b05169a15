package org.ecoplan.map.tiles;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.ows.ServiceContext;
import org.locationtech.jts.geom.Envelope;

/**
 * The TileMatrixSetLimits of a layer in a tile matrix set (OGC 07-057r7 clause 7.1.1.3): per
 * matrix, the tiles that meet the layer's data bounds widened by {@link #MARGIN_PIXELS} pixels of
 * that matrix, so symbols drawn at the edge of the data still have their tiles.
 */
public final class LayerLimits {
    /** Pixels around the data bounds whose tiles are inside the limits. */
    public static final int MARGIN_PIXELS = 16;

    private LayerLimits() {}

    /** The data bounds of a layer's members in a set's CRS (east/north); a null envelope when there is no data. */
    public static Envelope bounds(ServiceContext context, TileLayer layer, TileMatrixSet set) {
        Envelope all = new Envelope();
        for (LayerConfig m : layer.members()) {
            Envelope b = context.featureSource(m).bounds();
            if (b == null || b.isNull()) continue;
            all.expandToInclude(new GeometryTransformer(m.featureType().geometry().crs(), set.crs()).transform(b));
        }
        return all;
    }

    /** The limits per matrix identifier, in matrix order; empty when the layer has no data. */
    public static Map<String, TileRange> of(Envelope bounds, TileMatrixSet set) {
        Map<String, TileRange> out = new LinkedHashMap<>();
        if (bounds == null || bounds.isNull()) return out;
        for (TileMatrix m : set.matrices()) {
            Envelope e = new Envelope(bounds);
            e.expandBy(MARGIN_PIXELS * m.resolution());
            TileRange r = set.range(m, e);
            if (!r.isEmpty()) out.put(m.identifier(), r);
        }
        return out;
    }

    /** WGS84BoundingBox of the layer (lon/lat), from its data bounds. */
    public static Envelope wgs84(ServiceContext context, TileLayer layer) {
        return bounds(context, layer,
                new TileMatrixSet("wgs84", "", java.util.List.of(), CrsRegistry.CRS84_CRS, "", null,
                        -180, 90, TileMatrixSets.WORLD_CRS84_QUAD.matrices()));
    }
}
