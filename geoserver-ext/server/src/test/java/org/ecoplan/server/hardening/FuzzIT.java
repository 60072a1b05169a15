package org.ecoplan.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.ecoplan.server.ServerFixture;

/**
 * Property-based fuzzing of every endpoint (issue: hardening): requests made of the services'
 * own parameter names with hostile values (control characters, huge and non-finite numbers,
 * unbalanced syntax, long strings, CJK), sent to the global and the virtual endpoints. Every answer
 * must be a client error or a success — never a 5xx other than 503 (busy) and OWS's 501 for an
 * operation or option not supported — and every XML answer
 * must be well-formed. The number of tries is bounded so the suite runs in CI.
 */
class FuzzIT {
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

    @Provide
    Arbitrary<Map<String, String>> requests() {
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of(HOSTILE),
                Arbitraries.strings().ofMaxLength(40), Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(d -> String.format(Locale.ROOT, "%s", d)));
        return Arbitraries.maps(Arbitraries.of(PARAMS), values).ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 1500, seed = "20261204")
    void noRequestBreaksTheServer(@ForAll("requests") Map<String, String> params,
            @ForAll("paths") String path) throws Exception {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.length() > 0 ? "&" : "").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(ServerFixture.baseUrl() + path + "?" + q))
                .timeout(Duration.ofSeconds(120)).GET().build();
        HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        // 501 is OWS Common's status of OperationNotSupported / OptionNotSupported (06-121r9 Table 28)
        boolean notSupported = r.statusCode() == 501
                && new String(r.body(), StandardCharsets.UTF_8).contains("NotSupported");
        assertTrue(r.statusCode() < 500 || r.statusCode() == 503 || notSupported,
                r.statusCode() + " for " + path + "?" + q + "\n" + new String(r.body(), StandardCharsets.UTF_8));
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (type.contains("xml")) wellFormed(r.body(), path + "?" + q);
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> tiles = Combinators.combine(Arbitraries.of("/tiles/", "/vtiles/", "/yanggao/tiles/"),
                Arbitraries.of(HOSTILE), Arbitraries.of("WebMercatorQuad", "CGCS2000Quad", "x"),
                Arbitraries.integers().between(-2, 25), Arbitraries.longs().between(-1, 1L << 22))
                .as((p, layer, set, z, x) -> p + URLEncoder.encode(layer, StandardCharsets.UTF_8) + "/" + set + "/"
                        + z + "/" + x + "/" + x + (p.contains("vtiles") ? ".mvt" : ".png"));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.of(PATHS)),
                net.jqwik.api.Tuple.of(1, tiles));
    }

    private static void wellFormed(byte[] body, String what) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML for " + what + ": " + e.getMessage());
        }
    }

    @AfterContainer
    static void theServerIsHealthyAfterwards() throws Exception {
        HttpResponse<String> health = HTTP.send(
                HttpRequest.newBuilder(URI.create(ServerFixture.baseUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
    }
}
