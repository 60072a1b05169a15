package org.ecoplan.server.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OGC CITE executable test suite for WMS 1.3.0 (ets-wms13 1.34, a CTL suite run by TEAM
 * Engine) against the WMS with the CITE reference layers switched on. Conformance classes run:
 * data-independent, data preconditions, basic, queryable and recommended; the optional raster
 * elevation, vector elevation and time classes are switched off (no such data is served).
 *
 * <p>The CTL scripts are not published as a Maven artifact that resolves; the tools directory
 * ships them ({@code ets/ets-wms13-1.34/src/main/scripts/ctl}, the suite's release tag), and
 * ETS_WMS13_CTL_DIR points elsewhere. Without them the test fails on CI and is skipped elsewhere.
 */
class Wms13CiteIT {
    static final String CTL_VERSION = "1.34";

    @Test
    void wms13SuitePassesWithoutFailures() throws Exception {
        CitePrerequisites.require(EtsRunner.available(),
                "the CITE runner " + EtsRunner.toolsDir().resolve("run-ets.sh") + " is missing (set CITE_TOOLS)");
        Path ctl = ctlScripts();
        CitePrerequisites.require(ctl != null && Files.isRegularFile(ctl.resolve("main-auto.xml")),
                "no ets-wms13 " + CTL_VERSION + " CTL scripts in " + EtsRunner.toolsDir().resolve("ets")
                        + " (or ETS_WMS13_CTL_DIR, the suite's src/main/scripts/ctl)");
        // the cite workspace's virtual service, names unqualified as the suite's data expect: its CTL scripts
        // encode a layer name once more when it holds a colon (cite%253ALakes), so qualified names never resolve
        String url = CiteServer.baseUrl() + "/cite/wms";
        EtsRunner.Run run = EtsRunner.run("wms13", url, Map.of("ETS_WMS13_CTL_DIR", ctl.toString()), List.of());
        assertTrue(run.summary().passed() > 0, "no test passed, the suite did not really run:\n" + run.describe());
        assertEquals(0, run.summary().failed(), run.describe());
    }

    /** ETS_WMS13_CTL_DIR, else the scripts shipped in the tools directory, else null. */
    static Path ctlScripts() {
        return EtsRunner.ctlScripts("ETS_WMS13_CTL_DIR", "ets-wms13-" + CTL_VERSION);
    }
}
