package org.ecoplan.map.tiles;

import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.ows.ServiceException;

/**
 * One tile asked for, after the names were resolved: the parameters of a WMTS GetTile
 * (OGC 07-057r7 clause 7.2.2, Table 26) whichever binding (KVP, REST, XYZ) carried them.
 */
public record TileRequest(TileLayer layer, String style, TileMatrixSet set, TileMatrix matrix, long col, long row,
        ImageFormat format) {
    /** Resolves the textual parameters; each wrong value is an InvalidParameterValue naming its parameter. */
    public static TileRequest resolve(TileLayer layer, String style, String set, String matrix, String row, String col,
            ImageFormat format) {
        String s = layer.resolveStyle(style);
        TileMatrixSet tms = TileMatrixSets.find(set).orElseThrow(() -> new ServiceException(
                ServiceException.INVALID_PARAMETER_VALUE, "TileMatrixSet", "Unknown TileMatrixSet '" + set + "'"));
        TileMatrix m = tms.matrix(matrix).orElseThrow(() -> new ServiceException(
                ServiceException.INVALID_PARAMETER_VALUE, "TileMatrix",
                "TileMatrixSet " + tms.identifier() + " has no TileMatrix '" + matrix + "'"));
        long r = integer(row, "TileRow");
        long c = integer(col, "TileCol");
        return new TileRequest(layer, s, tms, m, c, r, format);
    }

    public static long integer(String text, String name) {
        try {
            return Long.parseLong(text.trim());
        } catch (RuntimeException e) {
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, name,
                    name + " must be an integer, not '" + text + "'");
        }
    }

    public TileKey key(String version) {
        return new TileKey(layer.key(), style, set.identifier(), matrix.identifier(), col, row, format, version);
    }
}
