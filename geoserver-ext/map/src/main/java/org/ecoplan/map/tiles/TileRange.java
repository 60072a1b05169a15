package org.ecoplan.map.tiles;

/**
 * An inclusive rectangle of tiles of one TileMatrix: the TileMatrixLimits of OGC 07-057r7
 * clause 7.1.1.3 (MinTileRow, MaxTileRow, MinTileCol, MaxTileCol).
 */
public record TileRange(String matrix, long minCol, long minRow, long maxCol, long maxRow) {
    public boolean contains(long col, long row) {
        return col >= minCol && col <= maxCol && row >= minRow && row <= maxRow;
    }

    public boolean isEmpty() { return maxCol < minCol || maxRow < minRow; }

    public long count() { return isEmpty() ? 0 : (maxCol - minCol + 1) * (maxRow - minRow + 1); }
}
