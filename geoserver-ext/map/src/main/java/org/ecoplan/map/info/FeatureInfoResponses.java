package org.ecoplan.map.info;

import java.util.List;
import org.ecoplan.ows.OwsResponse;

/** Chooses the feature info encoder for a format (one class per format). */
public final class FeatureInfoResponses {
    private FeatureInfoResponses() {}

    /**
     * @param requested the format as the client sent it: GML answers carry it as their content
     *                  type, since several names (text/xml, application/vnd.ogc.gml) select the same encoding
     */
    public static OwsResponse response(List<LayerHits> hits, FeatureInfoFormat format, String requested) {
        String type = format.isGml() && requested != null && requested.contains("/") ? requested : format.contentType();
        return OwsResponse.ok(type, switch (format) {
            case TEXT -> out -> FeatureInfoText.write(hits, out);
            case HTML -> out -> FeatureInfoHtml.write(hits, out);
            case JSON -> out -> FeatureInfoGeoJson.write(hits, out);
            case GML2 -> out -> FeatureInfoGml.write(hits, out, false);
            case GML3 -> out -> FeatureInfoGml.write(hits, out, true);
        });
    }
}
