package org.ecoplan.ogcapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The description of the {@code plan-check} process (OGC 18-062r2 clause 7.10, process.yaml):
 * its inputs (the site, in one of several forms, and the CRS of its coordinates) and its outputs
 * (the report as JSON, the map as PNG), with JSON Schemas as the OGC process description class
 * (clause 8) writes them.
 */
final class PlanCheckProcess {
    static final String ID = "plan-check";
    static final Set<String> INPUTS = Set.of("site", "crs");
    static final List<String> OUTPUTS = List.of("report", "map");
    static final Map<String, String> MEDIA_TYPES = Map.of("report", "application/json", "map", "image/png");

    private PlanCheckProcess() {}

    static Map<String, Object> summary(String id, String processUrl) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("title", "规划核查 Plan check for a site");
        p.put("description", "Which restoration zones, key areas, projects, ecological problems and pattern elements "
                + "of the plan a site overlaps, with the overlap in m², 公顷 and 亩 measured in the site's CGCS2000 "
                + "Gauss-Krüger zone, the share of the site, the plan text that applies, and a map. / "
                + "核查地块与规划修复分区、重点区域、项目、生态问题及格局要素的重叠情况。");
        p.put("version", "1.0.0");
        p.put("jobControlOptions", List.of("sync-execute", "async-execute", "dismiss"));
        p.put("outputTransmission", List.of("value"));
        p.put("links", List.of(
                CollectionDocument.link(processUrl + "?f=json", "self", "application/json", "this process"),
                CollectionDocument.link(processUrl + "/execution", "http://www.opengis.net/def/rel/ogc/1.0/execute",
                        "application/json", "execute / 执行")));
        return p;
    }

    static Map<String, Object> description(String id, String processUrl) {
        Map<String, Object> p = summary(id, processUrl);
        Map<String, Object> inputs = new LinkedHashMap<>();
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("title", "地块 Site");
        site.put("description", "The site: a GeoJSON Polygon, MultiPolygon, Point, Feature or FeatureCollection; WKT; "
                + "a 界址点坐标 text (its [属性描述] names the CRS); or a qualified value {value, mediaType, encoding} "
                + "holding WKT (" + SiteInput.WKT + "), 界址点坐标 (" + SiteInput.JZD + "), KML (" + SiteInput.KML
                + ") or a zipped Shapefile (" + SiteInput.ZIPPED_SHAPEFILE + ", base64, with its .prj).");
        site.put("minOccurs", 1);
        site.put("maxOccurs", 1);
        site.put("schema", Map.of("oneOf", List.of(
                Map.of("type", "object", "description", "GeoJSON geometry, Feature or FeatureCollection",
                        "contentMediaType", SiteInput.GEOJSON),
                Map.of("type", "string", "contentMediaType", SiteInput.WKT),
                Map.of("type", "string", "contentMediaType", SiteInput.JZD),
                Map.of("type", "string", "contentMediaType", SiteInput.KML),
                Map.of("type", "string", "contentEncoding", "base64", "contentMediaType",
                        SiteInput.ZIPPED_SHAPEFILE))));
        inputs.put("site", site);
        Map<String, Object> crs = new LinkedHashMap<>();
        crs.put("title", "坐标系 CRS of the site's coordinates");
        crs.put("description", "For GeoJSON and WKT: the CRS of the coordinates, in its own axis order (CRS84, the "
                + "default, is longitude first; EPSG:4490 latitude first; EPSG:4513–4554 northing first). Files "
                + "declare their own; a Shapefile without .prj needs it.");
        crs.put("minOccurs", 0);
        crs.put("maxOccurs", 1);
        crs.put("schema", Map.of("type", "string", "format", "uri", "default",
                "http://www.opengis.net/def/crs/OGC/1.3/CRS84"));
        inputs.put("crs", crs);
        p.put("inputs", inputs);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("report", Map.of("title", "核查报告 Report", "description", "What the site overlaps, by role "
                + "(zones, keyAreas, projects, problems, pattern), with areas, shares, quoted plan text and caveats",
                "schema", Map.of("type", "object", "contentMediaType", "application/json")));
        outputs.put("map", Map.of("title", "地图 Map", "description", "The site (red) over the plan's layers",
                "schema", Map.of("type", "string", "contentEncoding", "binary", "contentMediaType", "image/png")));
        p.put("outputs", outputs);
        return p;
    }
}
