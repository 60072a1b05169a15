package org.ecoplan.ogcapi;

import java.util.List;

/** The conformance classes this API implements (OGC 17-069r4 clause 7.4, OGC 18-058r1 clause 5, OGC 19-079r2). */
final class Conformance {
    static final String CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
    static final String OAS30 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30";
    static final String HTML = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html";
    static final String GEOJSON = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson";
    static final String CRS = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs";

    private static final String PART3 = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/";
    private static final String CQL2 = "http://www.opengis.net/spec/cql2/1.0/conf/";

    /**
     * Part 3 Filtering (OGC 19-079r2) and the CQL2 classes (OGC 21-065r2) implemented; not
     * declared: accent-insensitive comparison, temporal, array and arithmetic functions,
     * property-property comparisons, functions.
     */
    static final List<String> FILTERING = List.of(PART3 + "filter", PART3 + "features-filter",
            PART3 + "queryables", PART3 + "queryables-query-parameters", CQL2 + "cql2-text", CQL2 + "cql2-json",
            CQL2 + "basic-cql2", CQL2 + "advanced-comparison-operators", CQL2 + "case-insensitive-comparison",
            CQL2 + "basic-spatial-functions", CQL2 + "basic-spatial-functions-plus", CQL2 + "spatial-functions");

    private static final String TILES = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/";

    /**
     * OGC API – Tiles 1.0 (OGC 20-057): vector (MVT) and map (PNG) tilesets per collection and of the
     * dataset, which the collections parameter narrows to collections or a layer group.
     */
    static final List<String> TILING = List.of(TILES + "core", TILES + "tileset", TILES + "tilesets-list",
            TILES + "geodata-tilesets", TILES + "dataset-tilesets", TILES + "collections-selection", TILES + "oas30",
            TILES + "mvt", TILES + "png",
            "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
            "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset");

    private static final String PROCESSES = "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/";

    /**
     * OGC API – Processes – Part 1 (OGC 18-062r2): the plan check, sync and async, with dismiss. Not
     * declared: job-list (its filters type, processID, status, datetime and durations are not
     * implemented; {@code /jobs} lists the caller's own jobs with {@code limit} only) and callbacks.
     */
    static final List<String> PROCESSING = List.of(PROCESSES + "core", PROCESSES + "ogc-process-description",
            PROCESSES + "json", PROCESSES + "html", PROCESSES + "oas30", PROCESSES + "dismiss");

    static final List<String> ALL = java.util.stream.Stream.of(List.of(CORE, OAS30, HTML, GEOJSON, CRS), FILTERING,
            TILING, PROCESSING).flatMap(List::stream).toList();

    private Conformance() {}
}
