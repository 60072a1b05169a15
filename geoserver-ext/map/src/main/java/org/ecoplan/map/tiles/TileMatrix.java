package org.ecoplan.map.tiles;

/**
 * One TileMatrix of a {@link TileMatrixSet} (OGC 07-057r7 clause 6.1, Table 5; OGC 17-083r2
 * clause 7.1): a grid of {@code matrixWidth × matrixHeight} tiles of {@link TileMatrixSet#TILE_SIZE}
 * pixels whose cells are {@code resolution} CRS units wide. The resolution is kept exact and the
 * scale denominator derived from it at the standardized 0.28 mm rendering pixel, so the tile
 * envelopes computed here are the ones of the published definitions.
 *
 * @param identifier    TileMatrix identifier as advertised ("0", "1", ...)
 * @param resolution    cell size in CRS units (metres or degrees) per pixel
 * @param metersPerUnit metres per CRS unit (1 for projected CRSs, the equatorial degree for geographic ones)
 */
public record TileMatrix(String identifier, double resolution, double metersPerUnit, long matrixWidth,
        long matrixHeight) {
    /** The standardized rendering pixel size of OGC 07-057r7 clause 6.1.1 (0.28 mm). */
    public static final double PIXEL_SIZE_METRES = 0.00028;

    public TileMatrix {
        if (!(resolution > 0) || matrixWidth < 1 || matrixHeight < 1) {
            throw new IllegalArgumentException("invalid tile matrix " + identifier);
        }
    }

    public double scaleDenominator() { return resolution * metersPerUnit / PIXEL_SIZE_METRES; }

    /** Width (and height) of one tile in CRS units. */
    public double tileSpan() {
        return resolution * TileMatrixSet.TILE_SIZE;
    }

    public boolean contains(long col, long row) {
        return col >= 0 && row >= 0 && col < matrixWidth && row < matrixHeight;
    }
}
