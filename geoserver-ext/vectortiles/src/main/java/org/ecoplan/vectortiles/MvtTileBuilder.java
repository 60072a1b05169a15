package org.ecoplan.vectortiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.map.tiles.TileMatrix;
import org.ecoplan.map.tiles.TileMatrixSet;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;

/**
 * Cuts one Mapbox Vector Tile (Mapbox Vector Tile Specification 2.1) out of catalog layers: one
 * MVT layer per catalog layer (§4.1), features read with a BBOX filter over the tile plus its
 * buffer, reprojected to the grid CRS, simplified to half a pixel of a 256-pixel tile, clipped
 * to the buffered tile and quantised to the 4096-unit extent; attributes become feature tags
 * (§4.4) and the numeric part of the feature id the MVT id.
 */
public final class MvtTileBuilder {
    /** Tile extent in tile units (the spec's customary 4096). */
    public static final int EXTENT = 4096;
    /** Clip buffer around the tile, in tile units. */
    public static final int BUFFER = 64;

    /** One catalog layer to put into the tile. */
    public record Source(String name, FeatureSource features) {}

    private final TileMatrixSet set;

    public MvtTileBuilder(TileMatrixSet set) { this.set = set; }

    /** Encodes the tile; layers without features in it are left out, so an empty tile has zero bytes. */
    public byte[] build(List<Source> sources, TileMatrix matrix, long x, long y) {
        Envelope tile = set.tileEnvelope(matrix, x, y);
        TileClipper clipper = new TileClipper(tile, EXTENT, BUFFER, tile.getWidth() / 256.0 / 2.0);
        ProtoWriter out = new ProtoWriter();
        for (Source s : sources) {
            byte[] layer = layer(s, clipper);
            if (layer != null) out.bytesField(3, layer);
        }
        return out.toByteArray();
    }

    private byte[] layer(Source source, TileClipper clipper) {
        if (!source.features().schema().hasGeometry()) return null;
        Envelope nativeBox = new GeometryTransformer(set.crs(), source.features().schema().geometry().crs())
                .transform(clipper.clipEnvelope());
        FeatureQuery q = FeatureQuery.of(new Filter.BBox(nativeBox)).withTargetCrs(set.crs());
        Map<String, Integer> keys = new LinkedHashMap<>();
        Map<Object, Integer> values = new LinkedHashMap<>();
        List<byte[]> features = new ArrayList<>();
        try (FeatureCursor cursor = source.features().features(q)) {
            while (cursor.hasNext()) {
                Feature f = cursor.next();
                Geometry g = clipper.toTile(f.geometry());
                if (g == null) continue;
                for (Geometry part : parts(g)) {
                    byte[] encoded = feature(f, part, keys, values);
                    if (encoded != null) features.add(encoded);
                }
            }
        }
        if (features.isEmpty()) return null;
        ProtoWriter layer = new ProtoWriter().varintField(15, 2).stringField(1, source.name());
        for (byte[] feature : features) layer.bytesField(2, feature);
        for (String k : keys.keySet()) layer.stringField(3, k);
        for (Object v : values.keySet()) layer.bytesField(4, MvtValue.encode(v));
        return layer.varintField(5, EXTENT).toByteArray();
    }

    /** A clip can turn a polygon into a mixed collection; each kind becomes its own MVT feature. */
    private static List<Geometry> parts(Geometry g) {
        if (GeometryCommands.typeOf(g) != 0) return List.of(g);
        List<Geometry> out = new ArrayList<>();
        if (g instanceof GeometryCollection c) {
            for (int i = 0; i < c.getNumGeometries(); i++) out.addAll(parts(c.getGeometryN(i)));
        }
        return out;
    }

    private static byte[] feature(Feature f, Geometry g, Map<String, Integer> keys, Map<Object, Integer> values) {
        int[] commands = GeometryCommands.encode(g);
        if (commands.length == 0) return null;
        int[] tags = new int[f.attributes().size() * 2];
        int n = 0;
        for (Map.Entry<String, Object> e : f.attributes().entrySet()) {
            Object v = MvtValue.normalise(e.getValue());
            if (v == null) continue; // MVT has no null value: an absent tag means null
            tags[n++] = keys.computeIfAbsent(e.getKey(), k -> keys.size());
            tags[n++] = values.computeIfAbsent(v, k -> values.size());
        }
        ProtoWriter w = new ProtoWriter();
        long id = numericId(f.id());
        if (id >= 0) w.varintField(1, id);
        w.packedField(2, tags, n);
        w.varintField(3, GeometryCommands.typeOf(g));
        w.packedField(4, commands, commands.length);
        return w.toByteArray();
    }

    private static long numericId(String id) {
        if (id == null) return -1;
        try {
            return Long.parseLong(id.substring(id.lastIndexOf('.') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
