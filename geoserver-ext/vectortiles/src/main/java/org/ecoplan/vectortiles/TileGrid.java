package org.ecoplan.vectortiles;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.locationtech.jts.geom.Envelope;

/**
 * A quadtree tile grid the vector tiles are cut on (OGC Two Dimensional Tile Matrix Set, 17-083r2):
 * WebMercatorQuad (Annex D.1, EPSG:3857) and CGCS2000Quad, the geographic EPSG:4490 grid of
 * 天地图's "c" service (origin -180/90, level 1 = 2 × 1 tiles of 180°). Rows count down from the
 * top-left corner, as in WMTS and XYZ.
 *
 * @param id      the name used in URLs and TileJSON
 * @param aliases other accepted names (case-insensitive)
 * @param crs     the grid's CRS (coordinates east/north)
 * @param minX    west edge of the grid
 * @param maxY    north edge of the grid
 * @param span0   width of the single level-0 tile, in CRS units
 * @param heightShift how many levels the matrix height lags the width (1 for the 2 × 1 geographic grid)
 * @param minZoom lowest level served
 * @param maxZoom highest level served
 */
public record TileGrid(String id, List<String> aliases, Crs crs, double minX, double maxY, double span0,
        int heightShift, int minZoom, int maxZoom) {
    private static final double MERCATOR_HALF = 20037508.342789244;

    public static final TileGrid WEB_MERCATOR_QUAD = new TileGrid("WebMercatorQuad",
            List.of("GoogleMapsCompatible", "EPSG:3857", "3857", "webmercator"), CrsRegistry.WEB_MERCATOR,
            -MERCATOR_HALF, MERCATOR_HALF, 2 * MERCATOR_HALF, 0, 0, 22);

    public static final TileGrid CGCS2000_QUAD = new TileGrid("CGCS2000Quad",
            List.of("c", "EPSG:4490", "4490", "CGCS2000", "TianDiTu"), CrsRegistry.CGCS2000,
            -180, 90, 360, 1, 0, 20);

    public static final List<TileGrid> ALL = List.of(WEB_MERCATOR_QUAD, CGCS2000_QUAD);

    /** The grid of a URL name or alias. */
    public static Optional<TileGrid> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (TileGrid g : ALL) {
            if (g.id.toLowerCase(Locale.ROOT).equals(n)) return Optional.of(g);
            for (String a : g.aliases) if (a.toLowerCase(Locale.ROOT).equals(n)) return Optional.of(g);
        }
        return Optional.empty();
    }

    public long matrixWidth(int z) { return 1L << z; }

    public long matrixHeight(int z) { return Math.max(1L, 1L << Math.max(0, z - heightShift)); }

    /** Width (= height) of one tile at a level, in CRS units. */
    public double tileSpan(int z) {
        return span0 / (1L << z);
    }

    /** Whether the address names a tile of this grid. */
    public boolean contains(int z, long x, long y) {
        return z >= minZoom && z <= maxZoom && x >= 0 && y >= 0 && x < matrixWidth(z) && y < matrixHeight(z);
    }

    /** The tile's extent in the grid CRS. */
    public Envelope tileEnvelope(int z, long x, long y) {
        double s = tileSpan(z);
        double west = minX + x * s;
        double north = maxY - y * s;
        return new Envelope(west, west + s, north - s, north);
    }

    /** Resolutions (CRS units per pixel of a 256-pixel tile) from level 0 to the maximum, for clients. */
    public double[] resolutions() {
        double[] r = new double[maxZoom + 1];
        for (int z = 0; z <= maxZoom; z++) r[z] = tileSpan(z) / 256.0;
        return r;
    }
}
