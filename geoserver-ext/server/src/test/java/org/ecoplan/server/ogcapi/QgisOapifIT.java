package org.ecoplan.server.ogcapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.server.ClientCommands;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QGIS's OAPIF provider (Debian python3-qgis, offscreen) loads every collection of the plan's
 * OGC API, reads as many features as the WFS counts, and draws each collection with geometry.
 * Fails when CI=true and QGIS is missing (bin/test installs it).
 */
class QgisOapifIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void qgisLoadsAndDrawsEveryCollection() throws Exception {
        String python = ClientCommands.python("qgis.core", dir);
        ClientCommands.require(python != null, "QGIS (python3-qgis)");
        Path script = dir.resolve("qgis_oapif.py");
        try (InputStream in = getClass().getResourceAsStream("/clients/qgis_oapif.py")) {
            Files.copy(in, script);
        }
        List<LayerConfig> layers = ServerFixture.plan().layers();
        List<String> ids = new ArrayList<>();
        for (LayerConfig l : layers) ids.add(l.id());
        ClientCommands.Result r = ClientCommands.run(List.of(python, script.toString(),
                ServerFixture.planUrl() + "/ogcapi", String.join(",", ids)), dir);
        assertEquals(0, r.exit(), r.out());
        String out = r.out();
        // QGIS may log to the same stream: the result is the last line that is a JSON object
        String line = out.lines().filter(x -> x.startsWith("{")).reduce((a, b) -> b).orElse("{}");
        JsonNode result = JSON.readTree(line);
        for (LayerConfig l : layers) {
            JsonNode c = result.path(l.id());
            assertTrue(c.path("valid").asBoolean(), l.id() + " " + out);
            long hits = Long.parseLong(given().get(ServerFixture.planUrl() + "/wfs?SERVICE=WFS&VERSION=2.0.0"
                    + "&REQUEST=GetFeature&TYPENAMES=yanggao:" + l.id() + "&RESULTTYPE=hits").xmlPath()
                    .getString("FeatureCollection.@numberMatched"));
            assertEquals(hits, c.path("count").asLong(), l.id());
            assertEquals(l.featureType().hasGeometry(), c.path("spatial").asBoolean(), l.id());
            if (l.featureType().hasGeometry()) assertTrue(c.path("painted").asInt() > 0, l.id() + " drawn: " + c);
        }
    }
}
