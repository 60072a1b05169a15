package org.ecoplan.wms.featureinfo;

import java.util.List;
import org.ecoplan.map.info.FeatureInfo;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.ResponseEncoder;
import org.ecoplan.ows.ResponseEncoders;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.wms.ExceptionFormat;
import org.ecoplan.wms.MapFormats;
import org.ecoplan.wms.NameList;
import org.ecoplan.wms.WmsExceptionCode;
import org.ecoplan.wms.WmsVersion;
import org.ecoplan.wms.getmap.GetMapKvpReader;
import org.ecoplan.wms.getmap.GetMapRequest;

/**
 * Builds a {@link GetFeatureInfoRequest} from KVP (WMS 1.3.0 Table 9, WMS 1.1.1 Table 8). The map
 * part is read as for GetMap (FORMAT optional). A pixel that is not an integer inside the image is
 * InvalidPoint. INFO_FORMAT is mandatory in 1.3.0 and defaults to text/plain in 1.1.1.
 */
public final class GetFeatureInfoKvpReader {
    private final GetMapKvpReader mapReader;
    private final ServerSettings settings;
    private final ResponseEncoders encoders;

    public GetFeatureInfoKvpReader(ServerSettings settings, List<String> offeredCrs, ResponseEncoders encoders) {
        this.mapReader = new GetMapKvpReader(settings, offeredCrs, new MapFormats(encoders));
        this.settings = settings;
        this.encoders = encoders;
    }

    public GetFeatureInfoRequest read(KvpMap params, WmsVersion version) {
        GetMapRequest map = mapReader.read(params, version, false);
        List<String> queryLayers = NameList.parse(params.require("QUERY_LAYERS"));
        String infoText = params.value("INFO_FORMAT");
        if (infoText == null || infoText.isBlank()) {
            if (version == WmsVersion.V_1_3_0) {
                throw new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, "INFO_FORMAT",
                        "Missing parameter INFO_FORMAT");
            }
            infoText = "text/plain";
        }
        String asked = infoText;
        ResponseEncoder<FeatureInfo> format = encoders.find(FeatureInfo.class, asked, "WMS", version.text())
                .orElseThrow(() -> new ServiceException(WmsExceptionCode.INVALID_FORMAT, "INFO_FORMAT",
                        "Unsupported INFO_FORMAT '" + asked + "'; supported: " + String.join(", ",
                                encoders.offered(FeatureInfo.class, "WMS", version.text()).stream()
                                        .map(f -> f.names().get(0)).toList())));
        int count = featureCount(params.value("FEATURE_COUNT"));
        int i = pixel(params, version.iParam(), map.width());
        int j = pixel(params, version.jParam(), map.height());
        return new GetFeatureInfoRequest(map, queryLayers, format, infoText.trim(), count, i, j,
                ExceptionFormat.of(params.value("EXCEPTIONS")));
    }

    private int featureCount(String v) {
        if (v == null || v.isBlank()) return 1;
        try {
            int n = Integer.parseInt(v.trim());
            if (n <= 0) throw new NumberFormatException();
            return Math.min(n, settings.maxFeatures());
        } catch (NumberFormatException e) {
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "FEATURE_COUNT",
                    "FEATURE_COUNT must be a positive integer, not '" + v + "'");
        }
    }

    private static int pixel(KvpMap params, String name, int size) {
        String v = params.value(name);
        if (v == null || v.isBlank()) {
            throw new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, name, "Missing parameter " + name);
        }
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ServiceException(WmsExceptionCode.INVALID_POINT, name,
                    name + " must be an integer pixel, not '" + v + "'");
        }
        if (n < 0 || n >= size) {
            throw new ServiceException(WmsExceptionCode.INVALID_POINT, name,
                    name + "=" + n + " is outside the map (0.." + (size - 1) + ")");
        }
        return n;
    }
}
