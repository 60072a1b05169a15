package org.ecoplan.ogcapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.Localized;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.ServiceMetadata;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.map.tiles.TileMatrixSet;
import org.ecoplan.map.tiles.TileMatrixSets;
import org.ecoplan.ows.HttpEndpoint;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.ows.encode.FeatureStream;
import org.ecoplan.ows.encode.GeoJsonEncoder;
import org.ecoplan.ows.encode.Link;
import org.locationtech.jts.geom.Envelope;

/**
 * OGC API – Features at {@code /ogcapi} (every workspace, collections named {@code ws:layer}) and
 * {@code /{workspace}/ogcapi} (one workspace): the landing page (OGC 17-069r4 clause 7.2),
 * {@code /conformance} (7.4), {@code /api} (7.3), {@code /collections} (7.13),
 * {@code /collections/{id}} (7.14), {@code /items} (7.15), {@code /items/{featureId}} (7.16) and
 * {@code /queryables}, each in JSON and HTML; errors as problem+json.
 */
public final class OgcApiEndpoint implements HttpEndpoint {
    public static final String PREFIX = "/ogcapi";
    /** The most rows an HTML items page shows: a page to read, not a download. */
    static final int HTML_MAX_ROWS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceContext context;
    private final Tilesets tilesets;
    private final ProcessesApi processes;

    public OgcApiEndpoint(ServiceContext context) {
        this.context = context;
        this.tilesets = new Tilesets(context);
        this.processes = new ProcessesApi(context);
    }

    @Override
    public String pathPrefix() { return PREFIX; }

    /** A job is the one resource a client removes (DELETE, OGC 18-062r2 clause 13, dismiss). */
    @Override
    public List<String> methods(String path) {
        return path.matches("/ogcapi/jobs/[^/]+/?") ? List.of("GET", "HEAD", "POST", "DELETE") : READ_AND_POST;
    }

    @Override
    public OwsResponse exception(ServiceException e, OwsRequest request) {
        return Problem.of(e);
    }

    @Override
    public OwsResponse handle(OwsRequest request) {
        OwsResponse r = route(request);
        // one URL answers JSON or HTML by the Accept header: caches must key on it; and a web page on
        // another origin may read the CRS of the coordinates (OGC 18-058r1 clause 6.2)
        r = r.withHeader("Vary", "Accept");
        return r.headers().containsKey("Content-Crs")
                ? r.withHeader("Access-Control-Expose-Headers", "Content-Crs")
                : r;
    }

    private OwsResponse route(OwsRequest request) {
        List<String> path = segments(request.path().substring(PREFIX.length()));
        CatalogView view = context.view(request);
        if (!path.isEmpty() && (path.get(0).equals("processes") || path.get(0).equals("jobs"))) {
            return processes.handle(request, view, path, api(request));
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            throw new ServiceException("MethodNotAllowed", null, "Only GET and HEAD are supported here", 405);
        }
        ApiFormat format = ApiFormat.of(request);
        if (path.isEmpty()) return landing(request, view, format);
        if (path.size() == 1 && path.get(0).equals("conformance")) return conformance(request, format);
        if (path.size() == 1 && path.get(0).equals("api")) return api(request, view, format);
        if (path.get(0).equals("tileMatrixSets")) return tileMatrixSets(request, path);
        if (path.get(0).equals("tiles"))
            return datasetTiles(request, view, Tilesets.Kind.VECTOR, path.subList(1, path.size()));
        if (path.get(0).equals("map") && path.size() >= 2 && path.get(1).equals("tiles"))
            return datasetTiles(request, view, Tilesets.Kind.MAP, path.subList(2, path.size()));
        if (path.get(0).equals("collections")) {
            if (path.size() == 1) return collections(request, view, format);
            LayerConfig layer = view.layer(path.get(1)).orElseThrow(
                    () -> Problem.notFound("No collection '" + Problem.abbreviate(path.get(1)) + "'"));
            if (path.size() == 2) return collection(request, view, layer, format);
            if (path.get(2).equals("tiles"))
                return tiles(request, view, layer, Tilesets.Kind.VECTOR, path.subList(3, path.size()));
            if (path.get(2).equals("map") && path.size() >= 4 && path.get(3).equals("tiles")) {
                return tiles(request, view, layer, Tilesets.Kind.MAP, path.subList(4, path.size()));
            }
            if (path.size() == 3 && path.get(2).equals("items")) return items(request, view, layer, format);
            if (path.size() == 3 && path.get(2).equals("queryables")) return queryables(request, view, layer, format);
            if (path.size() == 4 && path.get(2).equals("items")) return item(request, view, layer, path.get(3), format);
        }
        throw Problem.notFound("No resource at " + request.path());
    }

