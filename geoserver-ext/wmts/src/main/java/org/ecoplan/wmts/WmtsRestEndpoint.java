package org.ecoplan.wmts;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.ecoplan.map.MapCore;
import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.map.info.FeatureInfo;
import org.ecoplan.map.tiles.TileEngine;
import org.ecoplan.map.tiles.TileHttp;
import org.ecoplan.map.tiles.TileLayer;
import org.ecoplan.map.tiles.TileRequest;
import org.ecoplan.ows.HttpEndpoint;
import org.ecoplan.ows.OwsExceptionReport;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ResponseEncoder;
import org.ecoplan.ows.ResponseEncoders;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;

/**
 * The WMTS RESTful binding (OGC 07-057r7 clause 10) under {@code /wmts/rest}:
 * <ul>
 * <li>{@code /1.0.0/WMTSCapabilities.xml} — the ServiceMetadata document;</li>
 * <li>{@code /{layer}/{style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png|jpg} — a tile;</li>
 * <li>{@code .../{TileCol}/{J}/{I}.json|html|txt} — GetFeatureInfo.</li>
 * </ul>
 * A tile outside the layer's TileMatrixSetLimits is 404 Not Found (a resource that does not
 * exist, clause 10.2), a malformed path 400, each with an OWS ExceptionReport.
 */
public final class WmtsRestEndpoint implements HttpEndpoint {
    public static final String PREFIX = "/wmts/rest";

    private final ServiceContext context;
    private final TileEngine engine;
    private final GetFeatureInfo featureInfo;

    public WmtsRestEndpoint(ServiceContext context, MapCore core) {
        this.context = context;
        this.engine = core.tiles();
        this.featureInfo = new GetFeatureInfo(core.featureHits(), ResponseEncoders.of(context));
    }

    @Override
    public String pathPrefix() { return PREFIX; }

    @Override
    public OwsResponse handle(OwsRequest request) { return route(request); }

    /** OWS 1.1 ExceptionReport, as the KVP binding answers (07-057r7 clause 10.2). */
    @Override
    public OwsResponse exception(ServiceException e, OwsRequest request) {
        return OwsExceptionReport.response(e, OwsExceptionReport.OWS_11, WmtsService.VERSION);
    }

    private OwsResponse route(OwsRequest request) {
        String rest = request.path().substring(PREFIX.length());
        if (rest.startsWith("/")) rest = rest.substring(1);
        String[] parts = rest.split("/");
        for (int i = 0; i < parts.length; i++) parts[i] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
        if (parts.length == 2 && parts[0].equals("1.0.0") && parts[1].equals("WMTSCapabilities.xml")) {
            return OwsResponse.bytes(200, "application/xml; charset=UTF-8",
                    new WmtsCapabilitiesWriter(context, engine, context.view(request)).write(request.endpointUrl("")));
        }
        if (parts.length != 6 && parts.length != 8) {
            throw new ServiceException("NotFound", null, "No WMTS resource at " + request.path()
                    + "; tiles are /wmts/rest/{layer}/{style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png",
                    404);
        }
        String last = parts[parts.length - 1];
        int dot = last.lastIndexOf('.');
        if (dot < 0)
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "Format",
                    "The resource has no format extension");
        String ext = last.substring(dot + 1);
        parts[parts.length - 1] = last.substring(0, dot);
        TileLayer layer = engine.layer(context.view(request), parts[0]).orElseThrow(
                () -> new ServiceException("NotFound", "Layer", "No tiled layer named '" + parts[0] + "'", 404));
        if (parts.length == 6) {
            ImageFormat format = ImageFormat.tileByExtension(ext).orElseThrow(() -> new ServiceException(
                    ServiceException.INVALID_PARAMETER_VALUE, "Format", "Tiles are .png or .jpg, not ." + ext));
            TileRequest r = TileRequest.resolve(layer, parts[1], parts[2], parts[3], parts[4], parts[5], format);
            TileEngine.Result result = engine.tile(r, !"HEAD".equals(request.method()));
            if (result.outside()) {
                throw new ServiceException("TileOutOfRange", "TileRow",
                        "Tile outside the limits of layer '" + layer.name() + "' in "
                                + r.set().identifier() + " matrix " + r.matrix().identifier(),
                        404);
            }
            return TileHttp.response(request, result.tile(), format, engine.maxAgeSeconds());
        }
        ResponseEncoder<FeatureInfo> info = featureInfo.formatByExtension(ext);
        TileRequest r = TileRequest.resolve(layer, parts[1], parts[2], parts[3], parts[4], parts[5], ImageFormat.PNG);
        return featureInfo.run(r, TileRequest.integer(parts[7], "I"), TileRequest.integer(parts[6], "J"),
                info);
    }
}
