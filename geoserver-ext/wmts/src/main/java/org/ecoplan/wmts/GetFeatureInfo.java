package org.ecoplan.wmts;

import java.util.List;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.map.info.FeatureHits;
import org.ecoplan.map.info.FeatureInfoFormat;
import org.ecoplan.map.info.FeatureInfoResponses;
import org.ecoplan.map.tiles.TileMatrixSet;
import org.ecoplan.map.tiles.TileRequest;
import org.ecoplan.ows.OwsResponse;
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

    GetFeatureInfo(FeatureHits featureHits) { this.featureHits = featureHits; }

    OwsResponse run(TileRequest tile, long i, long j, FeatureInfoFormat format) {
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
                format.mime());
    }
}
