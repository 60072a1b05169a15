package org.ecoplan.server.viewer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ecoplan.server.BrowserScript;
import org.junit.jupiter.api.Test;

/**
 * The viewer in headless Chromium (playwright-core, geoserver-ext/viewer/frontend/test/viewer.test.mjs):
 * the map draws the county, a click on a project opens a popup with Chinese attribute names, the
 * phase filter offers the phases the data holds, the CGCS2000 view draws the same projects, and no
 * request leaves the server. Screenshots go to target/viewer-screenshots.
 */
class ViewerBrowserIT {
    @Test
    void viewerWorksInChromium() throws Exception {
        Path out = Path.of("target/viewer-screenshots");
        BrowserScript.run("viewer.test.mjs", out);
        assertTrue(Files.size(out.resolve("mercator-all.png")) > 10_000, "screenshot written");
    }
}
