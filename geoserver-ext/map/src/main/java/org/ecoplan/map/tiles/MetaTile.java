package org.ecoplan.map.tiles;

/**
 * A block of up to {@link #SIZE} × {@link #SIZE} tiles rendered as one image (with a gutter) and
 * cut into tiles, so labels and symbols are placed once for the block and never cut at the inner
 * tile edges. Blocks are aligned to multiples of {@link #SIZE} and clipped to the matrix.
 */
public record MetaTile(TileMatrixSet set, TileMatrix matrix, long col, long row, long cols, long rows) {
    public static final int SIZE = 4;

    /** The metatile holding a tile. */
    public static MetaTile of(TileMatrixSet set, TileMatrix m, long col, long row) {
        long c0 = Math.floorDiv(col, SIZE) * SIZE;
        long r0 = Math.floorDiv(row, SIZE) * SIZE;
        return new MetaTile(set, m, c0, r0, Math.min(SIZE, m.matrixWidth() - c0),
                Math.min(SIZE, m.matrixHeight() - r0));
    }

    public boolean contains(long c, long r) {
        return c >= col && c < col + cols && r >= row && r < row + rows;
    }

    /** An identifier of the block for single-flight rendering. */
    public String id() {
        return set.identifier() + "/" + matrix.identifier() + "/" + col + "/" + row;
    }
}
