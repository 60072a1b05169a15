package org.ecoplan.server.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.Test;

/**
 * The OGC CITE executable test suite for WMTS 1.0.0 (ets-wmts10 1.11, a CTL suite run by TEAM
 * Engine) against the WMTS serving the shipped plan data, KVP binding. The suite reads the
 * layers, styles, formats and TileMatrixSetLimits from the capabilities, so it needs no
 * reference dataset; its optional classes (themes, dimensions, AcceptFormats, multiple sections)
 * skip themselves because the capabilities offer none of them.
 *
 * <p>The CTL scripts and the suite's resources are shipped in the tools directory
 * ({@code ets/ets-wmts10-1.11/src/main}, the suite's release tag) or named by ETS_WMTS10_CTL_DIR
 * (its {@code src/main/scripts/ctl}, with {@code src/main/resources} beside it). TEAM Engine and the
 * W3C and OWS schemas are fetched from Maven Central into the tools cache when absent
 * ({@link CiteDownloads}). Without the scripts the test fails when CI=true and is skipped elsewhere.
 */
class Wmts10CiteIT {
    @Test
    void wmts10SuitePassesWithoutFailures() throws Exception {
        CitePrerequisites.require(EtsRunner.available(),
                "the CITE runner " + EtsRunner.toolsDir().resolve("run-ets.sh") + " is missing (set CITE_TOOLS)");
        Path ctl = Wmts10Suite.ctlScripts();
        CitePrerequisites.require(ctl != null && Files.isRegularFile(ctl.resolve("wmts-auto.xml"))
                && Files.isRegularFile(Wmts10Suite.resources(ctl).resolve("rewriteNonException.xsl")),
                "no ets-wmts10 " + Wmts10Suite.VERSION + " CTL scripts and resources in "
                        + EtsRunner.toolsDir().resolve("ets") + " (or ETS_WMTS10_CTL_DIR, the suite's"
                        + " src/main/scripts/ctl with src/main/resources beside it)");
        Path shared = EtsRunner.toolsDir().resolve("cache");
        CiteDownloads.teamEngine(shared);
        CiteDownloads.schemasOfWfs20Suite(shared.resolve("schemas"));
        Wmts10Suite.seedSchemas(shared.resolve("schemas"));
        // EtsRunner uses this cache directory and keeps entries that already exist there
        Path cache = Path.of("target", "cite", "cache").toAbsolutePath();
        Wmts10Suite.prepareTeamEngine(shared, cache, Wmts10Suite.resources(ctl));
        Path results = Wmts10Suite.resultsDir(Path.of("target", "cite", "wmts10-run").toAbsolutePath(),
                cache.resolve("teamengine-" + Wmts10Suite.TEAMENGINE_VERSION + "/resources"));

        String url = ServerFixture.baseUrl() + "/wmts";
        EtsRunner.Run run = EtsRunner.run("wmts10", url,
                Map.of("ETS_WMTS10_CTL_DIR", ctl.toString(), "RESULTS_DIR", results.toString()), List.of());
        String details = run.describe() + "\n(TEAM Engine results: " + results + ")";
        assertTrue(run.summary().passed() >= 40, "the suite ran only part of its tests:\n" + details);
        assertEquals(0, run.summary().failed(), details);
    }
}
