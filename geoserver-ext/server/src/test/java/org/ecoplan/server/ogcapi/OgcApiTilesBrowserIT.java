package org.ecoplan.server.ogcapi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ecoplan.server.BrowserScript;
import org.junit.jupiter.api.Test;

/**
 * OpenLayers' OGC API sources (OGCVectorTile, OGCMapTile) in Chromium read a collection's tileset
 * metadata and tile matrix set and load its MVT and PNG tiles without an error
 * (frontend/test/ogcapi-tiles.test.mjs). The screenshot goes to target/ogcapi-screenshots.
 */
class OgcApiTilesBrowserIT {
    @Test
    void openLayersLoadsTheTilesets() throws Exception {
        Path out = Path.of("target/ogcapi-screenshots");
        BrowserScript.run("ogcapi-tiles.test.mjs", out);
        assertTrue(Files.size(out.resolve("ogcapi-tiles.png")) > 10_000, "screenshot written");
    }
}
