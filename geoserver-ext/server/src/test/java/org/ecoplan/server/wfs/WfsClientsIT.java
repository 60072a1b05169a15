package org.ecoplan.server.wfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.server.ClientEndpoint;
import org.ecoplan.testkit.Xml;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real WFS clients against the running server: GDAL's WFS driver (ogrinfo, ogr2ogr) and OWSLib, at the
 * workspace's virtual service and at the global one (type names are qualified at both, as WFS names are QNames).
 * A missing client fails when CI=true (CI installs them) and skips the test otherwise.
 */
class WfsClientsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int exit, String output) {}

    private static Run run(Path dir, List<String> cmd) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "client", ".log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("client did not finish: " + cmd);
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static boolean available(Path dir, String... cmd) {
        try {
            return run(dir, List.of(cmd)).exit() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void need(boolean ok, String what) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) assertTrue(ok, what + " must be installed when CI=true");
        Assumptions.assumeTrue(ok, what + " is not installed");
    }

    private static long hits(String layer) throws Exception {
        return Long.parseLong(new Xml(WfsSupport.get("REQUEST", "GetFeature", "TYPENAMES", "yanggao:" + layer,
                "RESULTTYPE", "hits").asByteArray()).s("/wfs:FeatureCollection/@numberMatched"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecoplan.server.ClientEndpoint#both")
    void ogrinfoReadsEveryFeatureTypeWithItsCount(ClientEndpoint at) throws Exception {
        need(available(dir, "ogrinfo", "--version"), "ogrinfo (GDAL)");
        Run r = run(dir,
                List.of("ogrinfo", "-ro", "-al", "-so", "WFS:" + at.base() + "/wfs?SERVICE=WFS&VERSION=2.0.0"));
        assertEquals(0, r.exit(), r.output());
        for (LayerConfig l : WfsSupport.layers()) {
            Matcher m = Pattern.compile("Layer name: yanggao:" + l.id() + "\\R(?:.*\\R)*?Feature Count: (\\d+)")
                    .matcher(r.output());
            assertTrue(m.find(), "ogrinfo lists yanggao:" + l.id() + "\n" + r.output());
            assertEquals(hits(l.id()), Long.parseLong(m.group(1)), l.id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecoplan.server.ClientEndpoint#both")
    void ogr2ogrCopiesFeaturesWithTheirCoordinates(ClientEndpoint at) throws Exception {
        need(available(dir, "ogr2ogr", "--version"), "ogr2ogr (GDAL)");
        LayerConfig points = WfsSupport.layers().stream()
                .filter(l -> l.featureType().hasGeometry()
                        && l.featureType().geometry().type().sfName().equals("Point"))
                .findFirst().orElseThrow();
        Path out = dir.resolve("out.geojson");
        Run r = run(dir, List.of("ogr2ogr", "-f", "GeoJSON", out.toString(),
                "WFS:" + at.base() + "/wfs?SERVICE=WFS&VERSION=2.0.0", "yanggao:" + points.id()));
        assertEquals(0, r.exit(), r.output());
        JsonNode copied = JSON.readTree(out.toFile());
        JsonNode ours = JSON.readTree(WfsSupport.get("REQUEST", "GetFeature", "TYPENAMES", "yanggao:" + points.id(),
                "OUTPUTFORMAT", "application/json").asByteArray());
        assertEquals(ours.get("features").size(), copied.get("features").size());
        JsonNode a = ours.get("features").get(0).get("geometry").get("coordinates");
        JsonNode b = copied.get("features").get(0).get("geometry").get("coordinates");
        assertEquals(a.get(0).asDouble(), b.get(0).asDouble(), 1e-7, "longitude");
        assertEquals(a.get(1).asDouble(), b.get(1).asDouble(), 1e-7, "latitude");
    }

    private static String python(Path dir) {
        List<String> candidates = new ArrayList<>();
        if (System.getenv("ECOPLAN_PYTHON") != null) candidates.add(System.getenv("ECOPLAN_PYTHON"));
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        for (String c : candidates) if (available(dir, c, "-c", "import owslib")) return c;
        return null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecoplan.server.ClientEndpoint#both")
    void owslibGetFeatureWithFilter(ClientEndpoint at) throws Exception {
        String python = python(dir);
        need(python != null, "python3 with OWSLib");
        LayerConfig zones = WfsSupport.catalog().layer("restoration_zones").orElseThrow();
        String attr = zones.featureType().attributes().get(0).name();
        JsonNode all = JSON.readTree(WfsSupport.get("REQUEST", "GetFeature", "TYPENAMES", "yanggao:restoration_zones",
                "OUTPUTFORMAT", "application/json").asByteArray());
        String value = all.get("features").get(0).get("properties").get(attr).asText();
        Path script = dir.resolve("wfs.py");
        Files.writeString(script, String.join("\n",
                "import sys, json",
                "from owslib.wfs import WebFeatureService",
                "from owslib.fes2 import PropertyIsEqualTo, Filter",
                "url, attr, value = sys.argv[1], sys.argv[2], sys.argv[3]",
                "wfs = WebFeatureService(url, version='2.0.0')",
                "print('TYPES', json.dumps(sorted(wfs.contents)))",
                // OWSLib 0.27 sends a GET filter as a non-standard QUERY parameter; its POST encoding is the
                // standard one (wfs:Query with fes:Filter), so the filter goes by POST
                "flt = Filter(PropertyIsEqualTo(propertyname=attr, literal=value)).toXML()",
                "resp = wfs.getfeature(typename=['yanggao:restoration_zones'], filter=flt, outputFormat='application/json', method='Post')",
                "data = json.loads(resp.read())",
                "print('MATCHED', len(data['features']))",
                "print('VALUES', sorted(set(f['properties'][attr] for f in data['features'])))",
                ""), StandardCharsets.UTF_8);
        Run r = run(dir, List.of(python, script.toString(), at.base() + "/wfs", attr, value));
        assertEquals(0, r.exit(), r.output());
        String types = r.output().lines().filter(l -> l.startsWith("TYPES ")).findFirst()
                .orElseThrow(() -> new AssertionError(r.output())).substring(6);
        List<String> listed = new ArrayList<>();
        JSON.readTree(types).forEach(t -> listed.add(t.asText()));
        for (LayerConfig l : WfsSupport.layers())
            assertTrue(listed.contains("yanggao:" + l.id()), l.id() + " " + types);
        if (at.prefix().isEmpty()) assertEquals(WfsSupport.layers().size(), listed.size(), "only the plan's types");
        long expected = 0;
        for (JsonNode f : all.get("features")) if (value.equals(f.get("properties").get(attr).asText())) expected++;
        assertTrue(r.output().contains("MATCHED " + expected), r.output());
        assertTrue(r.output().contains("VALUES ['" + value + "']"), r.output());
    }
}
