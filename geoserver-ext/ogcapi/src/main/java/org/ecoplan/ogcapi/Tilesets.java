package org.ecoplan.ogcapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.GeometryType;
import org.ecoplan.catalog.Localized;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
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
 * OGC API – Tiles (OGC 20-057) for a collection (requirements class geodata-tilesets) and for the
 * whole dataset (class dataset-tilesets, at the API root): the vector tilesets ({@code /tiles}, Mapbox
 * Vector Tiles) and, for styled layers, the map tilesets ({@code /map/tiles}, PNG), each in every
 * tile matrix set, with tileset metadata (clause 11: data type, CRS, tiling scheme, the limits
 * where there are tiles, the templated tile link) and the tiles themselves (clause 7.1), which
 * are the vector-tile and XYZ endpoints' own tiles, answered through {@link InternalDispatch} so
 * the same cache, ETags and limits apply.
 *
 * <p>A dataset tileset draws what its {@code collections} parameter names (class
 * collections-selection: identifiers or URLs of collections, drawn first to last, bottom to top), or
 * every collection with tiles when it names none. A layer group (a figure of the plan) is named there
 * like a collection, and the dataset's tilesets list offers each group's tilesets beside the whole
 * dataset's: groups are not collections of this API, whose collections are feature collections that
 * every client reads items from.
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
            Map<String, Object> t = header(layer.title(), kind, set);
            t.put("links", List.of(
                    CollectionDocument.link(collectionUrl + kind.path + "/" + set.identifier() + "?f=json", "self",
                            "application/json", set.identifier()),
                    CollectionDocument.link(api + "/tileMatrixSets/" + set.identifier() + "?f=json", REL_TILING_SCHEME,
                            "application/json", set.title())));
            sets.add(t);
        }
        return tilesetsList(collectionUrl + kind.path, sets);
    }

    /** A tilesets list (clause 9) at {@code url}: its entries and its links, JSON and HTML. */
    private static Map<String, Object> tilesetsList(String url, List<Map<String, Object>> sets) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("links", List.of(CollectionDocument.link(url + "?f=json", "self", "application/json", "this document"),
                CollectionDocument.link(url + "?f=html", "alternate", "text/html", "this document as HTML")));
        doc.put("tilesets", sets);
        return doc;
    }

    /** The metadata of one tileset (clause 11, tileset). */
    Map<String, Object> tileset(CatalogView view, LayerConfig layer, Kind kind, TileMatrixSet set, String collectionUrl,
            String api, String publicBase) {
        TileLayer tiles = tileLayer(view, layer, kind);
        return describe(tiles, layer.title(), kind == Kind.VECTOR ? List.of(layer) : List.of(), kind, set,
                collectionUrl + kind.path + "/" + set.identifier(), "", api,
                tileJson(publicBase, kind, view.name(layer), set));
    }

    private static String tileJson(String publicBase, Kind kind, String names, TileMatrixSet set) {
        return publicBase + (kind == Kind.VECTOR ? "/vtiles/" : "/tiles/") + Items.enc(names) + "/" + set.identifier()
                + "/tilejson.json";
    }

    /**
     * A tileset's metadata: header, the limits where {@code tiles} has tiles, the vector layers, and
     * links to itself, its tiling scheme, its tiles (templated) and its TileJSON.
     *
     * @param self  the tileset's URL without query; {@code query} is appended to it and to its tiles
     * @param query "" or "&amp;collections=…" (the selection, repeated in every link)
     */
    private Map<String, Object> describe(TileLayer tiles, Localized title, List<LayerConfig> vectorLayers, Kind kind,
            TileMatrixSet set, String self, String query, String api, String tileJson) {
        Map<String, Object> doc = header(title, kind, set);
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
            List<Map<String, Object>> layers = new ArrayList<>();
            for (LayerConfig layer : vectorLayers) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("id", layer.id());
                l.put("title", layer.title().both());
                l.put("dataType", "vector");
                l.put("geometryDimension", dimension(layer.featureType().geometry().type()));
                layers.add(l);
            }
            doc.put("layers", layers);
        }
        String q = query.isEmpty() ? "" : "?" + query.substring(1);
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(CollectionDocument.link(self + "?f=json" + query, "self", "application/json", "this document"));
        links.add(CollectionDocument.link(self + "?f=html" + query, "alternate", "text/html", "this document as HTML"));
        links.add(CollectionDocument.link(api + "/tileMatrixSets/" + set.identifier() + "?f=json", REL_TILING_SCHEME,
                "application/json", set.title()));
        Map<String, Object> item = CollectionDocument.link(self + "/{tileMatrix}/{tileRow}/{tileCol}" + q, "item",
                kind.mediaType, "tiles / 瓦片");
        item.put("templated", true);
        links.add(item);
        links.add(CollectionDocument.link(tileJson, "alternate", "application/json", "TileJSON"));
        doc.put("links", links);
        return doc;
    }

    private static Map<String, Object> header(Localized title, Kind kind, TileMatrixSet set) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("title", title.both() + " — " + set.identifier());
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
        return tile(r, view.name(layer), kind, set, matrix, row, col);
    }

    private OwsResponse tile(OwsRequest r, String names, Kind kind, TileMatrixSet set, String matrix, String row,
            String col) {
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
                ? "/vtiles/" + Items.enc(names) + "/" + set.identifier() + "/" + matrix + "/" + col + "/" + row + ".mvt"
                : "/tiles/" + Items.enc(names) + "/" + set.identifier() + "/" + matrix + "/" + col + "/" + row + ".png";
        OwsRequest inner = new OwsRequest(r.method(), path, KvpMap.empty(), null, null, r.baseUrl(), r.headers(),
                r.workspace(), r.caller());
        try {
            return context.component(InternalDispatch.class).dispatch(inner);
        } catch (ServiceException e) {
            if (e.code().equals("TileOutOfRange")) throw Problem.notFound(e.getMessage());
            throw e;
        }
    }

    // ---- dataset tilesets (OGC 20-057 dataset-tilesets, collections-selection) ----

    /** The query parameter of the collections-selection class. */
    static final String COLLECTIONS = "collections";

    /**
     * What a dataset tileset draws.
     *
     * @param value the {@code collections} parameter as given, or null for the whole dataset
     * @param names the layers and groups, as the tile endpoints take them (comma-separated)
     * @param vectorLayers the collections whose features a vector tile carries
     */
    record Selection(String value, String names, Localized title, TileLayer tiles, List<LayerConfig> vectorLayers) {
        /** "" or "&collections=…": the selection, carried into every link. */
        String query() {
            return value == null ? "" : "&" + COLLECTIONS + "=" + Items.enc(value);
        }
    }

    /**
     * The selection a request makes with {@code collections}: each value the identifier (or URL) of a
     * collection with tiles of this kind, or of a layer group; none for the whole dataset.
     */
    Selection select(OwsRequest r, CatalogView view, Kind kind, Localized datasetTitle) {
        String value = r.params().value(COLLECTIONS.toUpperCase(java.util.Locale.ROOT));
        List<String> names = new ArrayList<>();
        if (value == null) {
            for (LayerConfig l : view.layers()) {
                if (offers(l, kind) && engine().layer(view, view.name(l)).isPresent()) names.add(view.name(l));
            }
            if (names.isEmpty()) throw Problem.notFound("This API has no " + kind.dataType + " tiles");
        } else {
            for (String item : value.split(",", -1)) {
                String id = identifier(item.trim());
                if (id.isEmpty()) throw Problem.badRequest(COLLECTIONS, "collections has an empty item");
                if (names.contains(id))
                    throw Problem.badRequest(COLLECTIONS, "collections names '" + Problem.abbreviate(id) + "' twice");
                var layer = view.layer(id);
                if (layer.isPresent()) {
                    if (!offers(layer.get(), kind) || engine().layer(view, id).isEmpty()) {
                        throw Problem.badRequest(COLLECTIONS, "Collection '" + Problem.abbreviate(id) + "' has no "
                                + kind.dataType + " tiles");
                    }
                } else if (view.group(id).isEmpty() || engine().layer(view, id).isEmpty()) {
                    throw Problem.badRequest(COLLECTIONS, "No collection or layer group '" + Problem.abbreviate(id)
                            + "' with " + kind.dataType + " tiles");
                }
                names.add(id);
            }
        }
        String joined = String.join(",", names);
        TileLayer tiles = engine().layer(view, joined).orElseThrow(
                () -> Problem.badRequest(COLLECTIONS, "These collections cannot be drawn together"));
        Localized title = value == null ? datasetTitle : tiles.title();
        return new Selection(value, joined, title, tiles, tiles.members());
    }

    /** A collection's identifier from itself or from its URL ({@code …/collections/{id}}, clause 13 C). */
    private static String identifier(String item) {
        int at = item.lastIndexOf("/collections/");
        if (at < 0) return item;
        String id = item.substring(at + "/collections/".length());
        int end = id.indexOf('/');
        if (end >= 0) id = id.substring(0, end);
        int q = id.indexOf('?');
        if (q >= 0) id = id.substring(0, q);
        try {
            return org.ecoplan.ows.PathSegment.decode(id);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(COLLECTIONS, "Malformed percent-encoding in '" + Problem.abbreviate(item) + "'");
        }
    }

    /**
     * The dataset's tilesets list (clause 9): the whole dataset and each layer group with tiles, in
     * every tile matrix set.
     */
    Map<String, Object> datasetList(CatalogView view, Kind kind, Localized datasetTitle, String api) {
        List<Map<String, Object>> sets = new ArrayList<>();
        boolean any = false;
        for (LayerConfig l : view.layers()) any |= offers(l, kind) && engine().layer(view, view.name(l)).isPresent();
        for (TileMatrixSet set : TileMatrixSets.all()) {
            if (any) sets.add(datasetEntry(kind, set, datasetTitle, null, api));
            for (LayerGroupConfig g : view.groups()) {
                if (engine().layer(view, view.name(g)).isPresent())
                    sets.add(datasetEntry(kind, set, g.title(), view.name(g), api));
            }
        }
        return tilesetsList(api + kind.path, sets);
    }

    private static Map<String, Object> datasetEntry(Kind kind, TileMatrixSet set, Localized title, String group,
            String api) {
        Map<String, Object> t = header(title, kind, set);
        String query = group == null ? "" : "&" + COLLECTIONS + "=" + Items.enc(group);
        t.put("links", List.of(
                CollectionDocument.link(api + kind.path + "/" + set.identifier() + "?f=json" + query, "self",
                        "application/json", title.both()),
                CollectionDocument.link(api + "/tileMatrixSets/" + set.identifier() + "?f=json", REL_TILING_SCHEME,
                        "application/json", set.title())));
        return t;
    }

    /** The metadata of one dataset tileset (clause 11) for the selection the request makes. */
    Map<String, Object> datasetTileset(OwsRequest r, CatalogView view, Kind kind, TileMatrixSet set,
            Localized datasetTitle, String api, String publicBase) {
        Selection s = select(r, view, kind, datasetTitle);
        return describe(s.tiles(), s.title(), s.vectorLayers(), kind, set, api + kind.path + "/" + set.identifier(),
                s.query(), api, tileJson(publicBase, kind, s.names(), set));
    }

    /** One dataset tile for the selection the request makes. */
    OwsResponse datasetTile(OwsRequest r, CatalogView view, Kind kind, TileMatrixSet set, String matrix, String row,
            String col, Localized datasetTitle) {
        Selection s = select(r, view, kind, datasetTitle);
        return tile(r, s.names(), kind, set, matrix, row, col);
    }
}
