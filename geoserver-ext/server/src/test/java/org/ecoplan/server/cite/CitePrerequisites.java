package org.ecoplan.server.cite;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * What happens when something the CITE runs need is missing (a tool, the reference data, the
 * suite scripts): on CI (environment CI=true) the test fails, so a green build always means the
 * suites really ran; on a developer machine the test is skipped with the reason.
 */
final class CitePrerequisites {
    private CitePrerequisites() {}

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Fails (CI) or skips (elsewhere) the calling test unless {@code present}. */
    static void require(boolean present, String whatIsMissing) {
        if (present) return;
        if (onCi()) fail(whatIsMissing + " (CI=true: the CITE suites must run)");
        Assumptions.assumeTrue(false, whatIsMissing + "; skipped (with CI=true this is a failure)");
    }

    /** The value of a setting given as system property or environment variable, or null. */
    static String setting(String name) {
        String v = System.getProperty(name, System.getenv(name));
        return v == null || v.isBlank() ? null : v.trim();
    }
}
