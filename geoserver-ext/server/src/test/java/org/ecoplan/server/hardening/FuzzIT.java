package org.ecoplan.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.Test;

/**
 * Randomised fuzzing of every endpoint (issue: hardening): 1,500 KVP requests made of the services'
 * own parameter names with hostile values (control characters, huge and non-finite numbers,
 * unbalanced syntax, entity declarations, long and CJK strings, random text), sent to the global
 * and virtual endpoints and the tile paths, and 600 XML POST bodies grown from the WFS, FES, GML and
 * SLD elements. The generator is seeded, so a failure reproduces. Every answer must be a client
 * error or a success — never a 5xx other than 503 (busy) and OWS's 501 for an operation or option
 * not supported — every XML answer must be well-formed, and the server must be healthy afterwards.
 */
class FuzzIT {
    private static final long SEED = 20261204L;
    private static final int REQUESTS = 1500;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final List<String> PATHS = List.of("/wms", "/wfs", "/wmts", "/ows", "/yanggao/wms", "/yanggao/wfs",
            "/yanggao/wmts", "/demo/wfs");
    private static final List<String> PARAMS = List.of("SERVICE", "VERSION", "REQUEST", "LAYERS", "STYLES", "CRS",
            "SRS", "BBOX", "WIDTH", "HEIGHT", "FORMAT", "TRANSPARENT", "BGCOLOR", "EXCEPTIONS", "QUERY_LAYERS",
            "INFO_FORMAT", "I", "J", "X", "Y", "FEATURE_COUNT", "SLD_BODY", "CQL_FILTER", "TYPENAMES", "TYPENAME",
            "COUNT", "STARTINDEX", "FILTER", "RESOURCEID", "PROPERTYNAME", "SORTBY", "SRSNAME", "NAMESPACES",
            "OUTPUTFORMAT", "RESULTTYPE", "STOREDQUERY_ID", "VALUEREFERENCE", "ACCEPTVERSIONS", "SECTIONS",
            "LAYER", "STYLE", "TILEMATRIXSET", "TILEMATRIX", "TILEROW", "TILECOL", "INFOFORMAT", "SCALE", "RULE");
    private static final List<String> HOSTILE = List.of("", " ", "\u0000", "\u0001x", "%", "'", "\"<>&", "(", ")",
            ",,,,", "-1", "0", "1e308", "-1e308", "NaN", "Infinity", "99999999999999999999", "2147483648", "0.0000001",
            "1,2,3,4", "4,3,2,1", "40,113,41,114", "EPSG:4490", "EPSG:99999", "CRS:84", "urn:ogc:def:crs:EPSG::4326",
            "image/png", "image/jpeg", "application/json", "text/html", "application/vnd.ogc.gml", "WMS", "WFS", "WMTS",
            "1.3.0", "1.1.1", "2.0.0", "GetMap", "GetFeatureInfo", "GetCapabilities", "GetFeature", "GetTile",
            "DescribeFeatureType", "GetPropertyValue", "GetLegendGraphic", "DescribeLayer", "restoration_zones",
            "yanggao:restoration_zones", "demo:project_sites", "townships", "plan_zones", "WebMercatorQuad",
            "CGCS2000Quad", "9", "name_zh LIKE '%*.*.*.*.*☃'", "INTERSECTS(geom, POINT(113.7 40.2))",
            "zone_code IN ('Z1','Z2')", "BBOX(geom,1,2", "xmlns(a," + " ".repeat(300), "<Filter><PropertyIsEqualTo>",
            "<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>", "阳高县", "☃".repeat(100), "x".repeat(3000));

    private final Random random = new Random(SEED);

    private String value() {
        return switch (random.nextInt(4)) {
            case 0, 1 -> HOSTILE.get(random.nextInt(HOSTILE.size()));
            case 2 -> Integer.toString(random.nextInt());
            default -> {
                StringBuilder b = new StringBuilder();
                int n = random.nextInt(40);
                for (int i = 0; i < n; i++) b.appendCodePoint(random.nextInt(random.nextBoolean() ? 128 : 0x3000));
                yield b.toString();
            }
        };
    }

