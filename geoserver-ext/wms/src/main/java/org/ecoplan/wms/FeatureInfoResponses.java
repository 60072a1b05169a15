package org.ecoplan.wms;

import java.util.List;
import org.ecoplan.ows.OwsResponse;

/** Chooses the GetFeatureInfo encoder for an INFO_FORMAT (one class per format). */
final class FeatureInfoResponses {
    private FeatureInfoResponses() {}

    /**
     * @param requested the INFO_FORMAT as sent: GML answers carry it as their content type, since
     *                  several names (text/xml, application/vnd.ogc.gml) select the same encoding
     */
    static OwsResponse response(List<LayerHits> hits, FeatureInfoFormat format, String requested) {
        boolean gml = format == FeatureInfoFormat.GML2 || format == FeatureInfoFormat.GML3;
        String type = gml && requested != null && requested.contains("/") ? requested : format.contentType();
        return OwsResponse.ok(type, switch (format) {
            case TEXT -> out -> FeatureInfoText.write(hits, out);
            case HTML -> out -> FeatureInfoHtml.write(hits, out);
            case JSON -> out -> FeatureInfoGeoJson.write(hits, out);
            case GML2 -> out -> FeatureInfoGml.write(hits, out, false);
            case GML3 -> out -> FeatureInfoGml.write(hits, out, true);
        });
    }
}
