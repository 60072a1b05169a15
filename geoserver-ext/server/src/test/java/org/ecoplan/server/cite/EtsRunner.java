package org.ecoplan.server.cite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ecoplan.server.ServerFixture;

/**
 * Runs one OGC CITE executable test suite headless against a running service through the shared
 * runner {@code run-ets.sh} (kept beside the repository in {@code ../shared/tools/cite}, or where
 * CITE_TOOLS points). The runner fetches the suite (TestNG all-in-one jar, or TEAM Engine plus
 * CTL scripts), serves the OGC schemas offline, and summarises the result; this class only
 * starts it (with a cache of its own, see {@link EtsCache}), waits for it and reads its summary.
 */
final class EtsRunner {
    /** A guard against a hung suite, not a performance limit. */
    private static final long LIMIT_MINUTES = 60;

    /** One finished run: the counts, where the raw results are, and the runner's failure report. */
    record Run(CiteSummary summary, Path resultsDir, String report) {
        /** The summary line followed by the grouped failure reasons, for assertion messages. */
        String describe() {
            return summary + "\n" + report + "\n(raw results: " + resultsDir + ")";
        }
    }

    private EtsRunner() {}

    static Path toolsDir() {
        String dir = CitePrerequisites.setting("CITE_TOOLS");
        Path p = dir != null ? Path.of(dir) : ServerFixture.workspace().resolve("../shared/tools/cite");
        return p.toAbsolutePath().normalize();
    }

    /**
     * The CTL scripts of a suite: the directory a setting names, else the copy shipped in the tools
     * directory ({@code ets/<suite>-<version>/src/main/scripts/ctl}), else null.
     */
    static Path ctlScripts(String setting, String suiteAndVersion) {
        String dir = CitePrerequisites.setting(setting);
        if (dir != null) return Path.of(dir).toAbsolutePath().normalize();
        Path shipped = toolsDir().resolve("ets").resolve(suiteAndVersion).resolve("src/main/scripts/ctl");
        return Files.isDirectory(shipped) ? shipped : null;
    }

    static boolean available() {
        return Files.isExecutable(toolsDir().resolve("run-ets.sh"));
    }

    /**
     * Runs {@code run-ets.sh SUITE URL args...} with the extra environment {@code env}; the raw
     * results go to {@code target/cite/<suite>}.
     */
    static Run run(String suite, String url, Map<String, String> env, List<String> args)
            throws IOException, InterruptedException {
        Path results = Path.of("target", "cite", suite).toAbsolutePath();
        deleteTree(results);
        Files.createDirectories(results);
        List<String> cmd = new ArrayList<>(List.of(toolsDir().resolve("run-ets.sh").toString(), suite, url));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(results.resolve("runner.log").toFile());
        pb.environment().put("RESULTS_DIR", results.toString());
        Path cache = EtsCache.linkedTo(toolsDir().resolve("cache"),
                Path.of("target", "cite", "cache").toAbsolutePath());
        pb.environment().put("CITE_CACHE", cache.toString());
        // several JVMs share a small machine during the build; the suites need far less than the runner's 2 GiB default
        pb.environment().putIfAbsent("JAVA_OPTS", "-Xmx1g");
        // the suites run on the same JDK as the build (the runner would otherwise take whatever java is on PATH)
        pb.environment().putIfAbsent("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException(
                    suite + " did not finish within " + LIMIT_MINUTES + " minutes; see " + results);
        }
        List<String> out = Files.readAllLines(results.resolve("runner.log"), StandardCharsets.UTF_8);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        Path summaryFile = results.resolve("summary.txt");
        String report = Files.isRegularFile(summaryFile)
                ? Files.readString(summaryFile, StandardCharsets.UTF_8)
                : String.join("\n", out);
        CiteSummary summary;
        try {
            summary = CiteSummary.parse(out);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("run-ets.sh " + suite + " exited with " + p.exitValue()
                    + " without a summary; its output:\n" + String.join("\n", out), e);
        }
        System.out.println("[cite] " + summary + " in " + seconds + " s (results in " + results + ")");
        return new Run(summary, results, report);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
