package org.ecoplan.wms.getmap;

import java.awt.Color;
import java.util.List;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.wms.ExceptionFormat;
import org.ecoplan.wms.WmsVersion;
import org.locationtech.jts.geom.Envelope;

/**
 * A GetMap request (WMS 1.3.0 clause 7.3.2, WMS 1.1.1 clause 7.2.3) after KVP decoding.
 *
 * @param layers  LAYERS names in drawing order (layers or layer groups); empty only with an SLD_BODY
 * @param styles  STYLES entries, one per layer or empty for all defaults; an entry "" is the default
 * @param sldBody an SLD document given inline (SLD 1.0 clause 6.3), or null
 * @param bbox    BBOX in east/north order in the request CRS
 */
public record GetMapRequest(WmsVersion version, List<String> layers, List<String> styles, String sldBody,
        CrsName crs, Envelope bbox, int width, int height, ImageFormat format,
        boolean transparent, Color background, ExceptionFormat exceptions) {
    public GetMapRequest {
        layers = List.copyOf(layers);
        styles = List.copyOf(styles);
    }
}
