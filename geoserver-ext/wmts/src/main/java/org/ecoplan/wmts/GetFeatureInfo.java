package org.ecoplan.wmts;

import java.util.List;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.map.info.FeatureHits;
import org.ecoplan.map.info.FeatureInfo;
import org.ecoplan.map.info.FeatureInfoResponses;
import org.ecoplan.map.tiles.TileMatrixSet;
import org.ecoplan.map.tiles.TileRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ResponseEncoder;
import org.ecoplan.ows.ResponseEncoders;
import org.ecoplan.ows.ServiceException;
import org.locationtech.jts.geom.Envelope;

/**
 * The GetFeatureInfo operation (OGC 07-057r7 clause 7.3): the features of the queryable layers of
 * a tile at pixel (I, J) of the tile, at most {@link #MAX_FEATURES} per layer, found by the map
 * core's hit test and written by the same encoders as WMS GetFeatureInfo.
 */
final class GetFeatureInfo {
    static final int MAX_FEATURES = 10;

    private final FeatureHits featureHits;
    private final ResponseEncoders encoders;

    GetFeatureInfo(FeatureHits featureHits, ResponseEncoders encoders) {
        this.featureHits = featureHits;
        this.encoders = encoders;
    }

    /** The feature info formats of WMTS, in capabilities order. */
    List<ResponseEncoder<FeatureInfo>> formats() {
        return encoders.offered(FeatureInfo.class, "WMTS", WmtsService.VERSION);
    }

    /** The format of an InfoFormat value (KVP); one WMTS does not offer is InvalidParameterValue. */
    ResponseEncoder<FeatureInfo> format(String infoFormat) {
        return encoders.find(FeatureInfo.class, infoFormat, "WMTS", WmtsService.VERSION)
                .orElseThrow(() -> new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "InfoFormat",
                        "InfoFormat '" + infoFormat + "' is not offered"));
    }

    /** The format of a RESTful FeatureInfo resource extension. */
    ResponseEncoder<FeatureInfo> formatByExtension(String ext) {
        return encoders.byExtension(FeatureInfo.class, ext, "WMTS", WmtsService.VERSION)
                .orElseThrow(() -> new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "InfoFormat",
                        "Feature info is " + String.join(", ", formats().stream().map(f -> "." + f.extension())
                                .toList()) + ", not ." + ext));
    }

    OwsResponse run(TileRequest tile, long i, long j, String infoFormat) {
        return run(tile, i, j, format(infoFormat));
    }

    OwsResponse run(TileRequest tile, long i, long j, ResponseEncoder<FeatureInfo> format) {
        int size = TileMatrixSet.TILE_SIZE;
        if (i < 0 || j < 0 || i >= size || j >= size) {
            throw new ServiceException("PointIJOutOfRange", i < 0 || i >= size ? "I" : "J",
                    "Pixel (I " + i + ", J " + j + ") is outside the " + size + " pixel tile", 400);
        }
        if (!tile.matrix().contains(tile.col(), tile.row())) {
            throw new ServiceException("TileOutOfRange", "TileRow",
                    "The tile is outside TileMatrix " + tile.matrix().identifier(), 400);
        }
        Envelope env = tile.set().tileEnvelope(tile.matrix(), tile.col(), tile.row());
        List<LayerConfig> queryable = tile.layer().members().stream().filter(LayerConfig::queryable).toList();
        return FeatureInfoResponses.response(
                featureHits.at(queryable, env, tile.set().crs(), size, size, i, j, MAX_FEATURES), format,
                null);
    }
}
