package org.ecoplan.map.tiles;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ecoplan.catalog.crs.AxisOrder;
import org.ecoplan.catalog.crs.AxisOrders;
import org.ecoplan.catalog.crs.Crs;
import org.locationtech.jts.geom.Envelope;

/**
 * A TileMatrixSet (OGC 07-057r7 clause 6.1; OGC 17-083r2 clause 7.1): tile matrices of one CRS that
 * share a top-left corner, from coarse to fine. Corner and envelopes are held east/north like every
 * coordinate of the engine; {@link #topLeftCorner()} writes the corner in the CRS's axis order as the
 * capabilities document requires (07-057r7 Table 5, TopLeftCorner).
 *
 * @param identifier        the identifier clients use in TILEMATRIXSET
 * @param aliases           other names accepted for it (well-known scale set names, 天地图's "c")
 * @param crs               the CRS of the tiles
 * @param supportedCrs      the CRS URN written as SupportedCRS
 * @param wellKnownScaleSet the WellKnownScaleSet URN, or null
 * @param originX           east coordinate of the top-left corner
 * @param originY           north coordinate of the top-left corner
 */
public record TileMatrixSet(String identifier, String title, List<String> aliases, Crs crs, String supportedCrs,
        String wellKnownScaleSet, double originX, double originY, List<TileMatrix> matrices) {
    /** Pixels per tile side, for every set served. */
    public static final int TILE_SIZE = 256;

    public TileMatrixSet {
        aliases = List.copyOf(aliases);
        matrices = List.copyOf(matrices);
    }

    public boolean isNamed(String name) {
        if (identifier.equalsIgnoreCase(name)) return true;
        for (String a : aliases) if (a.equalsIgnoreCase(name)) return true;
        return false;
    }

    public Optional<TileMatrix> matrix(String id) {
        for (TileMatrix m : matrices) if (m.identifier().equals(id)) return Optional.of(m);
        return Optional.empty();
    }

    /** The matrix of a zoom level, for URLs that number matrices (XYZ, vector tiles): its identifier is the number. */
    public Optional<TileMatrix> matrix(int zoom) {
        return matrix(Integer.toString(zoom));
    }

    /** The number of the coarsest matrix (0, or 1 for CGCS2000Quad). */
    public int firstZoom() {
        return Integer.parseInt(matrices.get(0).identifier());
    }

    /** The number of the finest matrix. */
    public int lastZoom() {
        return Integer.parseInt(matrices.get(matrices.size() - 1).identifier());
    }

    /** The position of a matrix in the set, 0 for the coarsest. */
    public int indexOf(TileMatrix m) {
        return matrices.indexOf(m);
    }

    /** The envelope (east/north) of a tile. */
    public Envelope tileEnvelope(TileMatrix m, long col, long row) {
        double span = m.tileSpan();
        double minX = originX + col * span;
        double maxY = originY - row * span;
        return new Envelope(minX, minX + span, maxY - span, maxY);
    }

    /** The envelope of a block of tiles, columns col..col+cols-1 and rows row..row+rows-1. */
    public Envelope blockEnvelope(TileMatrix m, long col, long row, long cols, long rows) {
        double span = m.tileSpan();
        double minX = originX + col * span;
        double maxY = originY - row * span;
        return new Envelope(minX, minX + cols * span, maxY - rows * span, maxY);
    }

    /** The whole area of the set (the extent of its coarsest matrix). */
    public Envelope extent() {
        TileMatrix m = matrices.get(0);
        return blockEnvelope(m, 0, 0, m.matrixWidth(), m.matrixHeight());
    }

    /**
     * The tiles of a matrix that intersect an envelope in the set's CRS (east/north), clipped to the
     * matrix; empty when they do not meet. A tile that only touches the envelope's edge is left out.
     */
    public TileRange range(TileMatrix m, Envelope e) {
        double span = m.tileSpan();
        double eps = span * 1e-9;
        long minCol = (long) Math.floor((e.getMinX() - originX) / span + 1e-9);
        long maxCol = (long) Math.ceil((e.getMaxX() - originX) / span - 1e-9) - 1;
        long minRow = (long) Math.floor((originY - e.getMaxY()) / span + 1e-9);
        long maxRow = (long) Math.ceil((originY - e.getMinY()) / span - 1e-9) - 1;
        if (e.getWidth() < eps) maxCol = minCol;
        if (e.getHeight() < eps) maxRow = minRow;
        minCol = Math.max(0, minCol);
        minRow = Math.max(0, minRow);
        maxCol = Math.min(m.matrixWidth() - 1, maxCol);
        maxRow = Math.min(m.matrixHeight() - 1, maxRow);
        return new TileRange(m.identifier(), minCol, minRow, maxCol, maxRow);
    }

    /** TopLeftCorner as written in capabilities: two numbers in the CRS's authority axis order. */
    public String topLeftCorner() {
        return AxisOrders.authority(crs) == AxisOrder.NORTH_EAST
                ? number(originY) + " " + number(originX)
                : number(originX) + " " + number(originY);
    }

    /** A coordinate pair (east, north) in the CRS's axis order, for LowerCorner/UpperCorner. */
    public String corner(double east, double north) {
        return AxisOrders.authority(crs) == AxisOrder.NORTH_EAST
                ? number(north) + " " + number(east)
                : number(east) + " " + number(north);
    }

    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.10f", v).replaceAll("0+$", "");
    }
}
