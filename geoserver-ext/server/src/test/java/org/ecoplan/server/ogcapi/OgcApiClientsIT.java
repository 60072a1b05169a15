package org.ecoplan.server.ogcapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.server.ClientCommands;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real OGC API – Features clients against the running server: GDAL's OAPIF driver (ogrinfo over
 * every collection, ogr2ogr of a filtered collection with the filter sent to the server) and
 * OWSLib's {@code owslib.ogcapi.features}. A missing client fails when CI=true.
 */
class OgcApiClientsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String api() { return ServerFixture.planUrl() + "/ogcapi"; }

    private static long wfsHits(String layer) {
        return Long.parseLong(given().get(ServerFixture.planUrl() + "/wfs?SERVICE=WFS&VERSION=2.0.0"
                + "&REQUEST=GetFeature&TYPENAMES=yanggao:" + layer + "&RESULTTYPE=hits").xmlPath()
                .getString("FeatureCollection.@numberMatched"));
    }

    @Test
    void ogrinfoReadsEveryCollectionWithItsCount() throws Exception {
        ClientCommands.require(ClientCommands.works(List.of("ogrinfo", "--version"), dir), "ogrinfo (GDAL)");
        ClientCommands.Result r = ClientCommands.run(List.of("ogrinfo", "-ro", "-al", "-so", "OAPIF:" + api()), dir);
        assertEquals(0, r.exit(), r.out());
        for (LayerConfig l : ServerFixture.plan().layers()) {
            Matcher m = Pattern.compile("Layer name: " + l.id() + "\\R(?:.*\\R)*?Feature Count: (\\d+)")
                    .matcher(r.out());
            assertTrue(m.find(), "ogrinfo lists " + l.id() + "\n" + r.out());
            assertEquals(wfsHits(l.id()), Long.parseLong(m.group(1)), l.id());
        }
    }

    @Test
    void ogr2ogrCopiesAFilteredCollectionFilteredByTheServer() throws Exception {
        ClientCommands.require(ClientCommands.works(List.of("ogr2ogr", "--version"), dir), "ogr2ogr (GDAL)");
        JsonNode first = JSON.readTree(given().get(api() + "/collections/townships/items/townships.1").asByteArray());
        String name = first.path("properties").path("name_zh").asText();
        Path out = dir.resolve("filtered.geojson");
        ClientCommands.Result r = ClientCommands.run(List.of("ogr2ogr", "--debug", "on", "-f", "GeoJSON",
                out.toString(),
                "OAPIF:" + api(), "townships", "-where", "name_zh = '" + name + "'", "-spat", "113", "39.5", "115",
                "41"), dir);
        assertEquals(0, r.exit(), r.out());
        // GDAL read the queryable from the API definition and sent the filter and the box to the server
        assertTrue(r.out().matches("(?s).*/items\\?[^\\n]*bbox=[^\\n]*name_zh=.*"), r.out());
        JsonNode copied = JSON.readTree(Files.readAllBytes(out));
        assertEquals(1, copied.path("features").size(), copied.toString());
        assertEquals(name, copied.path("features").get(0).path("properties").path("name_zh").asText());
    }

    @Test
    void owslibReadsCollectionsItemsAndQueryables() throws Exception {
        String python = ClientCommands.python("owslib.ogcapi.features", dir);
        ClientCommands.require(python != null, "OWSLib (python3-owslib)");
        String script = String.join("\n", "import json, sys",
                "from owslib.ogcapi.features import Features",
                "w = Features(sys.argv[1])",
                "cols = [c['id'] for c in w.collections()['collections']]",
                "items = w.collection_items('restoration_zones', limit=2)",
                "q = w.collection_queryables('townships')",
                "print(json.dumps({'collections': cols, 'matched': items['numberMatched'],",
                "    'returned': len(items['features']), 'queryables': sorted(q['properties'].keys()),",
                "    'conformance': w.conformance()['conformsTo']}))");
        Path file = dir.resolve("owslib_ogcapi.py");
        Files.writeString(file, script);
        ClientCommands.Result r = ClientCommands.run(List.of(python, file.toString(), api()), dir);
        assertEquals(0, r.exit(), r.out());
        JsonNode j = JSON.readTree(r.out().substring(r.out().indexOf('{')));
        assertEquals(ServerFixture.plan().layers().size(), j.path("collections").size());
        assertEquals(wfsHits("restoration_zones"), j.path("matched").asLong());
        assertEquals(2, j.path("returned").asInt());
        assertTrue(j.path("queryables").toString().contains("name_zh"), j.toString());
        assertTrue(j.path("conformance").toString().contains("ogcapi-features-2/1.0/conf/crs"));
    }
}
