package org.ecoplan.server.cite;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome of one OGC CITE executable test suite run, as the shared runner
 * ({@code run-ets.sh}) prints it on its last line: {@code SUITE: N passed, N failed, N skipped}.
 *
 * @param suite   the suite code (wms13, wfs20, ...)
 * @param passed  tests that passed (for CTL suites: pass + best practice + warning)
 * @param failed  tests that failed
 * @param skipped tests that were skipped or not tested
 */
public record CiteSummary(String suite, int passed, int failed, int skipped) {
    private static final Pattern LINE = Pattern.compile("^([\\w-]+): (\\d+) passed, (\\d+) failed, (\\d+) skipped$");

    /** Finds the summary line in the runner's output; the last matching line wins. */
    public static CiteSummary parse(List<String> outputLines) {
        for (int i = outputLines.size() - 1; i >= 0; i--) {
            Matcher m = LINE.matcher(outputLines.get(i).strip());
            if (m.matches()) {
                return new CiteSummary(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)));
            }
        }
        throw new IllegalArgumentException("no line 'SUITE: N passed, N failed, N skipped' in the runner output ("
                + outputLines.size() + " lines)");
    }

    @Override
    public String toString() {
        return suite + ": " + passed + " passed, " + failed + " failed, " + skipped + " skipped";
    }
}
