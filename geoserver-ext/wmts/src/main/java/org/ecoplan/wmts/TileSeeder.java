package org.ecoplan.wmts;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.ows.ServiceException;
import org.locationtech.jts.geom.Envelope;

/**
 * The tile cache command line:
 * <pre>
 *   seed --layer L [--set WebMercatorQuad] [--zoom 10-14] [--bbox minLon,minLat,maxLon,maxLat]
 *        [--style S] [--format png|jpg] [--workspace DIR]
 *   truncate --layer L [--workspace DIR]
 * </pre>
 * Seeding renders every metatile that meets the layer's limits (intersected with the bbox) into
 * the disk cache of ECOPLAN_TILE_CACHE, printing progress; tiles already cached for the current
 * data and style versions are skipped. Truncate deletes every cached tile of the layer.
 */
public final class TileSeeder {
    private TileSeeder() {}

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out);
        } catch (IllegalArgumentException | ServiceException e) {
            System.err.println("error: " + e.getMessage());
            code = 2;
        } catch (RuntimeException e) {
            System.err.println("failed: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    /** Runs a command; returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        if (args.length == 0 || !(args[0].equals("seed") || args[0].equals("truncate"))) {
            throw new IllegalArgumentException(
                    "usage: seed --layer L [--set S] [--zoom A-B] [--bbox minLon,minLat,maxLon,maxLat]"
                            + " [--style S] [--format png|jpg] [--workspace DIR] | truncate --layer L [--workspace DIR]");
        }
        Map<String, String> o = options(args);
        String layerId = o.get("layer");
        if (layerId == null) throw new IllegalArgumentException("--layer is required");
        try (SeedContext context = new SeedContext(
                Path.of(o.getOrDefault("workspace", ".")).toAbsolutePath().normalize())) {
            TileEngine engine = new TileEngine(context, new ContentVersions(context, 0),
                    TileCache.fromEnvironment(context.catalog().workspace()), 0);
            TileLayer layer = TileLayer.of(context.catalog(), layerId)
                    .orElseThrow(() -> new IllegalArgumentException("no tiled layer or group named '" + layerId + "'"));
            if (args[0].equals("truncate")) {
                long n = engine.cache().truncate(layer.id());
                out.println("truncated " + layer.id() + ": " + n + " tile files removed from "
                        + engine.cache().directory());
                return 0;
            }
            return seed(engine, context, layer, o, out);
        }
    }

    private static int seed(TileEngine engine, SeedContext context, TileLayer layer, Map<String, String> o,
            PrintStream out) {
        if (engine.cache().directory() == null)
            throw new IllegalArgumentException("ECOPLAN_TILE_CACHE is off: nothing to seed into");
        TileMatrixSet set = TileMatrixSets.find(o.getOrDefault("set", "WebMercatorQuad"))
                .orElseThrow(() -> new IllegalArgumentException("unknown tile matrix set '" + o.get("set") + "'"));
        String style = layer.resolveStyle(o.get("style"));
        TileFormat format = TileFormat.byExtension(o.getOrDefault("format", "png"))
                .orElseThrow(() -> new IllegalArgumentException("--format must be png or jpg"));
        Map<String, TileRange> limits = engine.limits(layer, set);
        int[] zoom = zoomRange(o.get("zoom"), set);
        Envelope bbox = o.containsKey("bbox")
                ? new GeometryTransformer(CrsRegistry.CRS84_CRS, set.crs()).transform(bbox(o.get("bbox")))
                : null;
        List<TileRange> todo = new ArrayList<>();
        for (TileMatrix m : set.matrices()) {
            int z = Integer.parseInt(m.identifier());
            TileRange r = limits.get(m.identifier());
            if (z < zoom[0] || z > zoom[1] || r == null) continue;
            if (bbox != null) {
                TileRange b = set.range(m, bbox);
                r = new TileRange(r.matrix(), Math.max(r.minCol(), b.minCol()), Math.max(r.minRow(), b.minRow()),
                        Math.min(r.maxCol(), b.maxCol()), Math.min(r.maxRow(), b.maxRow()));
            }
            if (!r.isEmpty()) todo.add(r);
        }
        long total = todo.stream().mapToLong(TileRange::count).sum();
        out.println("seeding " + layer.id() + " style " + style + " in " + set.identifier() + " zoom " + zoom[0] + "-"
                + zoom[1]
                + ": " + total + " tiles into " + engine.cache().directory());
        long done = 0;
        long started = System.nanoTime();
        for (TileRange r : todo) {
            TileMatrix m = set.matrix(r.matrix()).orElseThrow();
            // one request per metatile: its render fills every tile of the block
            for (long row = Math.floorDiv(r.minRow(), MetaTile.SIZE) * MetaTile.SIZE; row <= r
                    .maxRow(); row += MetaTile.SIZE) {
                for (long col = Math.floorDiv(r.minCol(), MetaTile.SIZE) * MetaTile.SIZE; col <= r
                        .maxCol(); col += MetaTile.SIZE) {
                    long c = Math.max(col, r.minCol());
                    long rw = Math.max(row, r.minRow());
                    engine.tile(new TileRequest(layer, style, set, m, c, rw, format));
                    long inBlock = (Math.min(col + MetaTile.SIZE - 1, r.maxCol()) - c + 1)
                            * (Math.min(row + MetaTile.SIZE - 1, r.maxRow()) - rw + 1);
                    done += inBlock;
                }
            }
            double secs = (System.nanoTime() - started) / 1e9;
            out.printf(java.util.Locale.ROOT, "  matrix %s: %d/%d tiles (%.0f%%), %.1f s%n", r.matrix(), done, total,
                    total == 0 ? 100.0 : 100.0 * done / total, secs);
        }
        out.println("done: " + done + " tiles");
        return 0;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            String name = args[i].substring(2);
            if (i + 1 >= args.length) throw new IllegalArgumentException("--" + name + " needs a value");
            o.put(name, args[++i]);
        }
        return o;
    }

    static int[] zoomRange(String text, TileMatrixSet set) {
        int first = Integer.parseInt(set.matrices().get(0).identifier());
        int last = Integer.parseInt(set.matrices().get(set.matrices().size() - 1).identifier());
        if (text == null) return new int[]{first, Math.min(last, first + 14)};
        try {
            String[] p = text.split("-");
            int a = Integer.parseInt(p[0].trim());
            int b = p.length > 1 ? Integer.parseInt(p[1].trim()) : a;
            if (a > b || a < first || b > last) throw new NumberFormatException();
            return new int[]{a, b};
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--zoom must be A-B within " + first + "-" + last + " for "
                    + set.identifier() + ", not '" + text + "'");
        }
    }

    static Envelope bbox(String text) {
        String[] p = text.split(",");
        if (p.length != 4) throw new IllegalArgumentException("--bbox must be minLon,minLat,maxLon,maxLat");
        try {
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) v[i] = Double.parseDouble(p[i].trim());
            if (v[0] >= v[2] || v[1] >= v[3]) throw new NumberFormatException();
            return new Envelope(v[0], v[2], v[1], v[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--bbox must be four numbers minLon,minLat,maxLon,maxLat with min < max, not '" + text + "'");
        }
    }
}
