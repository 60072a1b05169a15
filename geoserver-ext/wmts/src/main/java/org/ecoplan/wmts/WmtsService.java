package org.ecoplan.wmts;

import java.util.List;
import org.ecoplan.map.MapCore;
import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.map.tiles.TileEngine;
import org.ecoplan.map.tiles.TileHttp;
import org.ecoplan.map.tiles.TileLayer;
import org.ecoplan.map.tiles.TileRange;
import org.ecoplan.map.tiles.TileRequest;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.Operation;
import org.ecoplan.ows.Operations;
import org.ecoplan.ows.OwsExceptionReport;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.OwsService;
import org.ecoplan.ows.ResponseEncoders;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.ows.VersionNegotiation;

/**
 * The WMTS 1.0.0 service, KVP binding (OGC 07-057r7 clause 8): GetCapabilities, GetTile and
 * GetFeatureInfo. Errors are OWS 1.1 ExceptionReports (clause 8.4, Table 28) with the HTTP status
 * of their code.
 */
public final class WmtsService implements OwsService {
    public static final String VERSION = "1.0.0";
    static final VersionNegotiation NEGOTIATION = new VersionNegotiation(List.of(VERSION));

    private final ServiceContext context;
    private final TileEngine engine;
    private final GetFeatureInfo featureInfo;
    private final Operations operations;

    public WmtsService(ServiceContext context, MapCore core) {
        this.context = context;
        this.engine = core.tiles();
        this.featureInfo = new GetFeatureInfo(core.featureHits(), ResponseEncoders.of(context));
        this.operations = new Operations(List.of(Operation.kvp("GetCapabilities", (r, v) -> capabilities(r)),
                Operation.kvp("GetTile", (r, v) -> getTile(r)),
                Operation.kvp("GetFeatureInfo", (r, v) -> getFeatureInfo(r))));
    }

    @Override
    public String name() { return "WMTS"; }

    @Override
    public List<String> versions() { return List.of(VERSION); }

    @Override
    public OwsResponse handle(OwsRequest request) {
        KvpMap p = request.params();
        // SERVICE is mandatory in every KVP request (07-057r7 Tables 8, 26, 30) even though the path already says WMTS
        p.require("SERVICE");
        String name = p.require("REQUEST");
        // an unknown REQUEST value is a wrong parameter value to the WMTS conformance tests, not a missing operation
        Operation op = operations.find(name).orElseThrow(() -> new ServiceException(
                ServiceException.INVALID_PARAMETER_VALUE, "Request", "WMTS has no operation '" + name + "'; use "
                        + String.join(", ", operations.names())));
        return op.kvp().handle(request, op.name().equals("GetCapabilities") ? null : checkVersion(p));
    }

    private OwsResponse getTile(OwsRequest request) {
        KvpMap p = request.params();
        ImageFormat format = ImageFormat.tileByMime(p.require("FORMAT"))
                .orElseThrow(() -> new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "Format",
                        "Format must be image/png or image/jpeg, not '" + p.value("FORMAT") + "'"));
        return getTile(request, tileRequest(request, p, format));
    }

    private OwsResponse getFeatureInfo(OwsRequest request) {
        KvpMap p = request.params();
        ImageFormat format = ImageFormat.tileByMime(p.value("FORMAT")).orElse(ImageFormat.PNG);
        String infoFormat = p.require("INFOFORMAT");
        return featureInfo.run(tileRequest(request, p, format), TileRequest.integer(p.require("I"), "I"),
                TileRequest.integer(p.require("J"), "J"), infoFormat);
    }

    private OwsResponse capabilities(OwsRequest request) {
        NEGOTIATION.accept(request.params().value("ACCEPTVERSIONS"));
        byte[] doc = new WmtsCapabilitiesWriter(context, engine, context.view(request)).write(request.endpointUrl(""));
        return OwsResponse.bytes(200, "application/xml; charset=UTF-8", doc);
    }

    private static String checkVersion(KvpMap p) {
        String v = p.require("VERSION");
        if (NEGOTIATION.exact(v) == null) {
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "Version",
                    "WMTS version must be " + VERSION + ", not '" + v + "'");
        }
        return v.trim();
    }

    private TileRequest tileRequest(OwsRequest request, KvpMap p, ImageFormat format) {
        TileLayer layer = engine.requireLayer(context.view(request), p.require("LAYER"), "Layer");
        // STYLE is mandatory (Table 26); an empty value still means the default style
        if (!p.has("STYLE")) {
            throw new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, "Style", "Missing parameter STYLE");
        }
        return TileRequest.resolve(layer, p.value("STYLE"), p.require("TILEMATRIXSET"), p.require("TILEMATRIX"),
                p.require("TILEROW"), p.require("TILECOL"), format);
    }

    /** A tile response; a tile outside the layer's TileMatrixSetLimits is TileOutOfRange (Table 28, HTTP 400). */
    OwsResponse getTile(OwsRequest request, TileRequest r) {
        TileEngine.Result result = engine.tile(r, !"HEAD".equals(request.method()));
        if (result.outside()) {
            TileRange range = engine.limits(r.layer(), r.set()).get(r.matrix().identifier());
            boolean rowInside = range != null && r.row() >= range.minRow() && r.row() <= range.maxRow();
            throw new ServiceException("TileOutOfRange", rowInside ? "TileCol" : "TileRow",
                    "Tile (row " + r.row() + ", col " + r.col()
                            + ") is outside the TileMatrixSetLimits of layer " + r.layer().name() + " in TileMatrix "
                            + r.matrix().identifier() + " of " + r.set().identifier(),
                    400);
        }
        return TileHttp.response(request, result.tile(), r.format(), engine.maxAgeSeconds());
    }

    @Override
    public OwsResponse exception(ServiceException e, OwsRequest request) {
        return OwsExceptionReport.response(e, OwsExceptionReport.OWS_11, "1.0.0");
    }
}
