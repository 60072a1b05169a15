package org.ecoplan.ogcapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.config.LayerConfig;

/**
 * The API definition as OpenAPI 3.0 (OGC 17-069r4 clause 7.3 and conformance class OpenAPI 3.0,
 * clause 10): every path this endpoint serves, with each collection's items path listing its own
 * query parameters (the queryables among them), self-contained: no reference leaves the document.
 */
final class OpenApiDocument {
    static final String MEDIA_TYPE = "application/vnd.oai.openapi+json;version=3.0";

    private OpenApiDocument() {}

    static Map<String, Object> of(CatalogView view, String apiUrl, String title, String description, int maxLimit) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", title, "description", description, "version", "1.0.0"));
        doc.put("servers", List.of(Map.of("url", apiUrl)));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get("landingPage", "Landing page / 首页", List.of(ref("f")), json("application/json")));
        paths.put("/conformance", get("conformance", "Conformance classes / 符合性类", List.of(ref("f")),
                json("application/json")));
        paths.put("/api", get("api", "This API definition / 接口定义", List.of(ref("f")), json(MEDIA_TYPE)));
        paths.put("/collections", get("collections", "Collections / 要素集合", List.of(ref("f")),
                json("application/json")));
        List<String> ids = view.layers().stream().map(view::name).toList();
        Map<String, Object> collectionId = new LinkedHashMap<>();
        collectionId.put("name", "collectionId");
        collectionId.put("in", "path");
        collectionId.put("required", true);
        collectionId.put("schema", Map.of("type", "string", "enum", ids));
        paths.put("/collections/{collectionId}", get("collection", "A collection / 要素集合说明",
                List.of(collectionId, ref("f")), json("application/json")));
        for (LayerConfig layer : view.layers()) {
            String base = "/collections/" + view.name(layer);
            List<Object> params = new ArrayList<>(List.of(ref("bbox"), ref("bbox-crs"), ref("crs"), ref("datetime"),
                    ref("limit"), ref("offset"), ref("filter"), ref("filter-lang"), ref("filter-crs"), ref("f")));
            for (AttributeDescriptor a : layer.featureType().attributes()) {
                // a property named like a parameter of the API cannot be filtered by name
                if (!ItemsQuery.FIXED.contains(a.name().toUpperCase(java.util.Locale.ROOT))) params.add(property(a));
            }
            Map<String, Object> items = get("items_" + layer.workspace() + "_" + layer.id(),
                    "Features of " + layer.title().both(), params, json("application/geo+json"));
            paths.put(base + "/items", items);
            Map<String, Object> featureId = new LinkedHashMap<>();
            featureId.put("name", "featureId");
            featureId.put("in", "path");
            featureId.put("required", true);
            featureId.put("schema", Map.of("type", "string"));
            paths.put(base + "/items/{featureId}", get("item_" + layer.workspace() + "_" + layer.id(),
                    "A feature of " + layer.title().both(), List.of(featureId, ref("crs"), ref("f")),
                    json("application/geo+json")));
            paths.put(base + "/queryables", get("queryables_" + layer.workspace() + "_" + layer.id(),
                    "Queryable properties of " + layer.title().both(), List.of(ref("f")),
                    json("application/schema+json")));
        }
        tilePaths(paths, collectionId);
        processPaths(paths, view);
        doc.put("paths", paths);
        doc.put("components", Map.of("parameters", parameters(maxLimit)));
        return doc;
    }

    /** The OGC API – Tiles paths, templated over collections and tile matrix sets. */
    private static void tilePaths(Map<String, Object> paths, Map<String, Object> collectionId) {
        Map<String, Object> tms = pathParameter("tileMatrixSetId", Map.of("type", "string", "enum",
                org.ecoplan.map.tiles.TileMatrixSets.all().stream().map(s -> s.identifier()).toList()));
        paths.put("/tileMatrixSets", get("tileMatrixSets", "Tile matrix sets / 瓦片矩阵集", List.of(ref("f")),
                json("application/json")));
        paths.put("/tileMatrixSets/{tileMatrixSetId}", get("tileMatrixSet", "A tile matrix set (OGC 17-083r4 JSON)",
                List.of(tms, ref("f")), json("application/json")));
        for (Tilesets.Kind kind : Tilesets.Kind.values()) {
            String k = kind.dataType;
            Map<String, Object> tileResponses = tileResponses(kind);
            paths.put(kind.path,
                    get("dataset_" + k + "Tilesets", k + " tilesets of the dataset and of each layer group",
                            List.of(ref("f")), json("application/json")));
            paths.put(kind.path + "/{tileMatrixSetId}", get("dataset_" + k + "Tileset",
                    "a " + k + " tileset of what collections names (the whole dataset by default)",
                    List.of(tms, ref("collections"), ref("f")), json("application/json")));
            paths.put(kind.path + "/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", get("dataset_" + k + "Tile",
                    "a " + k + " tile of what collections names",
                    List.of(tms, pathParameter("tileMatrix", Map.of("type", "string")),
                            pathParameter("tileRow", Map.of("type", "integer", "minimum", 0)),
                            pathParameter("tileCol", Map.of("type", "integer", "minimum", 0)), ref("collections")),
                    tileResponses));
            String base = "/collections/{collectionId}" + kind.path;
            paths.put(base, get(k + "Tilesets", k + " tilesets of a collection", List.of(collectionId, ref("f")),
                    json("application/json")));
            paths.put(base + "/{tileMatrixSetId}", get(k + "Tileset", "a " + k + " tileset",
                    List.of(collectionId, tms, ref("f")), json("application/json")));
            paths.put(base + "/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", get(k + "Tile", "a " + k + " tile",
                    List.of(collectionId, tms, pathParameter("tileMatrix", Map.of("type", "string")),
                            pathParameter("tileRow", Map.of("type", "integer", "minimum", 0)),
                            pathParameter("tileCol", Map.of("type", "integer", "minimum", 0))),
                    tileResponses));
        }
    }

    private static Map<String, Object> tileResponses(Tilesets.Kind kind) {
        Map<String, Object> content = Map.of(kind.mediaType, Map.of("schema", Map.of("type", "string",
                "format", "binary")));
        Map<String, Object> problem = Map.of(Problem.MEDIA_TYPE, Map.of("schema", Map.of("type", "object")));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "a tile", "content", content));
        responses.put("204", Map.of("description", "a tile without features"));
        responses.put("400", Map.of("description", "a malformed tile address or collections value", "content",
                problem));
        responses.put("404", Map.of("description", "no such tile", "content", problem));
        return responses;
    }

    /** The OGC API – Processes paths (OGC 18-062r2 clause 7.3, OpenAPI 3.0 class). */
    private static void processPaths(Map<String, Object> paths, CatalogView view) {
        List<String> ids = new ArrayList<>();
        for (var w : view.isGlobal() ? view.catalog().workspaces() : view.workspace().stream().toList()) {
            if (w.planCheck() != null)
                ids.add(view.isGlobal() ? w.name() + ":" + PlanCheckProcess.ID : PlanCheckProcess.ID);
        }
        Map<String, Object> processId = pathParameter("processId", ids.isEmpty()
                ? Map.of("type", "string")
                : Map.of("type", "string", "enum", ids));
        Map<String, Object> jobId = pathParameter("jobId", Map.of("type", "string"));
        Map<String, Object> listLimit = query("limit", "The most entries in the list", Map.of("type", "integer",
                "minimum", 1, "maximum", 10000, "default", 100));
        paths.put("/processes", get("processes", "Processes / 处理过程", List.of(listLimit, ref("f")),
                json("application/json")));
        paths.put("/processes/{processId}", get("process", "A process description / 处理过程说明",
                List.of(processId, ref("f")), json("application/json")));
        Map<String, Object> execution = new LinkedHashMap<>(get("checkPoint",
                "Plan check of a point (x,y in crs, CRS84 by default) / 点位规划核查",
                List.of(processId, query("point", "x,y of the point in crs", Map.of("type", "string")),
                        ref("crs")),
                json("application/json")));
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("operationId", "execute");
        post.put("summary", "Execute the process (sync, or async with Prefer: respond-async) / 执行");
        post.put("parameters", List.of(processId, Map.of("name", "Prefer", "in", "header", "required", false,
                "schema", Map.of("type", "string"))));
        post.put("requestBody", Map.of("required", true, "content", Map.of("application/json",
                Map.of("schema", Map.of("type", "object", "required", List.of("inputs"), "properties", Map.of(
                        "inputs", Map.of("type", "object"), "outputs", Map.of("type", "object"),
                        "response", Map.of("type", "string", "enum", List.of("raw", "document"))))))));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "results (raw or document)", "content", Map.of(
                "application/json", Map.of("schema", Map.of("type", "object")),
                "image/png", Map.of("schema", Map.of("type", "string", "format", "binary")),
                "multipart/related", Map.of("schema", Map.of("type", "string", "format", "binary")))));
        responses.put("201", Map.of("description", "job created (asynchronous execution)", "content",
                Map.of("application/json", Map.of("schema", Map.of("type", "object")))));
        responses.put("400", problem("Bad request / 参数错误"));
        responses.put("404", problem("No such process / 无此过程"));
        post.put("responses", responses);
        execution.put("post", post);
        paths.put("/processes/{processId}/execution", execution);
        paths.put("/jobs", get("jobs", "The caller's jobs / 本人的作业", List.of(listLimit, ref("f")),
                json("application/json")));
        Map<String, Object> job = new LinkedHashMap<>(get("job", "A job's status / 作业状态", List.of(jobId, ref("f")),
                json("application/json")));
        Map<String, Object> dismiss = new LinkedHashMap<>();
        dismiss.put("operationId", "dismiss");
        dismiss.put("summary", "Dismiss a job / 取消作业");
        dismiss.put("parameters", List.of(jobId));
        dismiss.put("responses", Map.of("200", Map.of("description", "the job, dismissed", "content",
                Map.of("application/json", Map.of("schema", Map.of("type", "object")))), "404",
                problem("No such job / 无此作业")));
        job.put("delete", dismiss);
        paths.put("/jobs/{jobId}", job);
        paths.put("/jobs/{jobId}/results", get("results", "A job's results / 作业结果", List.of(jobId),
                json("application/json")));
    }

    private static Map<String, Object> problem(String description) {
        return Map.of("description", description, "content",
                Map.of(Problem.MEDIA_TYPE, Map.of("schema", Map.of("type", "object"))));
    }

    private static Map<String, Object> pathParameter(String name, Map<String, Object> schema) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", "path");
        p.put("required", true);
        p.put("schema", schema);
        return p;
    }

    private static Map<String, Object> ref(String parameter) {
        return Map.of("$ref", "#/components/parameters/" + parameter);
    }

    private static Map<String, Object> get(String id, String summary, List<Object> parameters,
            Map<String, Object> responses) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", id.replaceAll("[^A-Za-z0-9_]", "_"));
        op.put("summary", summary);
        op.put("parameters", parameters);
        op.put("responses", responses);
        return Map.of("get", op);
    }

    private static Map<String, Object> json(String type) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(type, Map.of("schema", Map.of("type", "object")));
        content.put("text/html", Map.of("schema", Map.of("type", "string")));
        Map<String, Object> problem = Map.of("description", "Bad request / 参数错误", "content",
                Map.of(Problem.MEDIA_TYPE, Map.of("schema", Map.of("type", "object"))));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("200", Map.of("description", "OK", "content", content));
        r.put("400", problem);
        r.put("404", Map.of("description", "Not found / 未找到", "content",
                Map.of(Problem.MEDIA_TYPE, Map.of("schema", Map.of("type", "object")))));
        return r;
    }

    private static Map<String, Object> property(AttributeDescriptor a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", a.name());
        p.put("in", "query");
        p.put("required", false);
        p.put("description", "Features whose " + a.name() + " equals the value / 属性等于该值的要素");
        p.put("schema", QueryablesDocument.schema(a));
        p.put("style", "form");
        p.put("explode", false);
        return p;
    }

    private static Map<String, Object> parameters(int maxLimit) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bbox", query("bbox", "Features whose geometry intersects the box: minx,miny,maxx,maxy (or six values"
                + " with heights) in bbox-crs, CRS84 by default",
                Map.of("type", "array", "minItems", 4, "maxItems", 6,
                        "items", Map.of("type", "number"))));
        p.put("bbox-crs", query("bbox-crs", "The CRS of bbox (OGC API – Features Part 2)",
                Map.of("type", "string", "format", "uri")));
        p.put("crs", query("crs", "The CRS of the geometries in the answer (OGC API – Features Part 2)",
                Map.of("type", "string", "format", "uri")));
        p.put("datetime", query("datetime", "An RFC 3339 instant or interval; filters on the collection's first date"
                + " property; a collection without one has no temporal information and is not filtered",
                Map.of("type", "string")));
        Map<String, Object> limit = new LinkedHashMap<>();
        limit.put("type", "integer");
        limit.put("minimum", 1);
        limit.put("maximum", maxLimit);
        limit.put("default", ItemsQuery.DEFAULT_LIMIT);
        p.put("limit", query("limit", "The most features in one answer; larger values mean the maximum", limit));
        p.put("offset", query("offset", "Features to skip (the next links use it)",
                Map.of("type", "integer", "minimum", 0, "default", 0)));
        p.put("filter", query("filter", "A CQL2 filter on the queryables (OGC API – Features Part 3)",
                Map.of("type", "string")));
        p.put("filter-lang", query("filter-lang", "The language of filter", Map.of("type", "string", "enum",
                List.of("cql2-text", "cql2-json"), "default", "cql2-text")));
        p.put("filter-crs", query("filter-crs", "The CRS of the geometries in filter; CRS84 by default",
                Map.of("type", "string", "format", "uri")));
        p.put("collections", query("collections", "What a dataset tile draws, first to last (bottom to top):"
                + " identifiers or URLs of collections and identifiers of layer groups; the whole dataset when absent",
                Map.of("type", "array", "items", Map.of("type", "string"))));
        p.put("f", query("f", "The encoding of the answer: json or html",
                Map.of("type", "string", "enum", List.of("json", "html"))));
        return p;
    }

    private static Map<String, Object> query(String name, String description, Map<String, Object> schema) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", "query");
        p.put("description", description);
        p.put("required", false);
        p.put("schema", schema);
        p.put("style", "form");
        p.put("explode", false);
        return p;
    }
}
