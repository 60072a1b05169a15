package org.ecoplan.map.info;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.crs.AxisOrder;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.ows.encode.CollectionMetadata;
import org.ecoplan.ows.encode.FeatureStream;
import org.ecoplan.ows.encode.GeoJsonEncoder;

/**
 * GetFeatureInfo as application/json: one GeoJSON FeatureCollection (RFC 7946) with the hits of
 * every layer, geometries in WGS 84 longitude/latitude whatever the map CRS, written by the shared
 * {@link GeoJsonEncoder}. No hits is an empty, valid collection.
 */
public final class FeatureInfoGeoJson extends FeatureInfoEncoder {
    public FeatureInfoGeoJson() {
        super(List.of("application/json", "application/geo+json", "json", "geojson"), "application/json", "json");
    }

    @Override
    public void write(FeatureInfo result, OutputStream out) throws IOException {
        write(result.hits(), out);
    }

    static void write(List<LayerHits> hits, OutputStream out) throws IOException {
        List<FeatureStream> streams = new ArrayList<>();
        long n = 0;
        for (LayerHits h : hits) {
            GeometryTransformer toWgs84 = new GeometryTransformer(h.crs(), CrsRegistry.CRS84_CRS);
            Iterator<Feature> it = h.features().stream()
                    .map(f -> new Feature(f.id(), f.attributes(), toWgs84.transform(f.geometry()))).iterator();
            streams.add(FeatureStream.all(h.layer().featureType(), it));
            n += h.features().size();
        }
        CollectionMetadata meta = new CollectionMetadata(n, n, null, null, null, CrsRegistry.CRS84_CRS, "CRS:84",
                AxisOrder.EAST_NORTH);
        new GeoJsonEncoder().writeCollection(out, meta, streams);
    }
}
