package org.ecoplan.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} on the fixture workspace and on broken variants of it: exit codes and report lines. */
class ValidateCommandTest {
    @TempDir
    Path tmp;
    FixtureWorkspace ws;

    @BeforeEach
    void copy() {
        ws = FixtureWorkspace.copy(tmp);
    }

    private FixtureWorkspace.Run broken(String file, String brokenFile) throws Exception {
        ws.replace(file, brokenFile);
        FixtureWorkspace.Run r = ws.run("validate");
        assertEquals(1, r.code(), r::toString);
        return r;
    }

    @Test
    void fixtureIsValid() {
        FixtureWorkspace.Run r = ws.run("validate");
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().contains("zones: 3 features checked, 0 error(s)"), r::toString);
        assertTrue(r.err().contains("rivers: 2 features checked"), r::toString);
        assertTrue(r.err().contains("targets: 2 features checked"), r::toString);
        assertTrue(r.err().contains("6 layer(s) valid"), r::toString);
    }

    @Test
    void selfIntersectingPolygonNamesWhereAndWhy() throws Exception {
        FixtureWorkspace.Run r = broken("data/zones.geojson", "zones-self-intersecting.geojson");
        assertTrue(r.out().contains("data/zones.geojson:"), r::toString);
        assertTrue(
                r.out().contains(
                        "feature 2 (id 'Z2'), field 'geom': invalid geometry: Self-intersection at (113.9 40.15)"),
                r::toString);
        assertTrue(r.out().contains("--repair"), r::toString);
    }

    @Test
    void wrongTypesAreAllReportedWithTheirValues() throws Exception {
        FixtureWorkspace.Run r = broken("data/zones.geojson", "zones-wrong-type.geojson");
        assertTrue(r.out().contains("feature 1 (id 'Z1'), field 'priority': wrong type: 'high' is not an integer"),
                r::toString);
        assertTrue(r.out().contains("feature 3 (id 'Z3'), field 'priority': wrong type: 2.5 is not an integer"),
                r::toString);
    }

    @Test
    void missingRequiredValues() throws Exception {
        FixtureWorkspace.Run r = broken("data/zones.geojson", "zones-missing-required.geojson");
        assertTrue(r.out().contains("feature 1 (id 'Z1'), field 'zone_id': required value missing"), r::toString);
        assertTrue(r.out().contains("feature 3 (id 'Z3'), field 'zone_type': required value missing"), r::toString);
    }

    @Test
    void unknownCrsInTheFile() throws Exception {
        FixtureWorkspace.Run r = broken("data/zones.geojson", "zones-unknown-crs.geojson");
        assertTrue(r.out().contains("data/zones.geojson: field 'crs': unknown CRS 'urn:ogc:def:crs:EPSG::999999'"),
                r::toString);
    }

    @Test
    void crsInTheFileMustAgreeWithTheConfiguration() throws Exception {
        ws.write("data/zones.geojson",
                ws.read("data/zones.geojson").replaceFirst("\\{", "{\"crs\": {\"type\": \"name\", "
                        + "\"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::4547\"}},"));
        FixtureWorkspace.Run r = ws.run("validate", "--layers", "zones");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains("the file declares CRS EPSG:4547 but the layer configuration says EPSG:4490"),
                r::toString);
    }

    @Test
    void truncatedJsonHasLineAndColumn() throws Exception {
        FixtureWorkspace.Run r = broken("data/zones.geojson", "zones-truncated.geojson");
        assertTrue(r.out().matches("(?s).*data/zones\\.geojson:\\d+:\\d+: truncated JSON.*"), r::toString);
    }

    @Test
    void emptyFile() throws Exception {
        FixtureWorkspace.Run r = broken("data/zones.geojson", "zones-empty.geojson");
        assertTrue(r.out().contains("data/zones.geojson: file is empty"), r::toString);
    }

    @Test
    void gbkEncodedFileIsRejectedWithItsLine() throws Exception {
        String text = ws.read("data/zones.geojson");
        ws.write("data/zones.geojson", text.getBytes(Charset.forName("GBK")));
        FixtureWorkspace.Run r = ws.run("validate");
        assertEquals(1, r.code(), r::toString);
        long line = text.substring(0, text.indexOf("阳高县")).lines().count();
        assertTrue(r.out().contains("data/zones.geojson:" + line + ": not UTF-8: invalid byte"), r::toString);
    }

    @Test
    void unknownProperty() throws Exception {
        FixtureWorkspace.Run r = broken("data/zones.geojson", "zones-unknown-property.geojson");
        assertTrue(r.out().contains("feature 2 (id 'Z2'), field 'colour': unknown property"), r::toString);
    }

    @Test
    void codeListViolation() throws Exception {
        FixtureWorkspace.Run r = broken("data/zones.geojson", "zones-code-list.geojson");
        assertTrue(r.out().contains(
                "feature 2 (id 'Z2'), field 'zone_type': value 'farm' is not in the code list [protect, restore, develop]"),
                r::toString);
    }

    @Test
    void coverageGap() throws Exception {
        FixtureWorkspace.Run r = broken("data/zones.geojson", "zones-coverage-gap.geojson");
        assertTrue(r.out().contains("layers/fixture/zones.yaml:"), r::toString);
        assertTrue(r.out().contains("rule coverage of 'county': gaps "), r::toString);
        assertTrue(r.out().contains("largest gap near lon 113.9"), r::toString);
    }

    @Test
    void featureOutsideTheBoundary() throws Exception {
        FixtureWorkspace.Run r = broken("data/projects.csv", "projects-outside.csv");
        assertTrue(r.out().contains("data/projects.csv: feature 2, field 'geom': rule within: the feature lies "),
                r::toString);
        assertTrue(r.out().contains("outside layer 'county'"), r::toString);
        assertTrue(r.out().contains(
                "feature 2, field 'zone_id': rule matches: the feature's interior point is in no feature of layer 'zones'"),
                r::toString);
    }

    @Test
    void derivedValueInTheSourceIsRejected() throws Exception {
        ws.write("data/zones.geojson",
                ws.read("data/zones.geojson").replace("\"priority\": 3,", "\"priority\": 3, \"area_km2\": 99,"));
        FixtureWorkspace.Run r = ws.run("validate", "--layers", "zones");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains(
                "feature 3 (id 'Z3'), field 'area_km2': derived attribute (area_km2) is computed by the loader"),
                r::toString);
    }

    @Test
    void csvTypesAreParsed() throws Exception {
        ws.write("data/projects.csv", ("name,lon,lat,cost,start,active,zone_id\n"
                + "a,113.6,40.1,cheap,2025-13-01,maybe,Z1\n"
                + ",113.6,abc,1,2025-01-01,true,Z1\n").getBytes());
        FixtureWorkspace.Run r = ws.run("validate", "--layers", "projects");
        assertEquals(1, r.code(), r::toString);
        assertTrue(
                r.out().contains("data/projects.csv:2: feature 1, field 'cost': wrong type: 'cheap' is not a number"),
                r::toString);
        assertTrue(r.out().contains("feature 1, field 'start': wrong type: '2025-13-01' is not a date (YYYY-MM-DD)"),
                r::toString);
        assertTrue(r.out().contains("feature 1, field 'active': wrong type: 'maybe' is not a boolean"), r::toString);
        assertTrue(r.out().contains("data/projects.csv:3: feature 2, field 'lat': 'abc' is not a number"), r::toString);
        assertTrue(r.out().contains("data/projects.csv:3: feature 2, field 'name': required value missing"),
                r::toString);
    }

    @Test
    void swappedAxesAreOutOfRange() throws Exception {
        ws.write("data/projects.csv", ("name,lon,lat,cost,start,active,zone_id\n"
                + "a,40.1,113.6,1,2025-01-01,true,Z1\n").getBytes());
        FixtureWorkspace.Run r = ws.run("validate", "--layers", "projects");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains("field 'geom': coordinate (40.1 113.6) is outside EPSG:4490"), r::toString);
    }

    @Test
    void aShapefileSourceMustBeAShpOrAZip() throws Exception {
        ws.write("layers/fixture/patches.yaml", ws.read("layers/fixture/patches.yaml")
                .replace("{file: data/patches.geojson, format: geojson}",
                        "{file: data/patches.geojson, format: shapefile}"));
        FixtureWorkspace.Run r = ws.run("validate", "--layers", "patches");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains("data/patches.geojson: a Shapefile source is its .shp file or a .zip holding one"),
                r::toString);
    }

    @Test
    void repairMakesABowtieValid() throws Exception {
        ws.replace("data/patches.geojson", "patches-bowtie.geojson");
        FixtureWorkspace.Run rejected = ws.run("validate", "--layers", "patches");
        assertEquals(1, rejected.code(), rejected::toString);
        assertTrue(rejected.out().contains("feature 2, field 'geom': invalid geometry: Self-intersection"),
                rejected::toString);
        FixtureWorkspace.Run repaired = ws.run("validate", "--layers", "patches", "--repair");
        assertEquals(0, repaired.code(), repaired::toString);
        assertTrue(repaired.err().contains(
                "feature 2, field 'geom': Self-intersection at (113.925 40.125) repaired: Polygon → MultiPolygon with 2 part(s)"),
                repaired::toString);
    }

    @Test
    void catalogErrorsExitWithTwo() throws Exception {
        ws.write("layers/fixture/zones.yaml",
                ws.read("layers/fixture/zones.yaml").replace("type: integer", "type: number"));
        FixtureWorkspace.Run r = ws.run("validate");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.out().matches("(?s).*layers/fixture/zones\\.yaml:\\d+: unknown attribute type 'number'.*"),
                r::toString);
    }

    @Test
    void unknownLayerExitsWithTwo() {
        FixtureWorkspace.Run r = ws.run("validate", "--layers", "zones,nope");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.out().contains("--layers: unknown layer 'nope'"), r::toString);
    }

    @Test
    void referenceLayerIsReadButOnlySelectedLayersAreReported() {
        FixtureWorkspace.Run r = ws.run("validate", "--layers", "projects");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("county: 1 features checked"), r::toString);
        assertTrue(r.err().contains("1 layer(s) valid"), r::toString);
        assertFalse(r.err().contains("targets:"), r::toString);
    }

    @Test
    void helpListsExitCodes() {
        FixtureWorkspace.Run r = ws.run("load", "--help");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("Exit codes:"), r::toString);
        assertTrue(r.out().contains("--store=URL"), r::toString);
    }

    @Test
    void missingSourceFileIsAConfigurationError() throws Exception {
        Files.delete(ws.root.resolve("data/zones.geojson"));
        FixtureWorkspace.Run r = ws.run("validate");
        assertEquals(2, r.code(), r::toString);
        assertTrue(
                r.out().matches("(?s).*layers/fixture/zones\\.yaml:\\d+: source file 'data/zones.geojson' not found.*"),
                r::toString);
    }

    @Test
    void referenceLayerErrorsAreReportedForTheSelectedLayer() throws Exception {
        ws.write("data/county.geojson",
                ws.read("data/county.geojson").replace("\"adcode\": \"140221\"", "\"adcode\": null"));
        FixtureWorkspace.Run r = ws.run("validate", "--layers", "zones");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains("data/county.geojson:"), r::toString);
        assertTrue(r.out().contains("feature 1 (id '140221'), field 'adcode': required value missing"), r::toString);
    }

    @Test
    void unknownSourceCrsIsAConfigurationError() throws Exception {
        ws.write("layers/fixture/zones.yaml",
                ws.read("layers/fixture/zones.yaml").replace("geojson, crs: EPSG:4490}", "geojson, crs: EPSG:999999}"));
        FixtureWorkspace.Run r = ws.run("validate");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.out().matches("(?s).*layers/fixture/zones\\.yaml:\\d+: unknown CRS 'EPSG:999999'.*"), r::toString);
    }
}