    private String path() {
        if (random.nextInt(5) > 0) return PATHS.get(random.nextInt(PATHS.size()));
        String prefix = List.of("/tiles/", "/vtiles/", "/yanggao/tiles/").get(random.nextInt(3));
        String layer = URLEncoder.encode(HOSTILE.get(random.nextInt(HOSTILE.size())), StandardCharsets.UTF_8);
        String set = List.of("WebMercatorQuad", "CGCS2000Quad", "x").get(random.nextInt(3));
        long xy = random.nextLong(-1, 1L << 22);
        return prefix + layer + "/" + set + "/" + random.nextInt(-2, 26) + "/" + xy + "/" + xy
                + (prefix.contains("vtiles") ? ".mvt" : ".png");
    }

    @Test
    void noRequestBreaksTheServer() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Map<String, String> params = new LinkedHashMap<>();
            int n = 1 + random.nextInt(12);
            for (int k = 0; k < n; k++) params.put(PARAMS.get(random.nextInt(PARAMS.size())), value());
            String path = path();
            StringBuilder q = new StringBuilder();
            params.forEach((k, v) -> q.append(q.length() > 0 ? "&" : "").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            String what = "#" + i + " " + path + "?" + q;
            HttpResponse<byte[]> r = HTTP
                    .send(HttpRequest.newBuilder(URI.create(ServerFixture.baseUrl() + path + "?" + q))
                            .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            check(r, what, failures);
        }
        assertNoFailures(failures, REQUESTS);
    }

