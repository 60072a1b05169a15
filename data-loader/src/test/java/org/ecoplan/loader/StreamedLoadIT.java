package org.ecoplan.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.config.CatalogLoader;
import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.DataStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A layer without data rules is streamed: checked in a first reading, written in a second, nothing
 * held in between. Proven by loading more polygons than the heap the loader is given could hold,
 * into a GeoPackage and into PostGIS (COPY), and by a source changed between the two readings,
 * which writes nothing.
 */
class StreamedLoadIT {
    /** More features than fit in the heap below when held (each is a 13-point polygon with attributes). */
    private static final int FEATURES = 150_000;
    private static final String HEAP = "-Xmx64m";

    @TempDir
    Path tmp;

    @Test
    void moreFeaturesThanTheHeapCouldHoldLoadIntoAGeoPackageAndPostGis() throws Exception {
        FixtureWorkspace ws = FixtureWorkspace.copy(tmp);
        writeParcels(ws.root.resolve("data/parcels.geojson"));
        Files.writeString(ws.root.resolve("layers/fixture/parcels.yaml"),
                """
                        id: parcels
                        title: {zh: 地块, en: Parcels}
                        abstract: {zh: 测试用大量地块, en: Many test parcels}
                        store: plan
                        geometry: {type: Polygon, crs: EPSG:4490}
                        source: {file: data/parcels.geojson, format: geojson}
                        attributes:
                          - {name: code, type: string, required: true, alias: {zh: 编码, en: Code}}
                          - {name: note, type: string, alias: {zh: 备注, en: Note}}
                          - {name: area_km2, type: double, derive: area_km2, alias: {zh: 面积, en: Area}}
                        styles: {default: fixture}
                        metadata: {source: test fixture, licence: CC0-1.0, attribution: ecoplan tests, schematic: true, confidence: low, planSection: "0"}
                        """);
        String gpkg = "gpkg:" + tmp.resolve("big.gpkg");
        Loaded g = loadJar(ws.root, gpkg);
        assertEquals(0, g.code, g.output);
        assertTrue(g.output.contains("parcels: 150000 features checked, 0 error(s)"), g.output);
        assertTrue(g.output.contains("parcels: 149000 features read\n"), g.output);
        assertTrue(g.output.contains("parcels: 150000 features written to table parcels"), g.output);
        assertFalse(g.output.contains("OutOfMemoryError"), g.output);
        assertParcels(gpkg, ws.root);

        try (PostGisSchema schema = new PostGisSchema()) {
            Loaded p = loadJar(ws.root, schema.url());
            assertEquals(0, p.code, p.output);
            assertParcels(schema.url(), ws.root);
        }
    }

    @Test
    void aBadFeatureFoundWhileWritingWritesNothing() throws Exception {
        FixtureWorkspace ws = FixtureWorkspace.copy(tmp);
        try (PostGisSchema schema = new PostGisSchema()) {
            assertEquals(0, ws.run("load", "--store", schema.url()).code());
            StoreSnapshot before = StoreSnapshot.read(schema.url(), ws.root);
            // county has no rule: it is checked while it is written; its last feature crosses itself
            String county = ws.read("data/county.geojson");
            int end = county.lastIndexOf(']');
            String bowtie = ", {\"type\": \"Feature\", \"properties\": {\"name\": \"bowtie\", \"adcode\": \"140299\"}, \"geometry\": "
                    + "{\"type\": \"Polygon\", \"coordinates\": [[[113.6, 40.1], [113.7, 40.2], [113.7, 40.1], "
                    + "[113.6, 40.2], [113.6, 40.1]]]}}";
            ws.write("data/county.geojson", county.substring(0, end).stripTrailing() + bowtie + county.substring(end));
            FixtureWorkspace.Run r = ws.run("load", "--store", schema.url(), "--layers", "county");
            assertEquals(1, r.code(), r::toString);
            assertTrue(r.out().contains("invalid geometry"), r::toString);
            assertTrue(r.err().contains("nothing was written"), r::toString);
            assertEquals(before, StoreSnapshot.read(schema.url(), ws.root),
                    "the rows written before it are rolled back");
        }
    }

