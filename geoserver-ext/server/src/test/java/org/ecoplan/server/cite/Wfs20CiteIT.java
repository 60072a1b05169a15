package org.ecoplan.server.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.Test;

/**
 * The OGC CITE executable test suite for WFS 2.0 (ets-wfs20 1.25, a TestNG suite) against the
 * WFS serving the shipped plan data. The suite picks the feature types it tests from the
 * capabilities, so it needs no reference dataset. Its all-in-one jar was built for Java 8; the
 * shared runner adds JAXB 2.3 and a small agent so that it runs on Java 17.
 *
 * <p>Every failure fails this test, except the ones listed in {@link #SUITE_LIMITATIONS}: tests
 * whose outcome depends on the size of the data, not on the service.
 */
class Wfs20CiteIT {
    /**
     * PagingTests.traverseResultSetInBothDirections takes the first feature type with data in the
     * iteration order of the suite's hash map and asks for exactly 4 features plus a next page, so
     * it needs that type to hold at least 5 features; with the plan's types it picks key_areas,
     * which has the plan's 3 key areas (suite 1.25 source: PagingTests.anyFeatureType). No server
     * can pass it then: 4 features of 3 cannot be returned. The suite's own issue #71 fixed the
     * test upstream in 2017 (a type with at least two features, later count 1), in releases that
     * are not on Maven Central. WfsGetFeatureIT runs the same traversal (count 4, next, previous)
     * on a type with enough features (POSTed; KVP paging is tested there as well).
     */
    static final Set<String> SUITE_LIMITATIONS = Set.of("PagingTests.traverseResultSetInBothDirections");

    @Test
    void wfs20SuitePassesWithoutFailures() throws Exception {
        CitePrerequisites.require(EtsRunner.available(),
                "the CITE runner " + EtsRunner.toolsDir().resolve("run-ets.sh") + " is missing (set CITE_TOOLS)");
        // the plan's virtual service: one namespace, as the suite's data sampling assumes (see the class comment)
        String url = ServerFixture.planUrl() + "/wfs";
        EtsRunner.Run run = EtsRunner.run("wfs20", url, Map.of(), List.of());
        assertTrue(run.summary().passed() > 0, "no test passed, the suite did not really run:\n" + run.describe());
        List<String> failed = TestNgFailures.read(run.resultsDir());
        assertEquals(run.summary().failed(), failed.size(),
                "the results file and the summary disagree:\n" + run.describe());
        List<String> unexpected = failed.stream().filter(t -> !SUITE_LIMITATIONS.contains(t)).toList();
        assertEquals(List.of(), unexpected, run.describe());
    }
}
