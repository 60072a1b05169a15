package org.ecoplan.wmts;

import java.util.List;
import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.map.tiles.LayerLimits;
import org.ecoplan.map.tiles.TileEngine;
import org.ecoplan.map.tiles.TileHttp;
import org.ecoplan.map.tiles.TileJson;
import org.ecoplan.map.tiles.TileLayer;
import org.ecoplan.map.tiles.TileMatrix;
import org.ecoplan.map.tiles.TileMatrixSet;
import org.ecoplan.map.tiles.TileMatrixSets;
import org.ecoplan.map.tiles.TileRequest;
import org.ecoplan.ows.HttpEndpoint;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;

/**
 * Web-map tile URLs under {@code /tiles}: {@code /tiles/{layer}/{tileMatrixSet}/{z}/{x}/{y}.png}
 * (z is the TileMatrix identifier, x the column, y the row counted from the top; with
 * {@code ?scheme=tms} y counts from the bottom as in the OSGeo TMS convention), optional
 * {@code ?style=}, and {@code /tiles/{layer}/{tileMatrixSet}/tilejson.json} ({@link TileJson}).
 * Layers and layer groups are both accepted, and a comma-separated list of them (one workspace's), drawn
 * in the order named. A tile of the matrix outside the layer's limits is an
 * empty tile (web map clients request whole viewports); a tile outside the matrix is 404.
 */
public final class XyzTileEndpoint implements HttpEndpoint {
    public static final String PREFIX = "/tiles";

    private final ServiceContext context;
    private final TileEngine engine;

    public XyzTileEndpoint(ServiceContext context, TileEngine engine) {
        this.context = context;
        this.engine = engine;
    }

    @Override
    public String pathPrefix() { return PREFIX; }

    @Override
    public OwsResponse handle(OwsRequest request) { return route(request); }

    /** Plain text; a tile outside the matrix is a resource that does not exist (404), as web map clients expect. */
    @Override
    public OwsResponse exception(ServiceException e, OwsRequest request) {
        int status = e.code().equals("TileOutOfRange") ? 404 : e.httpStatus();
        return OwsResponse.text(status, "text/plain; charset=UTF-8", e.getMessage() + "\n");
    }

    private OwsResponse route(OwsRequest request) {
        String rest = request.path().substring(PREFIX.length());
        if (rest.startsWith("/")) rest = rest.substring(1);
        String[] parts = rest.split("/");
        try {
            for (int i = 0; i < parts.length; i++) parts[i] = org.ecoplan.ows.PathSegment.decode(parts[i]);
        } catch (IllegalArgumentException e) {
            throw notFound(request);
        }
        if (parts.length < 3) throw notFound(request);
        TileLayer layer = engine.layer(context.view(request), parts[0]).orElseThrow(
                () -> new ServiceException("NotFound", "layer", "No tiled layer named '" + parts[0] + "'", 404));
        TileMatrixSet set = TileMatrixSets.find(parts[1]).orElseThrow(() -> new ServiceException("NotFound",
                "tileMatrixSet", "No tile matrix set named '" + parts[1] + "'", 404));
        String style = request.params().value("STYLE");
        if (parts.length == 3 && parts[2].equals("tilejson.json")) {
            String format = request.params().value("FORMAT");
            ImageFormat f = format == null
                    ? ImageFormat.PNG
                    : ImageFormat.tileByExtension(format).orElse(ImageFormat.PNG);
            byte[] json = tileJson(layer, layer.resolveStyle(style), set, f, request.endpointUrl(""));
            return OwsResponse.bytes(200, "application/json", json)
                    .withHeader("Cache-Control", "public, max-age=" + Math.min(60, engine.maxAgeSeconds()));
        }
        if (parts.length != 5) throw notFound(request);
        String last = parts[4];
        int dot = last.lastIndexOf('.');
        if (dot < 0) throw notFound(request);
        ImageFormat format = ImageFormat.tileByExtension(last.substring(dot + 1)).orElseThrow(() -> notFound(request));
        TileMatrix m = set.matrix(parts[2]).orElseThrow(() -> new ServiceException("NotFound", "z",
                "Tile matrix set " + set.identifier() + " has no zoom level '" + parts[2] + "'", 404));
        long x = TileRequest.integer(parts[3], "x");
        long y = TileRequest.integer(last.substring(0, dot), "y");
        if ("tms".equalsIgnoreCase(request.params().value("SCHEME"))) y = m.matrixHeight() - 1 - y;
        TileRequest r = new TileRequest(layer, layer.resolveStyle(style), set, m, x, y, format);
        return TileHttp.response(request, engine.tile(r, !"HEAD".equals(request.method())).tile(), format,
                engine.maxAgeSeconds());
    }

    /** TileJSON of a layer's raster tiles: zoom numbers are the matrix identifiers in which it has tiles. */
    private byte[] tileJson(TileLayer layer, String style, TileMatrixSet set, ImageFormat format, String baseUrl) {
        List<Integer> zooms = engine.limits(layer, set).keySet().stream().map(Integer::parseInt).toList();
        int min = zooms.isEmpty() ? set.firstZoom() : zooms.get(0);
        int max = zooms.isEmpty() ? min : zooms.get(zooms.size() - 1);
        String styleQuery = style.equals(layer.styles().get(0)) ? "" : "?style=" + WmtsCapabilitiesWriter.enc(style);
        String tiles = baseUrl + PREFIX + "/" + WmtsCapabilitiesWriter.enc(layer.name()) + "/" + set.identifier()
                + "/{z}/{x}/{y}." + format.extension() + styleQuery;
        return TileJson.write(new TileJson.Document(layer.title().both(),
                layer.abstractText() == null ? "" : layer.abstractText().both(), layer.attribution(), tiles, set, min,
                max,
                LayerLimits.wgs84(context, layer), List.of()));
    }

    private static ServiceException notFound(OwsRequest request) {
        return new ServiceException("NotFound", null, "No tile resource at " + request.path()
                + "; use /tiles/{layer}/{tileMatrixSet}/{z}/{x}/{y}.png or /tiles/{layer}/{tileMatrixSet}/tilejson.json",
                404);
    }
}
