package org.ecoplan.wmts;

import java.util.List;
import java.util.Locale;
import org.ecoplan.map.MapCore;
import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.map.info.FeatureInfoFormat;
import org.ecoplan.map.tiles.TileEngine;
import org.ecoplan.map.tiles.TileHttp;
import org.ecoplan.map.tiles.TileLayer;
import org.ecoplan.map.tiles.TileRange;
import org.ecoplan.map.tiles.TileRequest;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsExceptionReport;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.OwsService;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;

/**
 * The WMTS 1.0.0 service, KVP binding (OGC 07-057r7 clause 8): GetCapabilities, GetTile and
 * GetFeatureInfo. Errors are OWS 1.1 ExceptionReports (clause 8.4, Table 28) with the HTTP status
 * of their code.
 */
public final class WmtsService implements OwsService {
    public static final String VERSION = "1.0.0";

    private final ServiceContext context;
    private final TileEngine engine;
    private final GetFeatureInfo featureInfo;

    public WmtsService(ServiceContext context, MapCore core) {
        this.context = context;
        this.engine = core.tiles();
        this.featureInfo = new GetFeatureInfo(core.featureHits());
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
        String op = p.require("REQUEST");
        return switch (op.toLowerCase(Locale.ROOT)) {
            case "getcapabilities" -> capabilities(request);
            case "gettile" -> {
                checkVersion(p);
                yield getTile(request,
                        tileRequest(p,
                                ImageFormat.tileByMime(p.require("FORMAT")).orElseThrow(() -> new ServiceException(
                                        ServiceException.INVALID_PARAMETER_VALUE, "Format",
                                        "Format must be image/png or image/jpeg, not '" + p.value("FORMAT") + "'"))));
            }
            case "getfeatureinfo" -> {
                checkVersion(p);
                ImageFormat format = ImageFormat.tileByMime(p.value("FORMAT")).orElse(ImageFormat.PNG);
                FeatureInfoFormat info = FeatureInfoFormat.find(p.require("INFOFORMAT"))
                        .filter(FeatureInfoFormat.WMTS::contains)
                        .orElseThrow(() -> new ServiceException(
                                ServiceException.INVALID_PARAMETER_VALUE, "InfoFormat",
                                "InfoFormat '" + p.value("INFOFORMAT") + "' is not offered"));
                yield featureInfo.run(tileRequest(p, format), TileRequest.integer(p.require("I"), "I"),
                        TileRequest.integer(p.require("J"), "J"), info);
            }
            // an unknown REQUEST value is a wrong parameter value to the WMTS conformance tests, not a missing operation
            default -> throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "Request",
                    "WMTS has no operation '" + op + "'; use GetCapabilities, GetTile or GetFeatureInfo");
        };
    }

    private OwsResponse capabilities(OwsRequest request) {
        String accept = request.params().value("ACCEPTVERSIONS");
        if (accept != null && !accept.isBlank() && !List.of(accept.split(",")).contains(VERSION)) {
            throw new ServiceException(ServiceException.VERSION_NEGOTIATION_FAILED, "AcceptVersions",
                    "This server supports WMTS " + VERSION + " only");
        }
        byte[] doc = new WmtsCapabilitiesWriter(context, engine).write(request.baseUrl());
        return OwsResponse.bytes(200, "application/xml; charset=UTF-8", doc);
    }

    private static void checkVersion(KvpMap p) {
        String v = p.require("VERSION");
        if (!VERSION.equals(v)) {
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "Version",
                    "WMTS version must be " + VERSION + ", not '" + v + "'");
        }
    }

    private TileRequest tileRequest(KvpMap p, ImageFormat format) {
        TileLayer layer = engine.requireLayer(p.require("LAYER"), "Layer");
        // STYLE is mandatory (Table 26); an empty value still means the default style
        if (!p.has("STYLE")) {
            throw new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, "Style", "Missing parameter STYLE");
        }
        return TileRequest.resolve(layer, p.value("STYLE"), p.require("TILEMATRIXSET"), p.require("TILEMATRIX"),
                p.require("TILEROW"), p.require("TILECOL"), format);
    }

    /** A tile response; a tile outside the layer's TileMatrixSetLimits is TileOutOfRange (Table 28, HTTP 400). */
    OwsResponse getTile(OwsRequest request, TileRequest r) {
        TileEngine.Result result = engine.tile(r);
        if (result.outside()) {
            TileRange range = engine.limits(r.layer(), r.set()).get(r.matrix().identifier());
            boolean rowInside = range != null && r.row() >= range.minRow() && r.row() <= range.maxRow();
            throw new ServiceException("TileOutOfRange", rowInside ? "TileCol" : "TileRow",
                    "Tile (row " + r.row() + ", col " + r.col()
                            + ") is outside the TileMatrixSetLimits of layer " + r.layer().id() + " in TileMatrix "
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
