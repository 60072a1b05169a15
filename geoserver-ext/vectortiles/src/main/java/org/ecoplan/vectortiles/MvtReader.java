package org.ecoplan.vectortiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Mapbox Vector Tile bytes back (specification 2.1): layers, features, decoded properties and
 * tile-space vertices. Used to check produced tiles (tests, diagnostics); not on the serving path.
 */
public final class MvtReader {
    public record Layer(String name, int version, int extent, List<TileFeature> features) {}

    public record TileFeature(long id, int type, Map<String, Object> properties, List<long[]> vertices,
            int[] commands) {}

    private final byte[] b;
    private int pos;
    private final int end;

    private MvtReader(byte[] b, int pos, int end) {
        this.b = b;
        this.pos = pos;
        this.end = end;
    }

    public static List<Layer> decode(byte[] tile) {
        MvtReader d = new MvtReader(tile, 0, tile.length);
        List<Layer> layers = new ArrayList<>();
        while (d.pos < d.end) {
            long key = d.varint();
            if ((key >>> 3) == 3 && (key & 7) == 2) layers.add(d.sub().layer());
            else throw new IllegalStateException("unexpected tile field " + (key >>> 3));
        }
        return layers;
    }

    private Layer layer() {
        String name = null;
        int version = 1;
        int extent = 4096;
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<MvtReader> raw = new ArrayList<>();
        while (pos < end) {
            long key = varint();
            int field = (int) (key >>> 3);
            switch (field) {
                case 1 -> name = sub().string();
                case 2 -> raw.add(sub());
                case 3 -> keys.add(sub().string());
                case 4 -> values.add(sub().value());
                case 5 -> extent = (int) varint();
                case 15 -> version = (int) varint();
                default -> throw new IllegalStateException("unexpected layer field " + field);
            }
        }
        List<TileFeature> features = new ArrayList<>();
        for (MvtReader f : raw) features.add(f.feature(keys, values));
        return new Layer(name, version, extent, features);
    }

    private TileFeature feature(List<String> keys, List<Object> values) {
        long id = 0;
        int type = 0;
        int[] tags = new int[0];
        int[] geom = new int[0];
        while (pos < end) {
            long key = varint();
            switch ((int) (key >>> 3)) {
                case 1 -> id = varint();
                case 2 -> tags = sub().packed();
                case 3 -> type = (int) varint();
                case 4 -> geom = sub().packed();
                default -> throw new IllegalStateException("unexpected feature field");
            }
        }
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < tags.length; i += 2) props.put(keys.get(tags[i]), values.get(tags[i + 1]));
        List<long[]> vertices = new ArrayList<>();
        long x = 0, y = 0;
        for (int i = 0; i < geom.length;) {
            int cmd = geom[i] & 7;
            int count = geom[i] >>> 3;
            i++;
            if (cmd == 7) continue;
            for (int k = 0; k < count; k++) {
                x += unzig(geom[i++]);
                y += unzig(geom[i++]);
                vertices.add(new long[]{x, y});
            }
        }
        return new TileFeature(id, type, props, vertices, geom);
    }

    private Object value() {
        Object v = null;
        while (pos < end) {
            long key = varint();
            int field = (int) (key >>> 3);
            switch (field) {
                case 1 -> v = sub().string();
                case 3 -> {
                    long bits = 0;
                    for (int i = 0; i < 8; i++) bits |= (b[pos++] & 0xffL) << (8 * i);
                    v = Double.longBitsToDouble(bits);
                }
                case 6 -> v = unzig(varint());
                case 7 -> v = varint() != 0;
                default -> throw new IllegalStateException("unexpected value field " + field);
            }
        }
        return v;
    }

    private int[] packed() {
        List<Integer> out = new ArrayList<>();
        while (pos < end) out.add((int) varint());
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private String string() { return new String(b, pos, end - pos, StandardCharsets.UTF_8); }

    private MvtReader sub() {
        int len = (int) varint();
        MvtReader d = new MvtReader(b, pos, pos + len);
        pos += len;
        return d;
    }

    private long varint() {
        long v = 0;
        int shift = 0;
        while (true) {
            int x = b[pos++] & 0xff;
            v |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) return v;
            shift += 7;
        }
    }

    private static long unzig(long v) { return (v >>> 1) ^ -(v & 1); }
}
