package org.ecoplan.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * GDAL's ogr2ogr as the test oracle: it writes the Shapefiles the readers are tested on and reads
 * them back as GeoJSON to compare with. Missing GDAL fails the test when CI=true (bin/test installs
 * gdal-bin) and skips it otherwise.
 */
final class Gdal {
    /** One feature as GDAL reads it. */
    record Feature(Map<String, Object> properties, Geometry geometry) {}

    private static Boolean available;

    private Gdal() {}

    static void require() {
        if (available == null) {
            try {
                available = run(Path.of("."), "ogr2ogr", "--version").startsWith("GDAL");
            } catch (AssertionError | RuntimeException e) {
                available = false;
            }
        }
        if (available) return;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("ogr2ogr (GDAL, package gdal-bin) is not installed");
        Assumptions.abort("ogr2ogr (GDAL) is not installed");
    }

    /** Runs a command in dir; fails the test on a non-zero exit. Returns standard output. */
    static String run(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timeout: " + List.of(command));
            String text = new String(out, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), () -> String.join(" ", command) + "\n" + text);
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes a Shapefile from GeoJSON text with extra ogr2ogr arguments (-lco ENCODING=…, -a_srs …). */
    static Path shapefile(Path dir, String base, String geojson, String... args) throws IOException {
        Path in = dir.resolve(base + ".src.geojson");
        Files.writeString(in, geojson);
        List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "ESRI Shapefile", base + ".shp", in.toString()));
        cmd.addAll(List.of(args));
        run(dir, cmd.toArray(String[]::new));
        return dir.resolve(base + ".shp");
    }

    /** What GDAL reads from a file, via ogr2ogr -f GeoJSON (properties as JSON gives them, dates as text). */
    static List<Feature> read(Path file, String... args) throws IOException {
        return read(file.toString(), file.getParent(), args);
    }

    /** As {@link #read(Path, String...)} for a GDAL source name (/vsizip/…), output written to dir. */
    static List<Feature> read(String source, Path dir, String... args) throws IOException {
        Path out = dir.resolve("gdal-" + System.nanoTime() + ".json");
        List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON", "-lco", "COORDINATE_PRECISION=15",
                out.toString(), source));
        cmd.addAll(List.of(args));
        run(dir, cmd.toArray(String[]::new));
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        List<Feature> features = new ArrayList<>();
        for (JsonNode f : root.get("features")) {
            Map<String, Object> props = new LinkedHashMap<>();
            f.get("properties").fields().forEachRemaining(e -> props.put(e.getKey(), json(e.getValue())));
            Geometry g = null;
            if (!f.get("geometry").isNull()) {
                try {
                    g = new GeoJsonReader().read(f.get("geometry").toString());
                } catch (ParseException e) {
                    throw new IllegalStateException(e);
                }
            }
            features.add(new Feature(props, g));
        }
        return features;
    }

    private static Object json(JsonNode v) {
        if (v.isNull()) return null;
        if (v.isIntegralNumber()) return v.asLong();
        if (v.isNumber()) return v.asDouble();
        if (v.isBoolean()) return v.asBoolean();
        return v.asText();
    }

    /** Asserts our records equal GDAL's features: same count, properties, geometries to 1e-9 (z included). */
    static void assertSame(List<Feature> gdal, List<FormatRecord> ours) {
        assertEquals(gdal.size(), ours.size(), "feature count");
        for (int i = 0; i < ours.size(); i++) {
            FormatRecord r = ours.get(i);
            Feature g = gdal.get(i);
            assertTrue(r.problems().isEmpty(), () -> "problems: " + r.problems());
            Map<String, Object> props = new LinkedHashMap<>();
            r.properties().forEach((k, v) -> props.put(k, v instanceof java.time.LocalDate d ? d.toString() : v));
            assertEquals(g.properties(), props, "properties of feature " + (i + 1));
            assertGeometry(g.geometry(), r.geometry(), 1e-9);
        }
    }

    static void assertGeometry(Geometry expected, Geometry actual, double tolerance) {
        if (expected == null) {
            assertEquals(null, actual);
            return;
        }
        assertTrue(actual != null, "geometry missing, expected " + expected);
        Geometry e = expected.norm();
        Geometry a = actual.norm();
        assertEquals(e.getGeometryType(), a.getGeometryType(), () -> "type: " + a + " vs " + e);
        assertTrue(e.equalsExact(a, tolerance), () -> "expected " + e + "\n but was " + a);
        Coordinate[] ec = e.getCoordinates();
        Coordinate[] ac = a.getCoordinates();
        for (int i = 0; i < ec.length; i++) {
            if (!Double.isNaN(ec[i].getZ()))
                assertEquals(ec[i].getZ(), ac[i].getZ(), tolerance, "z of coordinate " + i);
        }
    }

    static List<FormatRecord> readAll(FeatureFileReader r) {
        List<FormatRecord> out = new ArrayList<>();
        while (r.hasNext()) out.add(r.next());
        return out;
    }
}
