package org.ecoplan.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs real OGC clients (GDAL, OWSLib) as subprocesses for the interoperability tests. A missing
 * client fails the test on CI (CI=true, where bin/test installs them) and skips it elsewhere.
 */
public final class ClientCommands {
    private ClientCommands() {}

    /** Exit code and combined output of a finished client. */
    public record Result(int exit, String out) {}

    public static void require(boolean available, String what) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) assertTrue(available, what + " is required when CI=true");
        Assumptions.assumeTrue(available, what + " not installed");
    }

    public static Result run(List<String> cmd, Path workDir) throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "client", ".log");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("client did not finish: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    public static boolean works(List<String> cmd, Path dir) {
        try {
            return run(cmd, dir).exit() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * The first Python that can import {@code module} (e.g. "owslib.wmts"): ECOPLAN_PYTHON, the
     * system Python (Debian's OWSLib lives there), or python3 on the PATH; null if none can.
     */
    public static String python(String module, Path dir) {
        List<String> candidates = new ArrayList<>();
        if (System.getenv("ECOPLAN_PYTHON") != null) candidates.add(System.getenv("ECOPLAN_PYTHON"));
        candidates.add("/usr/bin/python3");
        candidates.add("python3");
        for (String c : candidates) if (works(List.of(c, "-c", "import " + module), dir)) return c;
        return null;
    }
}
