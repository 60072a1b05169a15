package org.ecoplan.map.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecoplan.catalog.crs.CrsRegistry;

/**
 * The registry of tile matrix sets: the one set of identifiers and levels that WMTS, XYZ tiles,
 * vector tiles and the viewer all use.
 * <ul>
 * <li>{@code WebMercatorQuad} (OGC 17-083r2 Annex D.1; EPSG:3857, well-known scale set
 *     GoogleMapsCompatible): matrix z has 2^z × 2^z tiles, origin (-πa, πa).</li>
 * <li>{@code WorldCRS84Quad} (OGC 17-083r2 Annex D.2; CRS84): matrix z has 2^(z+1) × 2^z tiles of
 *     0.703125° / 2^z per pixel, origin (-180, 90).</li>
 * <li>{@code CGCS2000Quad}: the CGCS2000 geographic grid of 天地图's {@code c} services (EPSG:4490,
 *     origin (-180, 90) written "90 -180" in EPSG axis order, matrix 1 = 2 × 1 tiles at 0.703125° per
 *     pixel; 天地图 serves matrices 1 to 18, this set continues the same halving to 21), so its tiles
 *     fall exactly on 天地图's. Matrix n of CGCS2000Quad is matrix n − 1 of WorldCRS84Quad. Scale denominators are
 *     at 0.28 mm per pixel as WMTS requires (天地图's own capabilities use 96 dpi), the cells are
 *     identical.</li>
 * </ul>
 * Degrees are converted to metres with the equatorial degree of the WGS 84 / CGCS2000 ellipsoid
 * (2π · 6378137 / 360), as 17-083r2 does.
 */
public final class TileMatrixSets {
    private static final double SEMI_MAJOR = 6378137.0;
    static final double MERCATOR_HALF = Math.PI * SEMI_MAJOR;
    static final double METRES_PER_DEGREE = 2 * Math.PI * SEMI_MAJOR / 360.0;

    /** Finest WebMercatorQuad matrix served (about 3.7 cm per pixel at the equator). */
    public static final int MERCATOR_MAX_ZOOM = 22;
    /** Finest WorldCRS84Quad matrix served; the same cells as CGCS2000Quad's finest. */
    public static final int CRS84_MAX_ZOOM = 20;
    /** Finest CGCS2000Quad matrix served. */
    public static final int CGCS2000_MAX_LEVEL = CRS84_MAX_ZOOM + 1;

    public static final TileMatrixSet WEB_MERCATOR_QUAD = webMercatorQuad();
    public static final TileMatrixSet WORLD_CRS84_QUAD = worldCrs84Quad();
    public static final TileMatrixSet CGCS2000_QUAD = cgcs2000Quad();

    private static final List<TileMatrixSet> ALL = List.of(WEB_MERCATOR_QUAD, WORLD_CRS84_QUAD, CGCS2000_QUAD);

    private TileMatrixSets() {}

    public static List<TileMatrixSet> all() { return ALL; }

    /** A set by identifier or alias, case-insensitively. */
    public static Optional<TileMatrixSet> find(String name) {
        if (name == null) return Optional.empty();
        for (TileMatrixSet s : ALL) if (s.isNamed(name.trim())) return Optional.of(s);
        return Optional.empty();
    }

    private static TileMatrixSet webMercatorQuad() {
        List<TileMatrix> ms = new ArrayList<>();
        for (int z = 0; z <= MERCATOR_MAX_ZOOM; z++) {
            long n = 1L << z;
            ms.add(new TileMatrix(Integer.toString(z), 2 * MERCATOR_HALF / TileMatrixSet.TILE_SIZE / n, 1.0, n, n));
        }
        return new TileMatrixSet("WebMercatorQuad", "Google Maps compatible Web Mercator (EPSG:3857)",
                List.of("GoogleMapsCompatible", "EPSG:3857", "EPSG:900913", "3857", "webmercator", "w"),
                // 07-057r7 Annex E.4 pins GoogleMapsCompatible to this exact URN (CITE checks it literally)
                CrsRegistry.WEB_MERCATOR, "urn:ogc:def:crs:EPSG:6.18:3:3857",
                "urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible", -MERCATOR_HALF, MERCATOR_HALF, ms);
    }

    private static TileMatrixSet worldCrs84Quad() {
        List<TileMatrix> ms = new ArrayList<>();
        for (int z = 0; z <= CRS84_MAX_ZOOM; z++) {
            long n = 1L << z;
            ms.add(new TileMatrix(Integer.toString(z), 0.703125 / n, METRES_PER_DEGREE, 2 * n, n));
        }
        return new TileMatrixSet("WorldCRS84Quad", "CRS84 for the world, 2 x 1 tiles at level 0",
                List.of("CRS84", "OGC:CRS84", "WorldCRS84"), CrsRegistry.CRS84_CRS,
                "urn:ogc:def:crs:OGC:1.3:CRS84", null, -180, 90, ms);
    }

    private static TileMatrixSet cgcs2000Quad() {
        List<TileMatrix> ms = new ArrayList<>();
        for (int level = 1; level <= CGCS2000_MAX_LEVEL; level++) {
            long rows = 1L << (level - 1);
            ms.add(new TileMatrix(Integer.toString(level), 0.703125 / rows, METRES_PER_DEGREE, 2 * rows, rows));
        }
        return new TileMatrixSet("CGCS2000Quad", "CGCS2000 geographic (EPSG:4490), the 天地图 'c' grid",
                List.of("c", "TianDiTu", "tianditu-c", "EPSG:4490", "4490", "CGCS2000"), CrsRegistry.CGCS2000,
                "urn:ogc:def:crs:EPSG::4490", null, -180, 90, ms);
    }
}
