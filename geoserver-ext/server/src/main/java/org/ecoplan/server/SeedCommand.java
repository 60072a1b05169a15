package org.ecoplan.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.map.MapCore;
import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.map.tiles.TileLayer;
import org.ecoplan.map.tiles.TileMatrixSet;
import org.ecoplan.map.tiles.TileMatrixSets;
import org.ecoplan.map.tiles.TileSeeder;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceException;
import org.locationtech.jts.geom.Envelope;

/**
 * The tile cache command line, run beside (or instead of) a server on the same data directory
 * and tile cache:
 *
 * <pre>
 *   seed --layer L [--set WebMercatorQuad] [--zoom 10-14] [--bbox minLon,minLat,maxLon,maxLat]
 *        [--style S] [--format png|jpg] [--data-dir DIR]
 *   truncate --layer L [--data-dir DIR]
 * </pre>
 *
 * It opens the stores as the server does ({@link ServerContext}) and seeds with the same map core, so
 * its tiles are the server's: same keys, same cache (ECOPLAN_TILE_CACHE).
 */
public final class SeedCommand {
    private SeedCommand() {}

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
    static int run(String[] args, PrintStream out) {
        if (args.length == 0 || !(args[0].equals("seed") || args[0].equals("truncate"))) {
            throw new IllegalArgumentException("usage: seed --layer L [--set S] [--zoom A-B]"
                    + " [--bbox minLon,minLat,maxLon,maxLat] [--style S] [--format png|jpg] [--data-dir DIR]"
                    + " | truncate --layer L [--data-dir DIR]");
        }
        Map<String, String> o = options(args);
        String layerId = o.get("layer");
        if (layerId == null) throw new IllegalArgumentException("--layer is required");
        Path dir = Path.of(o.getOrDefault("data-dir", ".")).toAbsolutePath().normalize();
        try (ServerContext workspace = ServerContext.open(dir, ServerSettings.fromEnvironment())) {
            MapCore core = MapCore.of(workspace);
            TileLayer layer = core.tiles().layer(workspace.catalog().globalView(), layerId)
                    .orElseThrow(() -> new IllegalArgumentException("no tiled layer or group named '" + layerId + "'"));
            if (args[0].equals("truncate")) {
                long n = core.tiles().cache().truncate(layer.key());
                out.println("truncated " + layer.key() + ": " + n + " tile files removed from "
                        + core.tiles().cache().directory());
                return 0;
            }
            if (core.tiles().cache().directory() == null) {
                throw new IllegalArgumentException("ECOPLAN_TILE_CACHE is off: nothing to seed into");
            }
            TileMatrixSet set = TileMatrixSets.find(o.getOrDefault("set", "WebMercatorQuad"))
                    .orElseThrow(() -> new IllegalArgumentException("unknown tile matrix set '" + o.get("set") + "'"));
            ImageFormat format = ImageFormat.tileByExtension(o.getOrDefault("format", "png"))
                    .orElseThrow(() -> new IllegalArgumentException("--format must be png or jpg"));
            int[] zoom = zoomRange(o.get("zoom"), set);
            Envelope box = o.containsKey("bbox")
                    ? new GeometryTransformer(CrsRegistry.CRS84_CRS, set.crs()).transform(bbox(o.get("bbox")))
                    : null;
            TileSeeder.Result r = new TileSeeder(core.tiles()).seed(layer, layer.resolveStyle(o.get("style")), set,
                    format, zoom[0], zoom[1], box, out);
            out.println("done: " + r.tiles() + " tiles");
            return 0;
        }
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
        int first = set.firstZoom();
        int last = set.lastZoom();
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
