package org.ecoplan.server.wfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.testkit.OgcSchemas;
import org.ecoplan.testkit.Xml;
import org.junit.jupiter.api.Test;

/** GetFeature, DescribeFeatureType and GetPropertyValue over HTTP on every layer of the plan. */
class WfsGetFeatureIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static long hits(String layer) throws Exception {
        return Long.parseLong(new Xml(WfsSupport.get("REQUEST", "GetFeature", "TYPENAMES", "yanggao:" + layer,
                "RESULTTYPE", "hits").asByteArray()).s("/wfs:FeatureCollection/@numberMatched"));
    }

    @Test
    void everyTypeInEveryFormatWithMatchingCounts() throws Exception {
        for (LayerConfig l : WfsSupport.layers()) {
            long n = hits(l.id());
            assertTrue(n > 0, l.id() + " has no features");
            JsonNode fc = JSON.readTree(WfsSupport.get("REQUEST", "GetFeature", "TYPENAMES", "yanggao:" + l.id(),
                    "OUTPUTFORMAT", "application/json").asByteArray());
            assertEquals(n, fc.get("numberMatched").asLong(), l.id());
            assertEquals(Math.min(n, 10_000), fc.get("features").size(), l.id());
            assertEquals(l.featureType().hasGeometry(), !fc.get("features").get(0).get("geometry").isNull(), l.id());

            var gml = WfsSupport.get("REQUEST", "GetFeature", "TYPENAMES", "yanggao:" + l.id());
            assertEquals(200, gml.statusCode());
            assertTrue(gml.contentType().startsWith("application/gml+xml"), gml.contentType());
            assertEquals(n, new Xml(gml.asByteArray()).n("//wfs:member"), l.id());
            assertValidAgainstItsSchemas(gml.asByteArray(), "http://schemas.opengis.net/wfs/2.0/wfs.xsd");

            var gml31 = WfsSupport.get("VERSION", "1.1.0", "REQUEST", "GetFeature", "TYPENAME", "yanggao:" + l.id());
            assertEquals(n, new Xml(gml31.asByteArray()).n("//gml3:featureMember"), l.id());
            assertValidAgainstItsSchemas(gml31.asByteArray(), "http://schemas.opengis.net/wfs/1.1.0/wfs.xsd");

            var gml2 = WfsSupport.get("VERSION", "1.0.0", "REQUEST", "GetFeature", "TYPENAME", "yanggao:" + l.id());
            assertEquals(n, new Xml(gml2.asByteArray()).n("//gml3:featureMember"), l.id());
            assertValidAgainstItsSchemas(gml2.asByteArray(), "http://schemas.opengis.net/wfs/1.0.0/WFS-basic.xsd");

            var csv = WfsSupport.get("REQUEST", "GetFeature", "TYPENAMES", "yanggao:" + l.id(), "OUTPUTFORMAT",
                    "text/csv");
            assertTrue(csv.contentType().startsWith("text/csv"));
            assertTrue(csv.asString().replace("\uFEFF", "").startsWith("FID,"), l.id());
        }
    }

    /** Validates a GML response against the WFS schema and the DescribeFeatureType URL it names. */
    private static void assertValidAgainstItsSchemas(byte[] body, String wfsXsd) throws Exception {
        String[] loc = new Xml(body).s("/*/@*[local-name()='schemaLocation']").trim().split("\\s+");
        String dft = null;
        for (int i = 0; i + 1 < loc.length; i += 2) if (loc[i].equals("http://ecoplan.org/yanggao")) dft = loc[i + 1];
        assertTrue(dft != null && dft.startsWith(WfsSupport.base()),
                "schemaLocation names the DescribeFeatureType URL");
        HttpResponse<byte[]> schema = HTTP.send(HttpRequest.newBuilder(URI.create(dft)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, schema.statusCode(), dft);
        assertEquals(List.of(), OgcSchemas.validate(body, List.of(wfsXsd, dft), Map.of(dft, schema.body())));
    }

    @Test
    void pagingWithNextLinksCoversEveryFeatureOnce() throws Exception {
        LayerConfig big = WfsSupport.layers().stream().filter(l -> l.featureType().hasGeometry())
                .max((a, b) -> Long.compare(count(a), count(b))).orElseThrow();
        long n = hits(big.id());
        java.util.Set<String> seen = new java.util.HashSet<>();
        String url = WfsSupport.wfsUrl() + "?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=yanggao:" + big.id()
                + "&COUNT=2";
        int pages = 0;
        while (url != null && pages < 1000) {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            Xml x = new Xml(r.body());
            assertEquals(Long.toString(n), x.s("/wfs:FeatureCollection/@numberMatched"));
            for (int i = 1; i <= x.n("//wfs:member"); i++)
                assertTrue(seen.add(x.s("(//wfs:member/*)[" + i + "]/@gml:id")));
            String next = x.s("/wfs:FeatureCollection/@next");
            url = next.isEmpty() ? null : next;
            pages++;
        }
        assertEquals(n, seen.size());
        assertEquals((n + 1) / 2, pages);
    }

    /**
     * The traversal of the CITE paging test (ets-wfs20 PagingTests.traverseResultSetInBothDirections,
     * OGC 09-025 7.7.4.4.1): a POSTed GetFeature with count 4, its next page, and that page's
     * previous link back to the same first page. With fewer than 5 features there is no next page,
     * and the response must not claim one.
     */
    @Test
    void postedPagesLinkForwardAndBackToTheSameFeatures() throws Exception {
        LayerConfig big = WfsSupport.layers().stream().filter(l -> l.featureType().hasGeometry())
                .max((a, b) -> Long.compare(count(a), count(b))).orElseThrow();
        assertTrue(hits(big.id()) >= 5, "a feature type with at least 5 features");
        Xml first = new Xml(WfsSupport.post(pageRequest(big.id(), 4)).asByteArray());
        List<String> firstIds = memberIds(first);
        assertEquals(4, firstIds.size());
        assertEquals("", first.s("/wfs:FeatureCollection/@previous"));
        Xml second = fetch(first.s("/wfs:FeatureCollection/@next"));
        List<String> secondIds = memberIds(second);
        assertFalse(secondIds.isEmpty());
        assertTrue(java.util.Collections.disjoint(firstIds, secondIds), "pages do not overlap");
        Xml back = fetch(second.s("/wfs:FeatureCollection/@previous"));
        assertEquals(firstIds, memberIds(back));

        LayerConfig small = WfsSupport.layers().stream()
                .filter(l -> l.featureType().hasGeometry() && count(l) > 0 && count(l) < 4)
                .findFirst().orElseThrow();
        Xml only = new Xml(WfsSupport.post(pageRequest(small.id(), 4)).asByteArray());
        assertEquals(hits(small.id()), memberIds(only).size());
        assertEquals("", only.s("/wfs:FeatureCollection/@next"), "no next page after the last feature");
    }

    /**
     * A POSTed query's filter goes into its links as KVP FILTER: here ResourceIds, and a property
     * named with a prefix of the client's choosing ("plan"), which only the request's root declares.
     */
    @Test
    void postedFilterCarriesOverIntoTheLinks() throws Exception {
        LayerConfig big = WfsSupport.layers().stream().filter(l -> l.featureType().hasGeometry())
                .max((a, b) -> Long.compare(count(a), count(b))).orElseThrow();
        String attribute = big.featureType().attributes().get(0).name();
        List<String> wanted = List.of(big.id() + ".1", big.id() + ".2", big.id() + ".3", big.id() + ".4",
                big.id() + ".5");
        StringBuilder ids = new StringBuilder();
        for (String id : wanted) ids.append("<fes:ResourceId rid=\"").append(id).append("\"/>");
        String notNull = "<fes:Not><fes:PropertyIsNull><fes:ValueReference>plan:" + attribute
                + "</fes:ValueReference></fes:PropertyIsNull></fes:Not>";
        for (String filter : List.of(ids.toString(), notNull)) {
            List<String> seen = new java.util.ArrayList<>();
            Xml page = new Xml(
                    WfsSupport.post(pageRequest(big.id(), 2, "<fes:Filter>" + filter + "</fes:Filter>")).asByteArray());
            String matched = page.s("/wfs:FeatureCollection/@numberMatched");
            seen.addAll(memberIds(page));
            for (int pages = 1; !page.s("/wfs:FeatureCollection/@next").isEmpty() && pages < 100; pages++) {
                page = fetch(page.s("/wfs:FeatureCollection/@next"));
                assertEquals(matched, page.s("/wfs:FeatureCollection/@numberMatched"),
                        "the same result set on every page");
                seen.addAll(memberIds(page));
            }
            assertEquals(Long.parseLong(matched), seen.size());
            assertEquals(seen.size(), new java.util.HashSet<>(seen).size(), "no feature twice");
            if (filter.contains("ResourceId")) assertEquals(wanted, seen);
        }
    }

    private static String pageRequest(String layer, int count) {
        return pageRequest(layer, count, "");
    }

    private static String pageRequest(String layer, int count, String filter) {
        return "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:yanggao=\"http://ecoplan.org/yanggao\""
                + " xmlns:plan=\"http://ecoplan.org/yanggao\" xmlns:fes=\"http://www.opengis.net/fes/2.0\" service=\"WFS\" version=\"2.0.0\" count=\""
                + count
                + "\"><wfs:Query typeNames=\"yanggao:" + layer + "\">" + filter + "</wfs:Query></wfs:GetFeature>";
    }

    private static Xml fetch(String url) throws Exception {
        assertFalse(url.isEmpty(), "a link to follow");
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), url);
        return new Xml(r.body());
    }

    private static List<String> memberIds(Xml x) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= x.n("//wfs:member"); i++) ids.add(x.s("(//wfs:member/*)[" + i + "]/@gml:id"));
        return ids;
    }

    private static long count(LayerConfig l) {
        try {
            return hits(l.id());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void srsNameFormsGiveKnownAxisOrder() throws Exception {
        LayerConfig points = WfsSupport.layers().stream()
                .filter(l -> l.featureType().hasGeometry()
                        && l.featureType().geometry().type().sfName().equals("Point"))
                .findFirst().orElseThrow();
        String id = points.id() + ".1";
        JsonNode f = JSON
                .readTree(WfsSupport.get("REQUEST", "GetFeature", "RESOURCEID", id, "OUTPUTFORMAT", "application/json")
                        .asByteArray())
                .get("features").get(0);
        double lon = f.get("geometry").get("coordinates").get(0).asDouble();
        double lat = f.get("geometry").get("coordinates").get(1).asDouble();
        assertTrue(lon > 113 && lon < 115 && lat > 39 && lat < 41, "GeoJSON is lon/lat: " + lon + "," + lat);
        String[] urn = new Xml(
                WfsSupport.get("REQUEST", "GetFeature", "RESOURCEID", id, "SRSNAME", "urn:ogc:def:crs:EPSG::4326")
                        .asByteArray())
                .s("//gml:pos").split(" ");
        assertEquals(lat, Double.parseDouble(urn[0]), 1e-7);
        assertEquals(lon, Double.parseDouble(urn[1]), 1e-7);
        String[] shortForm = new Xml(WfsSupport.get("REQUEST", "GetFeature", "RESOURCEID", id, "SRSNAME", "EPSG:4490")
                .asByteArray()).s("//gml:pos").split(" ");
        assertEquals(lon, Double.parseDouble(shortForm[0]), 1e-7);
        String[] gk = new Xml(
                WfsSupport.get("REQUEST", "GetFeature", "RESOURCEID", id, "SRSNAME", "urn:ogc:def:crs:EPSG::4547")
                        .asByteArray())
                .s("//gml:pos").split(" ");
        assertTrue(Double.parseDouble(gk[0]) > 4.3e6, "CGCS2000 GK CM 114E: northing first " + gk[0]);
        assertTrue(Double.parseDouble(gk[1]) > 300_000 && Double.parseDouble(gk[1]) < 700_000,
                "easting second " + gk[1]);
    }

    @Test
    void sortByResourceIdFilterAndPropertyValue() throws Exception {
        LayerConfig zones = WfsSupport.catalog().layer("restoration_zones").orElseThrow();
        JsonNode byId = JSON.readTree(
                WfsSupport.get("REQUEST", "GetFeature", "RESOURCEID", "restoration_zones.2,restoration_zones.1",
                        "OUTPUTFORMAT", "application/json").asByteArray());
        assertEquals(2, byId.get("numberMatched").asInt());
        String firstAttr = zones.featureType().attributes().get(0).name();
        JsonNode desc = JSON.readTree(WfsSupport.get("REQUEST", "GetFeature", "TYPENAMES", "yanggao:restoration_zones",
                "SORTBY", firstAttr + " DESC", "OUTPUTFORMAT", "application/json").asByteArray());
        JsonNode feats = desc.get("features");
        for (int i = 1; i < feats.size(); i++) {
            String a = feats.get(i - 1).get("properties").get(firstAttr).asText();
            String b = feats.get(i).get("properties").get(firstAttr).asText();
            assertTrue(a.compareTo(b) >= 0, "descending: " + a + " then " + b);
        }
        String value = feats.get(0).get("properties").get(firstAttr).asText();
        String filter = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo><fes:ValueReference>"
                + firstAttr + "</fes:ValueReference><fes:Literal>" + value
                + "</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";
        JsonNode filtered = JSON
                .readTree(WfsSupport.get("REQUEST", "GetFeature", "TYPENAMES", "yanggao:restoration_zones",
                        "FILTER", filter, "OUTPUTFORMAT", "application/json").asByteArray());
        assertTrue(filtered.get("numberMatched").asInt() >= 1);
        for (JsonNode f : filtered.get("features")) assertEquals(value, f.get("properties").get(firstAttr).asText());
        Xml pv = new Xml(WfsSupport.get("REQUEST", "GetPropertyValue", "TYPENAMES", "yanggao:restoration_zones",
                "VALUEREFERENCE", firstAttr, "SORTBY", firstAttr + " DESC").asByteArray());
        assertEquals(value, pv.s("/wfs:ValueCollection/wfs:member[1]"));
    }

    @Test
    void featureByIdAndNotFound() throws Exception {
        var ok = WfsSupport.get("REQUEST", "GetFeature", "STOREDQUERY_ID", "urn:ogc:def:query:OGC-WFS::GetFeatureById",
                "ID", "restoration_zones.1");
        assertEquals(200, ok.statusCode());
        assertEquals("restoration_zones.1", new Xml(ok.asByteArray()).bind("yanggao", "http://ecoplan.org/yanggao")
                .s("/yanggao:restoration_zones/@gml:id"));
        var missing = WfsSupport.get("REQUEST", "GetFeature", "STOREDQUERY_ID",
                "urn:ogc:def:query:OGC-WFS::GetFeatureById",
                "ID", "restoration_zones.999999");
        assertEquals(404, missing.statusCode());
        assertEquals("NotFound", new Xml(missing.asByteArray()).s("//ows:Exception/@exceptionCode"));
        assertFalse(missing.asString().contains("at org."), "no stack trace");
    }
}