    @Test
    void aSourceChangedBetweenCheckAndWriteWritesNothing() throws Exception {
        FixtureWorkspace ws = FixtureWorkspace.copy(tmp);
        try (PostGisSchema schema = new PostGisSchema()) {
            assertEquals(0, ws.run("load", "--store", schema.url()).code());
            StoreSnapshot before = StoreSnapshot.read(schema.url(), ws.root);
            Catalog catalog = CatalogLoader.load(ws.root);
            CatalogValidation.Result valid = new CatalogValidation(catalog, false,
                    new java.io.PrintWriter(java.io.Writer.nullWriter()))
                    .run(List.of(catalog.layer("fixture:targets").orElseThrow()));
            assertTrue(valid.clean(), () -> String.join("\n", valid.report().lines()));
            ValidatedLayer targets = valid.layers().get(0);
            assertTrue(targets.streamed(), "a layer without rules is streamed");
            // the file changes after the check: its second row no longer has a number
            ws.write("data/targets.csv", ws.read("data/targets.csv").replace("120", "many"));
            try (DataStore store = DataStores.open(schema.url())) {
                SourceException e = assertThrows(SourceException.class, () -> StoreLoad.write(store, List.of(targets),
                        new java.io.PrintWriter(java.io.Writer.nullWriter())));
                assertTrue(e.getMessage().contains("changed since it was checked"), e.getMessage());
            }
            assertEquals(before, StoreSnapshot.read(schema.url(), ws.root), "nothing written");
        }
    }

    private static void assertParcels(String url, Path root) throws Exception {
        var snapshot = StoreSnapshot.read(url, root);
        assertEquals(FEATURES, snapshot.layers().get("parcels").count());
        var features = StoreSnapshot.features(url, root, "parcels");
        // text that needs escaping in COPY's text format comes back as written
        assertEquals("tab\there, line\nbreak, back\\slash 阳高", features.get(7).get("note"));
        assertEquals("P149999", features.get(FEATURES - 1).get("code"));
        assertEquals(null, features.get(1).get("note"));
        assertEquals(13, features.get(0).geometry().getNumPoints());
    }

    private record Loaded(int code, String output) {}

    /** The packaged loader in a JVM of its own with a small heap. */
    private static Loaded loadJar(Path root, String store) throws IOException, InterruptedException {
        Path jar = Path.of("target/ecoplan-data-loader.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), jar + " is built before the integration tests");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-jar", jar.toString(), "load", "--data-dir", root.toString(), "--layers", "parcels",
                "--store", store));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the loader did not finish");
        }
        return new Loaded(p.exitValue(), out);
    }

    /** 150,000 twelve-sided parcels in a grid over the county, with a note on some. */
    private static void writeParcels(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"type\": \"FeatureCollection\", \"features\": [\n");
            for (int i = 0; i < FEATURES; i++) {
                double cx = 113.6 + (i % 500) * 0.0012;
                double cy = 40.1 + (i / 500) * 0.0012;
                StringBuilder ring = new StringBuilder();
                for (int k = 0; k <= 12; k++) {
                    double a = 2 * Math.PI * (k % 12) / 12;
                    if (k > 0) ring.append(',');
                    ring.append(String.format(Locale.ROOT, "[%.7f,%.7f]", cx + 0.0004 * Math.cos(a),
                            cy + 0.0004 * Math.sin(a)));
                }
                String note = i == 7
                        ? "\"tab\\there, line\\nbreak, back\\\\slash 阳高\""
                        : i % 2 == 0 ? "\"地块\"" : "null";
                w.write((i == 0 ? "" : ",\n") + "{\"type\": \"Feature\", \"properties\": {\"code\": \"P" + i
                        + "\", \"note\": " + note + "}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [["
                        + ring + "]]}}");
            }
            w.write("\n]}\n");
        }
    }
}
