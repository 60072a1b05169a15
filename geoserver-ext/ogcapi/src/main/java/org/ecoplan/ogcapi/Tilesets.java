package org.ecoplan.ogcapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.GeometryType;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.map.MapCore;
import org.ecoplan.map.tiles.TileEngine;
import org.ecoplan.map.tiles.TileLayer;
import org.ecoplan.map.tiles.TileMatrixSet;
import org.ecoplan.map.tiles.TileMatrixSets;
import org.ecoplan.map.tiles.TileRange;
import org.ecoplan.ows.InternalDispatch;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;

/**
 * OGC API – Tiles (OGC 20-057) for a collection: the vector tilesets ({@code /tiles}, Mapbox
 * Vector Tiles) and, for a styled layer, the map tilesets ({@code /map/tiles}, PNG), each in every
 * tile matrix set, with tileset metadata (clause 11: data type, CRS, tiling scheme, the limits
 * where the layer has tiles, the templated tile link) and the tiles themselves (clause 7.1), which
 * are the vector-tile and XYZ endpoints' own tiles, answered through {@link InternalDispatch} so
 * the same cache, ETags and limits apply.
 */
final class Tilesets {
    static final String MVT = "application/vnd.mapbox-vector-tile";
    static final String REL_TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    static final String REL_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
    static final String REL_MAP = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-map";

    /** The two kinds of tileset. */
    enum Kind {
        VECTOR("vector", "/tiles", MVT),
        MAP("map", "/map/tiles", "image/png");

        final String dataType;
        final String path;
        final String mediaType;

        Kind(String dataType, String path, String mediaType) {
            this.dataType = dataType;
            this.path = path;
            this.mediaType = mediaType;
        }
    }

    private final ServiceContext context;

    Tilesets(ServiceContext context) {
        this.context = context;
    }

    private TileEngine engine() {
        return MapCore.of(context).tiles();
    }

    /** Whether the collection has tilesets of this kind: vector for geometry, map for a styled layer too. */
    static boolean offers(LayerConfig layer, Kind kind) {
        return layer.featureType().hasGeometry() && (kind == Kind.VECTOR || !layer.styleIds().isEmpty());
    }

    private TileLayer tileLayer(CatalogView view, LayerConfig layer, Kind kind) {
        if (!offers(layer, kind)) {
            throw Problem.notFound("Collection '" + view.name(layer) + "' has no " + kind.dataType + " tiles");
        }
        return engine().layer(view, view.name(layer)).orElseThrow(
                () -> Problem.notFound("Collection '" + view.name(layer) + "' has no tiles"));
    }

    static TileMatrixSet set(String id) {
        return TileMatrixSets.find(id).filter(s -> s.identifier().equals(id)).orElseThrow(() -> Problem.notFound(
                "No tile matrix set '" + Problem.abbreviate(id) + "'; known: "
                        + TileMatrixSets.all().stream().map(TileMatrixSet::identifier).toList()));
    }

