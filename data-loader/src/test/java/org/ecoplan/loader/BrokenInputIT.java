package org.ecoplan.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.stream.Stream;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.config.CatalogLoader;
import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.DataStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads good data, then loads each broken input over it: the load must fail with exit code 1,
 * the report must name file, feature and field of every error, and the store must still serve
 * exactly what it served before (count, values, version).
 */
class BrokenInputIT {
    @TempDir
    Path tmp;
    FixtureWorkspace ws;
    String url;
    StoreSnapshot good;

    @BeforeEach
    void loadGoodData() {
        ws = FixtureWorkspace.copy(tmp);
        url = "gpkg:" + tmp.resolve("plan.gpkg");
        FixtureWorkspace.Run r = ws.run("load", "--store", url);
        assertEquals(0, r.code(), r::toString);
        good = StoreSnapshot.read(url, ws.root);
        assertEquals(3, good.layers().get("zones").count());
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("data/zones.geojson", "zones-self-intersecting.geojson", List.of(
                        "data/zones.geojson:",
                        "feature 2 (id 'Z2'), field 'geom': invalid geometry: Self-intersection at (113.9 40.15)")),
                Arguments.of("data/zones.geojson", "zones-wrong-type.geojson", List.of(
                        "feature 1 (id 'Z1'), field 'priority': wrong type: 'high' is not an integer",
                        "feature 3 (id 'Z3'), field 'priority': wrong type: 2.5 is not an integer")),
                Arguments.of("data/zones.geojson", "zones-missing-required.geojson", List.of(
                        "feature 1 (id 'Z1'), field 'zone_id': required value missing",
                        "feature 3 (id 'Z3'), field 'zone_type': required value missing")),
                Arguments.of("data/zones.geojson", "zones-unknown-crs.geojson", List.of(
                        "data/zones.geojson: field 'crs': unknown CRS 'urn:ogc:def:crs:EPSG::999999'")),
                Arguments.of("data/zones.geojson", "zones-truncated.geojson", List.of(
                        "data/zones.geojson:", ": truncated JSON")),
                Arguments.of("data/zones.geojson", "zones-empty.geojson", List.of("data/zones.geojson: file is empty")),
                Arguments.of("data/zones.geojson", "zones-unknown-property.geojson", List.of(
                        "feature 2 (id 'Z2'), field 'colour': unknown property")),
                Arguments.of("data/zones.geojson", "zones-code-list.geojson", List.of(
                        "feature 2 (id 'Z2'), field 'zone_type': value 'farm' is not in the code list")),
                Arguments.of("data/zones.geojson", "zones-coverage-gap.geojson", List.of(
                        "layers/fixture/zones.yaml:", "rule coverage of 'county': gaps")),
                Arguments.of("data/projects.csv", "projects-outside.csv", List.of(
                        "data/projects.csv: feature 2, field 'geom': rule within: the feature lies",
                        "data/projects.csv: feature 2, field 'zone_id': rule matches")),
                Arguments.of("data/patches.geojson", "patches-bowtie.geojson", List.of(
                        "data/patches.geojson:", "feature 2, field 'geom': invalid geometry: Self-intersection")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenFiles")
    void brokenFileIsRejectedAndTheGoodDataStays(String file, String broken, List<String> expected) throws Exception {
        ws.replace(file, broken);
        assertRejected(ws.run("load", "--store", url), expected);
    }

    @Test
    void gbkEncodedFileIsRejectedAndTheGoodDataStays() throws Exception {
        ws.write("data/zones.geojson", ws.read("data/zones.geojson").getBytes(Charset.forName("GBK")));
        assertRejected(ws.run("load", "--store", url), List.of("data/zones.geojson:", ": not UTF-8: invalid byte 0x"));
    }

    @Test
    void errorsInSeveralFilesAreAllReported() throws Exception {
        ws.replace("data/zones.geojson", "zones-wrong-type.geojson");
        ws.replace("data/projects.csv", "projects-outside.csv");
        ws.write("data/targets.csv", "");
        assertRejected(ws.run("load", "--store", url), List.of("field 'priority': wrong type: 'high'",
                "field 'priority': wrong type: 2.5", "data/projects.csv: feature 2, field 'geom': rule within",
                "data/targets.csv: file is empty"));
    }

    @Test
    void selectedLayerErrorsStopTheLoadOfTheOthersToo() throws Exception {
        ws.replace("data/zones.geojson", "zones-code-list.geojson");
        ws.write("data/targets.csv", ws.read("data/targets.csv").replace("18.5", "25"));
        assertRejected(ws.run("load", "--store", url, "--layers", "targets,zones"), List.of("value 'farm'"));
    }

    private void assertRejected(FixtureWorkspace.Run r, List<String> expected) {
        assertEquals(1, r.code(), r::toString);
        for (String e : expected) assertTrue(r.out().contains(e), () -> "missing '" + e + "' in\n" + r);
        assertTrue(r.err().contains("nothing was written"), r::toString);
        assertEquals(good, StoreSnapshot.read(url, ws.root), "the store must still serve the good data");
    }

    @Test
    void anExceptionHalfwayThroughWritingLeavesTheOldData() throws Exception {
        assertRollbackOnFailure(url);
    }

    @Test
    void anExceptionHalfwayThroughWritingLeavesTheOldDataInPostGis() throws Exception {
        try (PostGisSchema schema = new PostGisSchema()) {
            assertEquals(0, ws.run("load", "--store", schema.url()).code());
            StoreSnapshot before = StoreSnapshot.read(schema.url(), ws.root);
            assertRollbackOnFailure(schema.url());
            assertEquals(before, StoreSnapshot.read(schema.url(), ws.root));
        }
    }

    /** Writes two layers in one transaction; the second one's features fail on the third feature. */
    private void assertRollbackOnFailure(String storeUrl) throws Exception {
        StoreSnapshot before = StoreSnapshot.read(storeUrl, ws.root);
        Catalog catalog = CatalogLoader.load(ws.root);
        ws.write("data/targets.csv", ws.read("data/targets.csv").replace("18.5", "25"));
        CatalogValidation.Result valid = new CatalogValidation(catalog, false,
                new java.io.PrintWriter(java.io.Writer.nullWriter()))
                .run(List.of(catalog.layer("fixture:targets").orElseThrow(),
                        catalog.layer("fixture:zones").orElseThrow()));
        assertTrue(valid.clean(), () -> String.join("\n", valid.report().lines()));
        ValidatedLayer targets = valid.layers().get(0);
        ValidatedLayer zones = valid.layers().get(1);
        List<Feature> failing = new AbstractList<>() {
            @Override
            public Feature get(int i) {
                if (i == 2) throw new IllegalStateException("disk on fire at feature 3");
                return zones.features().get(i);
            }

            @Override
            public int size() { return zones.features().size(); }
        };
        ValidatedLayer broken = new ValidatedLayer(zones.config(), failing, List.of("1", "2", "3"), zones.sourceName(),
                "changed-version", 0);
        try (DataStore store = DataStores.open(storeUrl)) {
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> StoreLoad.write(store, List.of(targets, broken),
                            new java.io.PrintWriter(java.io.Writer.nullWriter())));
            assertTrue(String.valueOf(e.getMessage()).contains("disk on fire")
                    || (e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("disk on fire")),
                    e::toString);
        }
        assertEquals(before, StoreSnapshot.read(storeUrl, ws.root), "a failed transaction must leave the old data");
    }
}
