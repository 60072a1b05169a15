package org.ecoplan.map.tiles;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecoplan.map.image.ImageFormat;
import org.locationtech.jts.geom.Envelope;

/**
 * Seeding (GeoWebCache's "seed" task): renders every metatile of a layer that meets its
 * TileMatrixSetLimits, within a zoom range and optionally a box, into the tile cache. Tiles already
 * cached for the current data and style versions are not rendered again.
 */
public final class TileSeeder {
    /** What one seeding did. */
    public record Result(long tiles, long metatiles) {}

    private final TileEngine engine;

    public TileSeeder(TileEngine engine) { this.engine = engine; }

    /**
     * @param firstZoom first matrix (by identifier number) to seed
     * @param lastZoom  last matrix to seed
     * @param box       area in the set's CRS (east/north), or null for the layer's whole limits
     * @param progress  where a line per matrix goes, or null
     */
    public Result seed(TileLayer layer, String style, TileMatrixSet set, ImageFormat format, int firstZoom,
            int lastZoom, Envelope box, PrintStream progress) {
        Map<String, TileRange> limits = engine.limits(layer, set);
        List<TileRange> todo = new ArrayList<>();
        for (TileMatrix m : set.matrices()) {
            int z = Integer.parseInt(m.identifier());
            TileRange r = limits.get(m.identifier());
            if (z < firstZoom || z > lastZoom || r == null) continue;
            if (box != null) {
                TileRange b = set.range(m, box);
                r = new TileRange(r.matrix(), Math.max(r.minCol(), b.minCol()), Math.max(r.minRow(), b.minRow()),
                        Math.min(r.maxCol(), b.maxCol()), Math.min(r.maxRow(), b.maxRow()));
            }
            if (!r.isEmpty()) todo.add(r);
        }
        long total = todo.stream().mapToLong(TileRange::count).sum();
        if (progress != null) {
            progress.println("seeding " + layer.key() + " style " + style + " in " + set.identifier() + " zoom "
                    + firstZoom + "-" + lastZoom + ": " + total + " tiles into " + engine.cache().directory());
        }
        long done = 0;
        long blocks = 0;
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
                    done += (Math.min(col + MetaTile.SIZE - 1, r.maxCol()) - c + 1)
                            * (Math.min(row + MetaTile.SIZE - 1, r.maxRow()) - rw + 1);
                    blocks++;
                }
            }
            if (progress != null) {
                double secs = (System.nanoTime() - started) / 1e9;
                progress.printf(Locale.ROOT, "  matrix %s: %d/%d tiles (%.0f%%), %.1f s%n", r.matrix(), done, total,
                        total == 0 ? 100.0 : 100.0 * done / total, secs);
            }
        }
        return new Result(done, blocks);
    }
}
