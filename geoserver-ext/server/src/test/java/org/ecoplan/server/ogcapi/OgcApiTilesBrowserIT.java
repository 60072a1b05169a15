package org.ecoplan.server.ogcapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * OpenLayers' OGC API sources (OGCVectorTile, OGCMapTile) in Chromium read a collection's tileset
 * metadata and tile matrix set and load its MVT and PNG tiles without an error
 * (frontend/test/ogcapi-tiles.test.mjs). Needs node, the viewer's node_modules and Chromium; with
 * CI=true a missing one fails the test, otherwise it is skipped. The screenshot goes to
 * target/ogcapi-screenshots.
 */
class OgcApiTilesBrowserIT {
    @Test
    void openLayersLoadsTheTilesets() throws Exception {
        Path frontend = ServerFixture.workspace().resolve("geoserver-ext/viewer/frontend");
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        boolean ready = new ProcessBuilder("sh", "-c", "command -v node").start().waitFor() == 0
                && Files.isDirectory(frontend.resolve("node_modules/playwright-core"))
                && Files.isDirectory(frontend.resolve("node_modules/esbuild")) && Files.isExecutable(chromium);
        if ("true".equals(System.getenv("CI"))) assertTrue(ready, "node, frontend/node_modules and Chromium needed");
        Assumptions.assumeTrue(ready, "node, frontend/node_modules or Chromium missing");
        Path out = Path.of("target/ogcapi-screenshots").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder("node", "test/ogcapi-tiles.test.mjs").directory(frontend.toFile())
                .redirectErrorStream(true);
        pb.environment().put("BASE_URL", ServerFixture.planUrl());
        pb.environment().put("OUT_DIR", out.toString());
        pb.environment().put("CHROMIUM", chromium.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the browser test did not finish:\n" + output);
        }
        assertEquals(0, p.exitValue(), "browser test failed:\n" + output);
        assertTrue(output.contains("\"ok\":true"), output);
        assertTrue(Files.size(out.resolve("ogcapi-tiles.png")) > 10_000, "screenshot written");
    }
}
