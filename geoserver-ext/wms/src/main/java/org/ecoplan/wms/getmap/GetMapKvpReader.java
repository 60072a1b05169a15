package org.ecoplan.wms.getmap;

import java.util.List;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.wms.BboxParser;
import org.ecoplan.wms.ExceptionFormat;
import org.ecoplan.wms.MapFormats;
import org.ecoplan.wms.MapParameters;
import org.ecoplan.wms.NameList;
import org.ecoplan.wms.SupportedCrs;
import org.ecoplan.wms.WmsExceptionCode;
import org.ecoplan.wms.WmsVersion;
import org.locationtech.jts.geom.Envelope;

/**
 * Builds a {@link GetMapRequest} from KVP parameters (WMS 1.3.0 Table 8, WMS 1.1.1 Table 5). CRS
 * is read from CRS in 1.3.0 and SRS in 1.1.1, each falling back to the other name as lenient
 * clients send it. SLD by reference is refused (this server fetches nothing remote); the document
 * goes in SLD_BODY.
 */
public final class GetMapKvpReader {

    private final ServerSettings settings;
    private final List<String> offeredCrs;
    private final MapFormats formats;
    private final boolean allowSldBody;

    /** @param offeredCrs the CRSs the endpoint offers (CRS / SRS must be one of them) */
    public GetMapKvpReader(ServerSettings settings, List<String> offeredCrs, MapFormats formats) {
        this(settings, offeredCrs, formats, true);
    }

    /** @param allowSldBody false refuses client-supplied styles (ECOPLAN_SLD_BODY=false) */
    public GetMapKvpReader(ServerSettings settings, List<String> offeredCrs, MapFormats formats,
            boolean allowSldBody) {
        this.settings = settings;
        this.formats = formats;
        this.allowSldBody = allowSldBody;
        this.offeredCrs = List.copyOf(offeredCrs);
    }

    public GetMapRequest read(KvpMap params, WmsVersion version) {
        return read(params, version, true);
    }

    /** @param needFormat false for GetFeatureInfo, whose FORMAT is optional in practice */
    public GetMapRequest read(KvpMap params, WmsVersion version, boolean needFormat) {
        if (params.has("SLD") && !params.value("SLD").isBlank()) {
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "SLD",
                    "SLD by reference is not fetched by this server; send the document inline in SLD_BODY");
        }
        String sldBody = params.value("SLD_BODY");
        if (sldBody != null && !sldBody.isBlank() && !allowSldBody) {
            throw new ServiceException(ServiceException.OPTION_NOT_SUPPORTED, "SLD_BODY",
                    "SLD_BODY is switched off on this server; use the published styles");
        }
        if (sldBody != null && sldBody.isBlank()) sldBody = null;
        List<String> layers = NameList.parse(params.value("LAYERS"));
        if (layers.isEmpty() && sldBody == null) {
            throw new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, "LAYERS", "Missing parameter LAYERS");
        }
        for (String l : layers) {
            if (l.isEmpty())
                throw new ServiceException(WmsExceptionCode.LAYER_NOT_DEFINED, "LAYERS", "LAYERS has an empty name");
        }
        List<String> styles = NameList.parse(params.value("STYLES"));
        if (styles.stream().allMatch(String::isEmpty)) styles = List.of();
        if (!styles.isEmpty() && !layers.isEmpty() && styles.size() != layers.size()) {
            throw new ServiceException(WmsExceptionCode.STYLE_NOT_DEFINED, "STYLES", "STYLES has " + styles.size()
                    + " entries but LAYERS has " + layers.size() + "; give one style (or an empty entry) per layer");
        }
        String crsText = params.value(version.crsParam());
        if (crsText == null || crsText.isBlank()) {
            crsText = params.value(version == WmsVersion.V_1_3_0 ? "SRS" : "CRS");
        }
        CrsName crs = SupportedCrs.require(crsText, version, offeredCrs);
        Envelope bbox = BboxParser.parse(params.value("BBOX"), crs, version);
        int width = MapParameters.size(params, "WIDTH", settings.maxImageWidth());
        int height = MapParameters.size(params, "HEIGHT", settings.maxImageHeight());
        ImageFormat format = needFormat || params.has("FORMAT")
                ? formats.require(params.value("FORMAT"), "FORMAT")
                : ImageFormat.PNG;
        return new GetMapRequest(version, layers, styles, sldBody, crs, bbox, width, height, format,
                MapParameters.transparent(params), MapParameters.bgcolor(params),
                ExceptionFormat.of(params.value("EXCEPTIONS")));
    }
}
