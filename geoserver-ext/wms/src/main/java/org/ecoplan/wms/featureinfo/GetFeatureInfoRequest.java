package org.ecoplan.wms.featureinfo;

import java.util.List;
import org.ecoplan.map.info.FeatureInfo;
import org.ecoplan.ows.ResponseEncoder;
import org.ecoplan.wms.ExceptionFormat;
import org.ecoplan.wms.getmap.GetMapRequest;

/**
 * A GetFeatureInfo request (WMS 1.3.0 clause 7.4.2, WMS 1.1.1 clause 7.3.3): the map it refers to,
 * the layers to query, the pixel (I,J / X,Y from the upper left corner) and the answer format.
 *
 * @param infoFormatText the INFO_FORMAT value as sent; XML answers are labelled with it
 */
public record GetFeatureInfoRequest(GetMapRequest map, List<String> queryLayers,
        ResponseEncoder<FeatureInfo> infoFormat,
        String infoFormatText, int featureCount, int i, int j, ExceptionFormat exceptions) {
    public GetFeatureInfoRequest {
        queryLayers = List.copyOf(queryLayers);
    }
}