    /**
     * XML POST bodies: documents grown at random from the WFS / FES / GML / SLD elements the
     * services parse (wrong nesting, hostile attribute values and text, very deep filters, cut
     * off mid-document), posted to the WFS and WMS endpoints.
     */
    @Test
    void noXmlBodyBreaksTheServer() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < XML_REQUESTS; i++) {
            String doc = document();
            if (random.nextInt(6) == 0) doc = doc.substring(0, random.nextInt(doc.length() + 1));
            String path = List.of("/wfs", "/yanggao/wfs", "/wms", "/yanggao/wms", "/ows").get(random.nextInt(5));
            String what = "#" + i + " POST " + path + " " + (doc.length() > 400 ? doc.substring(0, 400) + "…" : doc);
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(ServerFixture.baseUrl() + path))
                    .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofString(doc)).build(), HttpResponse.BodyHandlers.ofByteArray());
            check(r, what, failures);
        }
        assertNoFailures(failures, XML_REQUESTS);
    }

    private static final int XML_REQUESTS = 600;
    private static final List<String> ROOTS = List.of("wfs:GetFeature", "wfs:GetPropertyValue",
            "wfs:DescribeFeatureType", "wfs:GetCapabilities", "wfs:ListStoredQueries", "wfs:DescribeStoredQueries",
            "wfs:Transaction", "sld:StyledLayerDescriptor", "GetMap", "x");
    private static final List<String> ELEMENTS = List.of("wfs:Query", "wfs:StoredQuery", "wfs:Parameter",
            "fes:Filter", "fes:And", "fes:Or", "fes:Not", "fes:PropertyIsEqualTo", "fes:PropertyIsLike",
            "fes:PropertyIsBetween", "fes:PropertyIsNull", "fes:LowerBoundary", "fes:ValueReference", "fes:Literal",
            "fes:BBOX", "fes:Intersects", "fes:DWithin", "fes:Distance", "fes:ResourceId", "fes:SortBy",
            "fes:SortProperty", "fes:SortOrder", "fes:Function", "ogc:Filter", "ogc:PropertyName", "ogc:Literal",
            "gml:Envelope", "gml:lowerCorner", "gml:upperCorner", "gml:Point", "gml:pos", "gml:Polygon",
            "gml:exterior", "gml:LinearRing", "gml:posList", "sld:NamedLayer", "sld:Name", "sld:UserStyle",
            "sld:Rule", "sld:PolygonSymbolizer", "sld:Fill", "sld:CssParameter", "sld:Graphic", "sld:Size",
            "sld:ExternalGraphic", "sld:OnlineResource", "wfs:PropertyName", "wfs:TypeName");
    private static final List<String> ATTRIBUTES = List.of("service", "version", "typeNames", "typeName", "count",
            "startIndex", "srsName", "resultType", "outputFormat", "valueReference", "rid", "name", "id",
            "wildCard", "singleChar", "escapeChar", "uom", "srsDimension", "xlink:href", "matchCase", "handle");
    private static final String NAMESPACES = " xmlns:wfs=\"http://www.opengis.net/wfs/2.0\""
            + " xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\""
            + " xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:sld=\"http://www.opengis.net/sld\""
            + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:yanggao=\"http://ecoplan.org/yanggao\"";

    private String document() {
        StringBuilder b = new StringBuilder();
        if (random.nextInt(10) == 0) b.append("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>");
        String root = ROOTS.get(random.nextInt(ROOTS.size()));
        b.append('<').append(root).append(NAMESPACES);
        attributes(b);
        b.append('>');
        if (random.nextInt(15) == 0) {
            // a filter nested far deeper than any real one
            int depth = 1000 + random.nextInt(20_000);
            b.append("<wfs:Query typeNames=\"yanggao:townships\"><fes:Filter>");
            b.append("<fes:Not>".repeat(depth)).append("<fes:PropertyIsNull><fes:ValueReference>name_zh")
                    .append("</fes:ValueReference></fes:PropertyIsNull>").append("</fes:Not>".repeat(depth));
            b.append("</fes:Filter></wfs:Query>");
        } else {
            children(b, 0);
        }
        return b.append("</").append(root).append('>').toString();
    }

    private void children(StringBuilder b, int depth) {
        int n = depth > 6 ? 0 : random.nextInt(4);
        for (int i = 0; i < n; i++) {
            String e = ELEMENTS.get(random.nextInt(ELEMENTS.size()));
            b.append('<').append(e);
            attributes(b);
            b.append('>');
            if (random.nextBoolean()) b.append(escape(value()));
            children(b, depth + 1);
            b.append("</").append(e).append('>');
        }
    }

    private void attributes(StringBuilder b) {
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(' ').append(ATTRIBUTES.get(random.nextInt(ATTRIBUTES.size()))).append("=\"")
                    .append(escape(value())).append('"');
        }
    }

    private static String escape(String v) {
        StringBuilder b = new StringBuilder();
        v.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                // control characters other than tab, newline and return cannot appear in XML 1.0 at all
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') b.appendCodePoint(c);
                }
            }
        });
        return b.toString();
    }

    private static void check(HttpResponse<byte[]> r, String what, List<String> failures) {
        String body = new String(r.body(), StandardCharsets.UTF_8);
        // 501 is OWS Common's status of OperationNotSupported / OptionNotSupported (06-121r9 Table 28)
        boolean notSupported = r.statusCode() == 501 && body.contains("NotSupported");
        if (r.statusCode() >= 500 && r.statusCode() != 503 && !notSupported) {
            failures.add(r.statusCode() + " for " + what + "\n" + body);
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (type.contains("xml")) {
            String problem = wellFormed(r.body());
            if (problem != null) failures.add("not well-formed XML for " + what + ": " + problem);
        }
    }

    private static void assertNoFailures(List<String> failures, int requests) throws Exception {
        assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())),
                failures.size() + " of " + requests + " requests failed (seed " + SEED + ")");
        HttpResponse<String> health = HTTP.send(
                HttpRequest.newBuilder(URI.create(ServerFixture.baseUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
    }

    private static String wellFormed(byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            return null;
        } catch (Exception e) {
            return e.getMessage();
        }
    }
}