    /** The tilesets list of a collection (clause 9, tilesets-list). */
    Map<String, Object> list(CatalogView view, LayerConfig layer, Kind kind, String collectionUrl, String api) {
        tileLayer(view, layer, kind);
        List<Map<String, Object>> sets = new ArrayList<>();
        for (TileMatrixSet set : TileMatrixSets.all()) {
            Map<String, Object> t = header(layer, kind, set);
            t.put("links", List.of(
                    CollectionDocument.link(collectionUrl + kind.path + "/" + set.identifier() + "?f=json", "self",
                            "application/json", set.identifier()),
                    CollectionDocument.link(api + "/tileMatrixSets/" + set.identifier() + "?f=json", REL_TILING_SCHEME,
                            "application/json", set.title())));
            sets.add(t);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("links", List.of(CollectionDocument.link(collectionUrl + kind.path + "?f=json", "self",
                "application/json", "this document")));
        doc.put("tilesets", sets);
        return doc;
    }

    /** The metadata of one tileset (clause 11, tileset). */
    Map<String, Object> tileset(CatalogView view, LayerConfig layer, Kind kind, TileMatrixSet set, String collectionUrl,
            String api, String publicBase) {
        TileLayer tiles = tileLayer(view, layer, kind);
        Map<String, Object> doc = header(layer, kind, set);
        List<Map<String, Object>> limits = new ArrayList<>();
        for (Map.Entry<String, TileRange> e : engine().limits(tiles, set).entrySet()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("tileMatrix", e.getKey());
            l.put("minTileRow", e.getValue().minRow());
            l.put("maxTileRow", e.getValue().maxRow());
            l.put("minTileCol", e.getValue().minCol());
            l.put("maxTileCol", e.getValue().maxCol());
            limits.add(l);
        }
        doc.put("tileMatrixSetLimits", limits);
        if (kind == Kind.VECTOR) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("id", layer.id());
            l.put("title", layer.title().both());
            l.put("dataType", "vector");
            l.put("geometryDimension", dimension(layer.featureType().geometry().type()));
            doc.put("layers", List.of(l));
        }
        String self = collectionUrl + kind.path + "/" + set.identifier();
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(CollectionDocument.link(self + "?f=json", "self", "application/json", "this document"));
        links.add(CollectionDocument.link(api + "/tileMatrixSets/" + set.identifier() + "?f=json", REL_TILING_SCHEME,
                "application/json", set.title()));
        Map<String, Object> item = CollectionDocument.link(self + "/{tileMatrix}/{tileRow}/{tileCol}", "item",
                kind.mediaType, "tiles / 瓦片");
        item.put("templated", true);
        links.add(item);
        String name = view.name(layer);
        links.add(CollectionDocument.link(publicBase + (kind == Kind.VECTOR ? "/vtiles/" : "/tiles/") + name + "/"
                + set.identifier() + "/tilejson.json", "alternate", "application/json", "TileJSON"));
        doc.put("links", links);
        return doc;
    }

    private static Map<String, Object> header(LayerConfig layer, Kind kind, TileMatrixSet set) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("title", layer.title().both() + " — " + set.identifier());
        t.put("dataType", kind.dataType);
        t.put("crs", set.crs().uri());
        if (TileMatrixSetDocument.uri(set) != null) t.put("tileMatrixSetURI", TileMatrixSetDocument.uri(set));
        return t;
    }

    private static int dimension(GeometryType type) {
        String t = type.sfName().toLowerCase(java.util.Locale.ROOT);
        if (t.contains("point")) return 0;
        if (t.contains("line")) return 1;
        return 2;
    }

    /**
     * One tile (clause 7.1: {@code {tileMatrix}/{tileRow}/{tileCol}}), answered by the vector-tile or
     * XYZ endpoint of the same workspace, whose paths put the column before the row.
     */
    OwsResponse tile(OwsRequest r, CatalogView view, LayerConfig layer, Kind kind, TileMatrixSet set, String matrix,
            String row, String col) {
        tileLayer(view, layer, kind);
        for (String[] p : new String[][]{{"tileMatrix", matrix}, {"tileRow", row}, {"tileCol", col}}) {
            if (!p[1].matches("\\d{1,9}"))
                throw Problem.badRequest(p[0], p[0] + " must be a whole number, not '"
                        + Problem.abbreviate(p[1]) + "'");
        }
        var m = set.matrix(matrix).orElseThrow(() -> Problem.notFound("No tile matrix '" + matrix + "' in "
                + set.identifier()));
        if (!m.contains(Long.parseLong(col), Long.parseLong(row))) {
            throw Problem.notFound("Tile " + matrix + "/" + row + "/" + col + " is outside " + set.identifier());
        }
        String path = kind == Kind.VECTOR
                ? "/vtiles/" + view.name(layer) + "/" + set.identifier() + "/" + matrix + "/" + col + "/" + row + ".mvt"
                : "/tiles/" + view.name(layer) + "/" + set.identifier() + "/" + matrix + "/" + col + "/" + row + ".png";
        OwsRequest inner = new OwsRequest(r.method(), path, KvpMap.empty(), null, null, r.baseUrl(), r.headers(),
                r.workspace(), r.caller());
        try {
            return context.component(InternalDispatch.class).dispatch(inner);
        } catch (ServiceException e) {
            if (e.code().equals("TileOutOfRange")) throw Problem.notFound(e.getMessage());
            throw e;
        }
    }
}
