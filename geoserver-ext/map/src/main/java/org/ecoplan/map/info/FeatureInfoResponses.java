package org.ecoplan.map.info;

import java.util.List;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ResponseEncoder;

/** The HTTP answer of a GetFeatureInfo: the hits written by the format the request chose. */
public final class FeatureInfoResponses {
    private FeatureInfoResponses() {}

    /** @param requested the format as the client sent it (some formats label their answer with it) */
    public static OwsResponse response(List<LayerHits> hits, ResponseEncoder<FeatureInfo> format, String requested) {
        FeatureInfo info = new FeatureInfo(hits);
        return OwsResponse.ok(format.contentType(requested), out -> format.write(info, out));
    }
}
