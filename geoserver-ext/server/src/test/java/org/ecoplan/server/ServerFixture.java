package org.ecoplan.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.ows.ServerSettings;

/**
 * One server per test JVM on a free port, serving the repository's data directory with two
 * workspaces at once: the shipped plan ({@link #PLAN}) and the synthetic demo county (switched on
 * with ECOPLAN_DEMO), each loaded by the real data-loader CLI into a fresh GeoPackage of its own, as
 * the README's run command does. Integration tests call {@link #baseUrl()}; the plan's own
 * endpoints are under {@link #planUrl()}.
 */
public final class ServerFixture {
    /** The workspace of the shipped plan. */
    public static final String PLAN = "yanggao";
    /** The synthetic second workspace. */
    public static final String DEMO = "demo";

    private static EcoplanServer server;

    private ServerFixture() {}

    public static Path workspace() {
        return Path.of(System.getProperty("ecoplan.workspace", "../..")).toAbsolutePath().normalize();
    }

    /** Starts the server once (loading the data first) and returns e.g. "http://localhost:41234". */
    public static synchronized String baseUrl() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("ecoplan-it");
                Path gpkg = dir.resolve("plan.gpkg");
                Path demo = dir.resolve("demo.gpkg");
                runLoader("load", "--data-dir", workspace().toString(), "--workspace", PLAN, "--store", "gpkg:" + gpkg);
                runLoader("load", "--data-dir", workspace().toString(), "--workspace", DEMO, "--store", "gpkg:" + demo);
                System.setProperty("PLAN_STORE_URL", "gpkg:" + gpkg);
                System.setProperty("DEMO_STORE_URL", "gpkg:" + demo);
                System.setProperty("ECOPLAN_DEMO", "true");
                server = EcoplanServer
                        .start(new ServerConfig(0, "127.0.0.1", workspace(), ServerSettings.fromEnvironment()));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (Exception ignored) {
                        // JVM exiting
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test server: " + e.getMessage(), e);
            }
        }
        return "http://localhost:" + server.port();
    }

    public static EcoplanServer server() {
        baseUrl();
        return server;
    }

    /** The plan workspace's own endpoints: {@code http://localhost:port/yanggao} (then /wms, /wfs, ...). */
    public static String planUrl() {
        return baseUrl() + "/" + PLAN;
    }

    /** What the plan workspace publishes (its layers, groups and identity). */
    public static CatalogView plan() {
        return server().context().catalog().view(PLAN);
    }

    /**
     * Starts a server of a test's own on port 0 over {@code dataDir}, with system properties (store
     * URLs, switches) set only while its catalog is read, so the shared server keeps its own.
     */
    public static EcoplanServer startPrivate(Path dataDir, java.util.Map<String, String> properties,
            ServerSettings settings) throws Exception {
        baseUrl(); // the shared server reads the properties first
        java.util.Map<String, String> previous = new java.util.HashMap<>();
        properties.forEach((k, v) -> previous.put(k, System.getProperty(k)));
        properties.forEach(System::setProperty);
        try {
            return EcoplanServer.start(new ServerConfig(0, "127.0.0.1", dataDir, settings));
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) System.clearProperty(k);
                else System.setProperty(k, v);
            });
        }
    }

    /** The loader arguments that load the plan workspace into a GeoPackage of a test's own. */
    public static String[] loadPlanInto(Path gpkg) {
        return new String[]{"load", "--data-dir", workspace().toString(), "--workspace", PLAN, "--store",
                "gpkg:" + gpkg};
    }

    /**
     * A server of a test's own over the plan loaded into {@code gpkg} by the real loader (for tests
     * that change or break the store), with more properties as {@link #startPrivate} sets them.
     */
    public static EcoplanServer startOnOwnPlanStore(Path gpkg, java.util.Map<String, String> more) throws Exception {
        runLoader(loadPlanInto(gpkg));
        java.util.Map<String, String> properties = new java.util.HashMap<>(more);
        properties.put("PLAN_STORE_URL", "gpkg:" + gpkg);
        return startPrivate(workspace(), properties, ServerSettings.fromEnvironment());
    }

    /** Starts the packaged data-loader jar without waiting for it (a test may kill it). */
    public static Process startLoader(String... args) throws IOException {
        Path jar = workspace().resolve("data-loader/target/ecoplan-data-loader.jar");
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " missing: run mvn package first");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(workspace().toFile()).inheritIO().start();
    }

    /** Runs the packaged data-loader jar (built by the reactor before this module's integration tests). */
    public static int runLoader(String... args) throws IOException, InterruptedException {
        Process p = startLoader(args);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("data-loader did not finish");
        }
        if (p.exitValue() != 0) throw new IllegalStateException("data-loader exited with " + p.exitValue());
        return p.exitValue();
    }
}
