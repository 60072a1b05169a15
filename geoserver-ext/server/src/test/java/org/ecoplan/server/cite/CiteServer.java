package org.ecoplan.server.cite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.server.EcoplanServer;
import org.ecoplan.server.ServerFixture;

/**
 * A second server in the test JVM with the cite workspace switched on (ECOPLAN_CITE): the shared
 * fixture's workspaces plus {@code cite}, whose reference data are converted by {@code bin/cite-data}
 * and loaded by the real data-loader into a fresh GeoPackage. The shared {@link ServerFixture}
 * keeps serving without it, so other integration tests never see the CITE layers.
 */
final class CiteServer {
    private static EcoplanServer server;

    private CiteServer() {}

    /**
     * The operator contact a deployment sets (ECOPLAN_CONTACT_*): the suite's recommendations
     * class wants a postal address or a phone number in the capabilities. The project publishes
     * none by default rather than invent one; this test deployment names the county it serves.
     */
    private static void deploymentContact() {
        String[][] contact = {
                {"ECOPLAN_CONTACT_ADDRESS", "阳高县（测试部署 / test deployment）"},
                {"ECOPLAN_CONTACT_CITY", "大同市"},
                {"ECOPLAN_CONTACT_PROVINCE", "山西省"},
                {"ECOPLAN_CONTACT_COUNTRY", "中国"}};
        for (String[] kv : contact) {
            if (System.getProperty(kv[0], System.getenv(kv[0])) == null) System.setProperty(kv[0], kv[1]);
        }
    }

    /** Starts the server once and returns its base URL; fails or skips (see {@link CitePrerequisites}) without the data. */
    static synchronized String baseUrl() throws Exception {
        if (server != null) return "http://localhost:" + server.port();
        Path ws = ServerFixture.workspace();
        convertReferenceData(ws);
        // the plan store: loaded once by the shared fixture, which publishes its URL as PLAN_STORE_URL
        ServerFixture.baseUrl();
        Path gpkg = Files.createTempDirectory("ecoplan-cite").resolve("cite.gpkg");
        ServerFixture.runLoader("load", "--data-dir", ws.toString(), "--workspace", "cite", "--store", "gpkg:" + gpkg);
        deploymentContact();
        server = ServerFixture.startPrivate(ws,
                java.util.Map.of("CITE_STORE_URL", "gpkg:" + gpkg, "ECOPLAN_CITE", "true"),
                ServerSettings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // JVM exiting
            }
        }));
        return "http://localhost:" + server.port();
    }

    /** Runs bin/cite-data (ogr2ogr: MapInfo to GeoJSON into cite/build). */
    private static void convertReferenceData(Path ws) throws Exception {
        String dataDir = CitePrerequisites.setting("CITE_WMS13_DATA");
        Path data = dataDir != null ? Path.of(dataDir) : ws.resolve("../shared/cite/wms13-data").normalize();
        CitePrerequisites.require(Files.isRegularFile(data.resolve("Lakes.mif")),
                "the CITE WMS 1.3.0 reference data (MapInfo files) are not in " + data + " (set CITE_WMS13_DATA)");
        CitePrerequisites.require(onPath("ogr2ogr"), "ogr2ogr (gdal-bin) is not installed");
        Process p = new ProcessBuilder(List.of(ws.resolve("bin/cite-data").toString(), data.toString()))
                .directory(ws.toFile()).inheritIO().start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/cite-data did not finish");
        }
        if (p.exitValue() != 0) throw new IllegalStateException("bin/cite-data exited with " + p.exitValue());
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }
}
