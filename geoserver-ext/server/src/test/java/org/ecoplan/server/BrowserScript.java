package org.ecoplan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs one of the viewer frontend's browser scripts ({@code frontend/test/*.mjs}: Playwright over
 * Debian's Chromium) against the plan's endpoints of the test server, and requires its one-line
 * JSON verdict {@code "ok":true}. Needs node, the frontend's node_modules (installed by the viewer
 * module's build) and Chromium; with CI=true a missing one fails the test, otherwise it is skipped.
 */
public final class BrowserScript {
    private BrowserScript() {}

    /** Runs {@code test/<script>} with BASE_URL (the plan's endpoints) and OUT_DIR; returns its output. */
    public static String run(String script, Path outDir) throws Exception {
        Path frontend = ServerFixture.workspace().resolve("geoserver-ext/viewer/frontend");
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        boolean hasNode = new ProcessBuilder("sh", "-c", "command -v node").start().waitFor() == 0;
        boolean hasModules = Files.isDirectory(frontend.resolve("node_modules/playwright-core"))
                && Files.isDirectory(frontend.resolve("node_modules/esbuild"));
        boolean hasChromium = Files.isExecutable(chromium);
        String missing = (hasNode ? "" : "node ")
                + (hasModules ? "" : "frontend/node_modules (build the viewer module) ")
                + (hasChromium ? "" : chromium + " (apt-get install chromium)");
        if ("true".equals(System.getenv("CI")))
            assertTrue(missing.isEmpty(), "missing for the browser test: " + missing);
        Assumptions.assumeTrue(missing.isEmpty(), "missing for the browser test: " + missing);
        ProcessBuilder pb = new ProcessBuilder("node", "test/" + script).directory(frontend.toFile())
                .redirectErrorStream(true);
        pb.environment().put("BASE_URL", ServerFixture.planUrl());
        pb.environment().put("OUT_DIR", outDir.toAbsolutePath().toString());
        pb.environment().put("CHROMIUM", chromium.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the browser test did not finish:\n" + output);
        }
        assertEquals(0, p.exitValue(), "browser test failed:\n" + output);
        assertTrue(output.contains("\"ok\":true"), output);
        return output;
    }
}
