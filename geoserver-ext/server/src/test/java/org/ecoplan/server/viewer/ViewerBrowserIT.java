package org.ecoplan.server.viewer;

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
 * The viewer in headless Chromium (playwright-core, geoserver-ext/viewer/frontend/test/viewer.test.mjs):
 * the map draws the county, a click on a project opens a popup with Chinese attribute names, the
 * phase filter changes what is drawn, the CGCS2000 view draws the same projects, and no request
 * leaves the server. Screenshots go to target/viewer-screenshots. Requires node, the frontend's
 * node_modules (installed by the viewer module's build) and /usr/bin/chromium; with CI=true a
 * missing one fails the test, otherwise it is skipped.
 */
class ViewerBrowserIT {
    @Test
    void viewerWorksInChromium() throws Exception {
        Path frontend = ServerFixture.workspace().resolve("geoserver-ext/viewer/frontend");
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        boolean hasNode = new ProcessBuilder("sh", "-c", "command -v node").start().waitFor() == 0;
        boolean hasPlaywright = Files.isDirectory(frontend.resolve("node_modules/playwright-core"));
        boolean hasChromium = Files.isExecutable(chromium);
        String missing = (hasNode ? "" : "node ")
                + (hasPlaywright ? "" : "frontend/node_modules (build the viewer module) ")
                + (hasChromium ? "" : chromium + " (apt-get install chromium)");
        if ("true".equals(System.getenv("CI")))
            assertTrue(missing.isEmpty(), "missing for the browser test: " + missing);
        Assumptions.assumeTrue(missing.isEmpty(), "missing for the browser test: " + missing);

        Path out = Path.of("target/viewer-screenshots").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder("node", "test/viewer.test.mjs").directory(frontend.toFile())
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
        assertTrue(Files.size(out.resolve("mercator-all.png")) > 10_000, "screenshot written");
    }
}