    private static List<String> segments(String rest) {
        List<String> out = new ArrayList<>();
        for (String s : rest.split("/")) {
            if (s.isEmpty()) continue;
            try {
                out.add(org.ecoplan.ows.PathSegment.decode(s));
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest(null, "Malformed percent-encoding in the path");
            }
        }
        return out;
    }

    /** Only the parameters a resource knows are accepted (OGC 17-069r4 /req/core/query-param-unknown). */
    private static void onlyF(OwsRequest request) {
        Problem.onlyParameters(request, "F");
    }

    private String api(OwsRequest r) {
        return r.endpointUrl(PREFIX);
    }

    private static String title(CatalogView view) {
        ServiceMetadata s = view.services().service("ogcapi");
        return (s.title() == null ? "" : s.title().both() + " — ") + "OGC API – Features";
    }

    private static String description(CatalogView view) {
        ServiceMetadata s = view.services().service("ogcapi");
        return s.abstractText() == null ? "" : s.abstractText().both();
    }

    private List<String[]> crumbs(OwsRequest r, String... more) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[]{"首页 Home", api(r) + "?f=html"});
        for (int i = 0; i + 1 < more.length; i += 2) out.add(new String[]{more[i], more[i + 1]});
        return out;
    }

    private OwsResponse landing(OwsRequest r, CatalogView view, ApiFormat format) {
        onlyF(r);
        String api = api(r);
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(CollectionDocument.link(api + "?f=json", "self", "application/json", "this document"));
        links.add(CollectionDocument.link(api + "?f=html", "alternate", "text/html", "this document as HTML"));
        links.add(CollectionDocument.link(api + "/api?f=json", "service-desc", OpenApiDocument.MEDIA_TYPE,
                "API definition (OpenAPI 3.0) / 接口定义"));
        links.add(CollectionDocument.link(api + "/api?f=html", "service-doc", "text/html",
                "API documentation / 接口说明"));
        links.add(CollectionDocument.link(api + "/conformance?f=json", "conformance", "application/json",
                "conformance classes / 符合性类"));
        links.add(CollectionDocument.link(api + "/collections?f=json", "data", "application/json",
                "collections / 要素集合"));
        links.add(CollectionDocument.link(api + "/processes?f=json", "http://www.opengis.net/def/rel/ogc/1.0/processes",
                "application/json", "processes (the plan check for a site) / 处理过程（地块规划核查）"));
        links.add(CollectionDocument.link(api + "/jobs?f=json", "http://www.opengis.net/def/rel/ogc/1.0/job-list",
                "application/json", "jobs / 作业"));
        links.add(CollectionDocument.link(api + "/tileMatrixSets?f=json",
                "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes",
                "application/json", "tile matrix sets / 瓦片矩阵集"));
        links.add(CollectionDocument.link(api + "/tiles?f=json", Tilesets.REL_VECTOR, "application/json",
                "vector tiles of the dataset and of each layer group / 全部数据及各图层组的矢量瓦片"));
        links.add(CollectionDocument.link(api + "/map/tiles?f=json", Tilesets.REL_MAP, "application/json",
                "map tiles of the dataset and of each layer group / 全部数据及各图层组的地图瓦片"));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("title", title(view));
        doc.put("description", description(view));
        doc.put("links", links);
        if (format == ApiFormat.JSON) return json("application/json", doc);
        return html(out -> new HtmlPage(out).start(title(view), crumbs(r)).paragraph(description(view))
                .heading("链接 Links").links(asHtmlPage(links)).end());
    }

    private OwsResponse conformance(OwsRequest r, ApiFormat format) {
        onlyF(r);
        Map<String, Object> doc = Map.of("conformsTo", Conformance.ALL);
        if (format == ApiFormat.JSON) return json("application/json", doc);
        return html(out -> {
            HtmlPage p = new HtmlPage(out).start("符合性类 Conformance", crumbs(r)).tableStart("class");
            for (String c : Conformance.ALL) p.row((Object) new String[]{c, c});
            p.tableEnd().end();
        });
    }

    private OwsResponse api(OwsRequest r, CatalogView view, ApiFormat format) {
        onlyF(r);
        Map<String, Object> doc = OpenApiDocument.of(view, api(r), title(view), description(view), maxLimit());
        if (format == ApiFormat.JSON) return json(OpenApiDocument.MEDIA_TYPE, doc);
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        return html(out -> {
            HtmlPage p = new HtmlPage(out).start("接口定义 API definition", crumbs(r))
                    .link(api(r) + "/api?f=json", "OpenAPI 3.0 (JSON)").tableStart("path", "summary");
            for (Map.Entry<String, Object> e : paths.entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) e.getValue()).get("get");
                p.row(e.getKey(), get == null ? "" : get.get("summary"));
            }
            p.tableEnd().end();
        });
    }

    private int maxLimit() {
        return context.settings().maxFeatures();
    }

    private OwsResponse collections(OwsRequest r, CatalogView view, ApiFormat format) {
        onlyF(r);
        String api = api(r);
        List<Map<String, Object>> cols = new ArrayList<>();
        for (LayerConfig l : view.layers()) cols.add(CollectionDocument.of(context, view, l, r));
        List<Map<String, Object>> links = List.of(
                CollectionDocument.link(api + "/collections?f=json", "self", "application/json", "this document"),
                CollectionDocument.link(api + "/collections?f=html", "alternate", "text/html",
                        "this document as HTML"));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("links", links);
        doc.put("collections", cols);
        if (format == ApiFormat.JSON) return json("application/json", doc);
        return html(out -> {
            HtmlPage p = new HtmlPage(out).start("要素集合 Collections", crumbs(r)).tableStart("集合 Collection",
                    "说明 Description");
            for (Map<String, Object> c : cols) {
                p.row(new String[]{String.valueOf(c.get("title")),
                        api + "/collections/" + Items.enc(String.valueOf(c.get("id"))) + "?f=html"},
                        c.get("description"));
            }
            p.tableEnd().end();
        });
    }

    private OwsResponse collection(OwsRequest r, CatalogView view, LayerConfig layer, ApiFormat format) {
        onlyF(r);
        Map<String, Object> doc = CollectionDocument.of(context, view, layer, r);
        if (format == ApiFormat.JSON) return json("application/json", doc);
        Envelope box = CollectionDocument.extent(context, layer);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> links = (List<Map<String, Object>>) doc.get("links");
        return html(out -> {
            HtmlPage p = new HtmlPage(out).start(layer.title().both(),
                    crumbs(r, "要素集合 Collections", api(r) + "/collections?f=html"));
            p.paragraph(String.valueOf(doc.get("description")))
                    .map(mapUrl(r, view, layer, box), "地图 map: " + layer.title().both());
            p.tableStart("项 Item", "值 Value").row("id", doc.get("id"))
                    .row("范围 Extent (CRS84)", box == null
                            ? "—"
                            : box.getMinX() + ", " + box.getMinY() + ", "
                                    + box.getMaxX() + ", " + box.getMaxY())
                    .row("坐标系 CRS", String.join(" ", CollectionCrs.of(view, layer).uris()))
                    .row("存储坐标系 Storage CRS", doc.getOrDefault("storageCrs", "—")).tableEnd();
            p.heading("链接 Links").links(asHtmlPage(links)).end();
        });
    }

    private OwsResponse queryables(OwsRequest r, CatalogView view, LayerConfig layer, ApiFormat format) {
        onlyF(r);
        String self = api(r) + "/collections/" + Items.enc(view.name(layer)) + "/queryables";
        Map<String, Object> doc = QueryablesDocument.of(layer, view.name(layer), self);
        if (format == ApiFormat.JSON) return json("application/schema+json", doc);
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) doc.get("properties");
        return html(out -> {
            HtmlPage p = new HtmlPage(out).start("可查询属性 Queryables: " + layer.title().both(),
                    crumbs(r, layer.title().both(), api(r) + "/collections/" + Items.enc(view.name(layer)) + "?f=html"))
                    .tableStart("属性 Property", "类型 Type");
            for (Map.Entry<String, Object> e : props.entrySet()) p.row(e.getKey(), e.getValue());
            p.tableEnd().end();
        });
    }

    private OwsResponse items(OwsRequest r, CatalogView view, LayerConfig layer, ApiFormat format) {
        CollectionCrs crsList = CollectionCrs.of(view, layer);
        ItemsQuery q = ItemsQuery.parse(r.params(), layer.featureType(), crsList,
                format == ApiFormat.HTML ? Math.min(HTML_MAX_ROWS, maxLimit()) : maxLimit(),
                context.catalog().workspaceOf(layer.workspace()).planPeriod());
        FeatureSource fs = context.featureSource(layer);
        long deadline = Items.deadline(context.settings());
        Items.Page page = Items.page(fs, q, context.settings(), deadline);
        long matched = page.matched();
        long returned = page.returned();
        boolean more = page.more();
        String itemsUrl = api(r) + "/collections/" + Items.enc(view.name(layer)) + "/items";
        List<Link> links = Items.pageLinks(itemsUrl, q, matched, returned, more);
        String contentCrs = "<" + q.crs().uri() + ">";
        if (r.method().equals("HEAD")) {
            return OwsResponse.ok(format == ApiFormat.JSON ? GeoJsonEncoder.MEDIA_TYPE : "text/html; charset=UTF-8",
                    out -> {}).withHeader("Content-Crs", contentCrs);
        }
        if (format == ApiFormat.JSON) {
            return OwsResponse.ok(GeoJsonEncoder.MEDIA_TYPE, out -> {
                try (FeatureCursor c = returned == 0
                        ? null
                        : fs.features(Items.featureQuery(layer, q, returned, deadline))) {
                    Iterator<Feature> it = c == null
                            ? java.util.Collections.emptyIterator()
                            : Items.inAxisOrder(c, q.crs());
                    new GeoJsonEncoder().writeItems(out, Items.metadata(matched, returned, q.crs()),
                            List.of(FeatureStream.all(layer.featureType(), it)), links);
                }
            }).withHeader("Content-Crs", contentCrs);
        }
        return html(out -> {
            HtmlPage p = new HtmlPage(out).start("要素 Features: " + layer.title().both(),
                    crumbs(r, layer.title().both(),
                            api(r) + "/collections/" + Items.enc(view.name(layer)) + "?f=html"));
            p.paragraph((matched >= 0 ? "共 " + matched + " 个要素 / " + matched + " features matched; " : "")
                    + "本页 " + returned + " 个 / " + returned + " on this page.");
            p.map(mapUrl(r, view, layer, CollectionDocument.extent(context, layer)), "地图 map");
            List<String> names = layer.featureType().attributes().stream().map(a -> a.name()).toList();
            List<String> headers = new ArrayList<>(List.of("id"));
            headers.addAll(names);
            p.tableStart(headers.toArray(String[]::new));
            if (returned > 0) {
                try (FeatureCursor c = fs.features(Items.featureQuery(layer, q, returned, deadline)
                        .withProperties(null, false))) {
                    while (c.hasNext()) {
                        Feature f = c.next();
                        Object[] cells = new Object[names.size() + 1];
                        cells[0] = new String[]{f.id(), itemsUrl + "/" + Items.enc(f.id()) + "?f=html"};
                        for (int i = 0; i < names.size(); i++) cells[i + 1] = f.get(names.get(i));
                        p.row(cells);
                    }
                }
            }
            p.tableEnd();
            List<Map<String, Object>> pageLinks = new ArrayList<>();
            for (Link l : links) {
                String href = l.href().endsWith("f=json")
                        ? l.href().substring(0, l.href().length() - 4) + "html"
                        : l.href();
                if (!l.rel().equals("alternate"))
                    pageLinks.add(CollectionDocument.link(href, l.rel(), "text/html", l.title()));
            }
            pageLinks.add(CollectionDocument.link(Items.pageUrl(itemsUrl, q.echo(), q.offset(), "json"), "alternate",
                    GeoJsonEncoder.MEDIA_TYPE, "GeoJSON"));
            p.links(pageLinks).end();
        }).withHeader("Content-Crs", contentCrs);
    }

    private OwsResponse item(OwsRequest r, CatalogView view, LayerConfig layer, String id, ApiFormat format) {
        CollectionCrs crsList = CollectionCrs.of(view, layer);
        Problem.onlyParameters(r, "F", "CRS");
        Crs crs = r.params().value("crs") == null
                ? crsList.offered().get(0)
                : crsList.require("crs", r.params().value("crs"));
        // the HTML page shows no coordinates, only a map around the feature: read it once, in CRS84
        Feature f = Items.one(context.featureSource(layer), layer, id,
                format == ApiFormat.HTML ? CrsRegistry.CRS84_CRS : crs, Items.deadline(context.settings()));
        String collection = api(r) + "/collections/" + Items.enc(view.name(layer));
        String self = collection + "/items/" + Items.enc(id);
        List<Link> links = List.of(new Link(self + "?f=json", "self", GeoJsonEncoder.MEDIA_TYPE, "this document"),
                new Link(self + "?f=html", "alternate", "text/html", "this document as HTML"),
                new Link(collection + "?f=json", "collection", "application/json", "the collection / 所属集合"));
        String contentCrs = "<" + crs.uri() + ">";
        if (format == ApiFormat.JSON) {
            return OwsResponse.bytes(200, GeoJsonEncoder.MEDIA_TYPE, Items.itemJson(f, layer, crs, links))
                    .withHeader("Content-Crs", contentCrs);
        }
        Envelope around = f.geometry() == null || f.geometry().isEmpty() ? null : f.geometry().getEnvelopeInternal();
        return html(out -> {
            HtmlPage p = new HtmlPage(out).start(layer.title().both() + " · " + id,
                    crumbs(r, layer.title().both(), collection + "?f=html", "要素 Features",
                            collection + "/items?f=html"));
            p.map(mapUrl(r, view, layer, around), "地图 map");
            p.tableStart("属性 Property", "值 Value");
            for (var a : layer.featureType().attributes()) p.row(a.name(), f.get(a.name()));
            p.tableEnd();
            List<Map<String, Object>> l = new ArrayList<>();
            for (Link k : links) l.add(CollectionDocument.link(k.href(), k.rel(), k.type(), k.title()));
            p.links(l).end();
        }).withHeader("Content-Crs", contentCrs);
    }

    /** {@code /tileMatrixSets} and {@code /tileMatrixSets/{id}} (OGC 20-057 clause 7.2, OGC 17-083r4 JSON). */
    private OwsResponse tileMatrixSets(OwsRequest r, List<String> path) {
        onlyF(r);
        if (path.size() == 1) {
            List<Map<String, Object>> sets = new ArrayList<>();
            for (TileMatrixSet s : TileMatrixSets.all()) sets.add(TileMatrixSetDocument.summary(s, api(r)));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("links", List.of(CollectionDocument.link(api(r) + "/tileMatrixSets?f=json", "self",
                    "application/json", "this document"),
                    CollectionDocument.link(api(r) + "/tileMatrixSets?f=html",
                            "alternate", "text/html", "this document as HTML")));
            doc.put("tileMatrixSets", sets);
            return tilesDocument(r, "瓦片矩阵集 Tile matrix sets", doc);
        }
        if (path.size() == 2) {
            TileMatrixSet set = Tilesets.set(path.get(1));
            return tilesDocument(r, set.title(), TileMatrixSetDocument.of(set), "瓦片矩阵集 Tile matrix sets",
                    api(r) + "/tileMatrixSets?f=html");
        }
        throw Problem.notFound("No resource at " + r.path());
    }

    /** A tiles metadata document in the encoding asked for: JSON, or its HTML page ({@link TilesPage}). */
    private OwsResponse tilesDocument(OwsRequest r, String title, Map<String, Object> doc, String... crumbs) {
        if (ApiFormat.of(r) == ApiFormat.JSON) return json("application/json", doc);
        List<String[]> trail = crumbs(r, crumbs);
        return html(out -> TilesPage.write(out, title, trail, doc));
    }

    /**
     * The dataset's tilesets, one dataset tileset's metadata, or a dataset tile (OGC 20-057 classes
     * dataset-tilesets and collections-selection): what the {@code collections} parameter names.
     */
    private OwsResponse datasetTiles(OwsRequest r, CatalogView view, Tilesets.Kind kind, List<String> rest) {
        Localized title = datasetTitle(view);
        String heading = (kind == Tilesets.Kind.VECTOR ? "矢量瓦片集 Vector tilesets" : "地图瓦片集 Map tilesets");
        if (rest.isEmpty()) {
            onlyF(r);
            return tilesDocument(r, heading + ": " + title.both(), tilesets.datasetList(view, kind, title, api(r)));
        }
        Problem.onlyParameters(r, "F", "COLLECTIONS");
        if (rest.size() == 1) {
            Map<String, Object> doc = tilesets.datasetTileset(r, view, kind, Tilesets.set(rest.get(0)), title, api(r),
                    r.endpointUrl(""));
            return tilesDocument(r, String.valueOf(doc.get("title")), doc, heading,
                    api(r) + kind.path + "?f=html");
        }
        if (rest.size() == 4) {
            return tilesets.datasetTile(r, view, kind, Tilesets.set(rest.get(0)), rest.get(1), rest.get(2),
                    rest.get(3), title);
        }
        throw Problem.notFound("No resource at " + r.path());
    }

    /** The title of the whole dataset: the service's, else a plain name. */
    private static Localized datasetTitle(CatalogView view) {
        ServiceMetadata s = view.services().service("ogcapi");
        return s == null || s.title() == null ? new Localized("全部数据", "the whole dataset") : s.title();
    }

    /** A collection's tilesets, one tileset's metadata, or a tile (OGC 20-057 clauses 7.1, 9, 11). */
    private OwsResponse tiles(OwsRequest r, CatalogView view, LayerConfig layer, Tilesets.Kind kind,
            List<String> rest) {
        String collection = api(r) + "/collections/" + Items.enc(view.name(layer));
        if (rest.size() == 4) {
            onlyF(r);
            return tilesets.tile(r, view, layer, kind, Tilesets.set(rest.get(0)), rest.get(1), rest.get(2),
                    rest.get(3));
        }
        onlyF(r);
        String heading = (kind == Tilesets.Kind.VECTOR ? "矢量瓦片集 Vector tilesets: " : "地图瓦片集 Map tilesets: ")
                + layer.title().both();
        if (rest.isEmpty()) {
            return tilesDocument(r, heading, tilesets.list(view, layer, kind, collection, api(r)),
                    layer.title().both(), collection + "?f=html");
        }
        if (rest.size() == 1) {
            Map<String, Object> doc = tilesets.tileset(view, layer, kind, Tilesets.set(rest.get(0)), collection,
                    api(r), r.endpointUrl(""));
            return tilesDocument(r, String.valueOf(doc.get("title")), doc, layer.title().both(),
                    collection + "?f=html", heading, collection + kind.path + "?f=html");
        }
        throw Problem.notFound("No resource at " + r.path());
    }

    /**
     * A JSON document's links as its HTML page lists them: the page itself is "self" and the JSON
     * document its "alternate" (OGC 17-069r4 clause 7.2, links of a representation).
     */
    static List<Map<String, Object>> asHtmlPage(List<Map<String, Object>> links) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> l : links) {
            Map<String, Object> c = new LinkedHashMap<>(l);
            if ("self".equals(l.get("rel"))) c.put("rel", "alternate");
            else if ("alternate".equals(l.get("rel")) && "text/html".equals(l.get("type"))) c.put("rel", "self");
            out.add(c);
        }
        return out;
    }

    /** A small map of the layer over {@code box} (CRS84), drawn by this server's WMS; null when it has no style. */
    private static String mapUrl(OwsRequest r, CatalogView view, LayerConfig layer, Envelope box) {
        if (box == null || layer.styleIds().isEmpty()) return null;
        Envelope e = new Envelope(box);
        double pad = Math.max(Math.max(e.getWidth(), e.getHeight()) * 0.1, 0.005);
        e.expandBy(pad);
        int width = 480;
        int height = (int) Math.max(120, Math.min(640, Math.round(width * e.getHeight() / e.getWidth())));
        return r.endpointUrl("/wms") + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS="
                + Items.enc(view.name(layer)) + "&STYLES=&CRS=CRS:84&BBOX=" + e.getMinX() + "," + e.getMinY() + ","
                + e.getMaxX() + "," + e.getMaxY() + "&WIDTH=" + width + "&HEIGHT=" + height
                + "&FORMAT=image/png&TRANSPARENT=FALSE";
    }

    private static OwsResponse json(String type, Object doc) {
        try {
            return OwsResponse.bytes(200, type, JSON.writeValueAsBytes(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes an HTML page. */
    interface PageWriter {
        void write(OutputStream out) throws IOException;
    }

    private static OwsResponse html(PageWriter page) {
        return OwsResponse.ok("text/html; charset=UTF-8", page::write);
    }
}
