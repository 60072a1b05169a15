package org.ecoplan.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.ecoplan.catalog.Feature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiLineString;

/** {@code load} of the fixture workspace into a GeoPackage and into PostGIS, read back through the store SPI. */
class LoaderIT {
    @TempDir
    Path tmp;

    /** Area of a lon/lat box on a sphere of the GRS 80 authalic radius, in km². */
    static double boxKm2(double lon0, double lat0, double lon1, double lat1) {
        double r = 6371.0072;
        return r * r * Math.toRadians(lon1 - lon0) * (Math.sin(Math.toRadians(lat1)) - Math.sin(Math.toRadians(lat0)));
    }

    static void assertClose(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(expected - actual) <= relative * Math.abs(expected),
                what + ": expected ~" + expected + ", got " + actual);
    }

    private void assertLoaded(String url, FixtureWorkspace ws) {
        StoreSnapshot s = StoreSnapshot.read(url, ws.root);
        assertEquals(List.of("county", "patches", "projects", "rivers", "targets", "zones"),
                List.copyOf(s.layers().keySet()));
        assertEquals(1, s.layers().get("county").count());
        assertEquals(3, s.layers().get("zones").count());
        assertEquals(3, s.layers().get("projects").count());
        assertEquals(2, s.layers().get("rivers").count());
        assertEquals(2, s.layers().get("targets").count());
        assertEquals(2, s.layers().get("patches").count());

        List<Feature> zones = StoreSnapshot.features(url, ws.root, "zones");
        assertEquals(List.of("Z1", "Z2", "Z3"), zones.stream().map(f -> f.get("zone_id")).toList(),
                "fids follow the source order");
        assertEquals("zones.1", zones.get(0).id());
        assertEquals(1L, zones.get(0).get("priority"));
        assertEquals("阳高县", zones.get(0).get("county"));
        assertEquals("MultiPolygon", zones.get(0).geometry().getGeometryType());
        assertClose(boxKm2(113.5, 39.9, 113.8, 40.4), (Double) zones.get(0).get("area_km2"), 0.003, "Z1 area");
        double county = (Double) StoreSnapshot.features(url, ws.root, "county").get(0).get("area_km2");
        assertClose(boxKm2(113.5, 39.9, 114.2, 40.4), county, 0.003, "county area");
        double sum = zones.stream().mapToDouble(f -> (Double) f.get("area_km2")).sum();
        assertClose(county, sum, 1e-6, "zones tile the county");

        List<Feature> projects = StoreSnapshot.features(url, ws.root, "projects");
        Feature p1 = projects.get(0);
        assertEquals("湿地修复", p1.get("name"));
        assertEquals(120.5, p1.get("cost"));
        assertEquals(LocalDate.of(2025, 3, 1), p1.get("start"));
        assertEquals(Boolean.TRUE, p1.get("active"));
        assertEquals(null, projects.get(2).get("cost"));
        assertEquals(new Coordinate(113.6, 40.1), p1.geometry().getCoordinate());

        List<Feature> targets = StoreSnapshot.features(url, ws.root, "targets");
        assertEquals("森林覆盖率", targets.get(0).get("indicator"));
        assertEquals(2035L, targets.get(0).get("year"));
        assertEquals(null, targets.get(0).geometry());

        // rivers come from a GeoPackage in EPSG:4547 and are stored in EPSG:4490
        List<Feature> rivers = StoreSnapshot.features(url, ws.root, "rivers");
        Coordinate first = rivers.get(0).geometry().getCoordinates()[0];
        assertEquals(113.55, first.x, 1e-6);
        assertEquals(40.05, first.y, 1e-6);
        assertTrue(rivers.get(0).geometry() instanceof MultiLineString);
        assertEquals("黑水河", rivers.get(1).get("name"));
        // a meridian-ish segment: 0.35° of latitude plus 0.05° of longitude
        double expected = Math.hypot(0.35 * 111.05, 0.05 * 85.2);
        assertClose(expected, (Double) rivers.get(1).get("length_km"), 0.005, "river length");
    }

    @Test
    void loadsIntoAGeoPackageCreatingItsDirectory() {
        FixtureWorkspace ws = FixtureWorkspace.copy(tmp);
        Path file = tmp.resolve("out/deeper/plan.gpkg");
        FixtureWorkspace.Run r = ws.run("load", "--store", "gpkg:" + file);
        assertEquals(0, r.code(), r::toString);
        assertTrue(Files.isRegularFile(file));
        assertTrue(r.err().contains("zones: 3 features written to table zones (version "), r::toString);
        assertLoaded("gpkg:" + file, ws);
    }

    @Test
    void defaultStoreIsTheWorkspaceStoreConfiguration() {
        FixtureWorkspace ws = FixtureWorkspace.copy(tmp);
        FixtureWorkspace.Run r = ws.run("load", "--layers", "targets");
        assertEquals(0, r.code(), r::toString);
        Path file = ws.root.resolve("var/plan.gpkg");
        assertTrue(Files.isRegularFile(file), "gpkg:var/plan.gpkg resolves against the workspace");
        assertEquals(2, StoreSnapshot.read("gpkg:" + file, ws.root).layers().get("targets").count());
    }

    @Test
    void loadingTwiceGivesTheSameStore() {
        FixtureWorkspace ws = FixtureWorkspace.copy(tmp);
        String url = "gpkg:" + tmp.resolve("plan.gpkg");
        assertEquals(0, ws.run("load", "--store", url).code());
        StoreSnapshot first = StoreSnapshot.read(url, ws.root);
        assertEquals(0, ws.run("load", "--store", url).code());
        assertEquals(first, StoreSnapshot.read(url, ws.root));
    }

    @Test
    void changedSourceGivesANewVersion() throws Exception {
        FixtureWorkspace ws = FixtureWorkspace.copy(tmp);
        String url = "gpkg:" + tmp.resolve("plan.gpkg");
        assertEquals(0, ws.run("load", "--store", url, "--layers", "targets").code());
        String before = StoreSnapshot.read(url, ws.root).layers().get("targets").version();
        ws.write("data/targets.csv", ws.read("data/targets.csv").replace("18.5", "19"));
        assertEquals(0, ws.run("load", "--store", url, "--layers", "targets").code());
        assertNotEquals(before, StoreSnapshot.read(url, ws.root).layers().get("targets").version());
    }

    @Test
    void loadsIntoPostGis() throws Exception {
        try (PostGisSchema schema = new PostGisSchema()) {
            FixtureWorkspace ws = FixtureWorkspace.copy(tmp);
            FixtureWorkspace.Run r = ws.run("load", "--store", schema.url());
            assertEquals(0, r.code(), r::toString);
            assertLoaded(schema.url(), ws);
            // the version is a function of the input, not of the store
            String gpkg = "gpkg:" + tmp.resolve("same.gpkg");
            assertEquals(0, ws.run("load", "--store", gpkg).code());
            assertEquals(StoreSnapshot.read(gpkg, ws.root).layers().get("zones").version(),
                    StoreSnapshot.read(schema.url(), ws.root).layers().get("zones").version());
            // and loading twice changes nothing
            StoreSnapshot first = StoreSnapshot.read(schema.url(), ws.root);
            assertEquals(0, ws.run("load", "--store", schema.url()).code());
            assertEquals(first, StoreSnapshot.read(schema.url(), ws.root));
        }
    }

    @Test
    void repairLoadsABowtieAsTwoTriangles() throws Exception {
        FixtureWorkspace ws = FixtureWorkspace.copy(tmp);
        ws.replace("data/patches.geojson", "patches-bowtie.geojson");
        String url = "gpkg:" + tmp.resolve("plan.gpkg");
        FixtureWorkspace.Run rejected = ws.run("load", "--store", url, "--layers", "patches");
        assertEquals(1, rejected.code(), rejected::toString);
        FixtureWorkspace.Run r = ws.run("load", "--store", url, "--layers", "patches", "--repair");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("feature 2, field 'geom': Self-intersection at (113.925 40.125) repaired"),
                r::toString);
        Feature bowtie = StoreSnapshot.features(url, ws.root, "patches").get(1);
        assertEquals("P2", bowtie.get("code"));
        assertEquals(2, bowtie.geometry().getNumGeometries());
        assertTrue(bowtie.geometry().isValid());
        // two triangles of half the box each: the area of the box, halved
        assertClose(boxKm2(113.9, 40.1, 113.95, 40.15) / 2, (Double) bowtie.get("area_km2"), 0.01, "repaired area");
    }

    @Test
    void longLoadsReportProgress() throws Exception {
        FixtureWorkspace ws = FixtureWorkspace.copy(tmp);
        StringBuilder json = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [\n");
        for (int i = 0; i < 2500; i++) {
            double x = 113.6 + (i % 50) * 0.01;
            double y = 40.0 + (i / 50) * 0.005;
            json.append(i == 0 ? "" : ",\n").append(String.format(java.util.Locale.ROOT,
                    "{\"type\": \"Feature\", \"properties\": {\"code\": \"P%d\"}, \"geometry\": {\"type\": \"Polygon\", "
                            + "\"coordinates\": [[[%f, %f], [%f, %f], [%f, %f], [%f, %f], [%f, %f]]]}}",
                    i, x, y, x + 0.004, y, x + 0.004, y + 0.004, x, y + 0.004, x, y));
        }
        ws.write("data/patches.geojson", json.append("\n]}\n").toString());
        String url = "gpkg:" + tmp.resolve("plan.gpkg");
        FixtureWorkspace.Run r = ws.run("load", "--store", url, "--layers", "patches");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("patches: 1000 features read\npatches: 2000 features read\n"), r::toString);
        assertTrue(r.err().matches("(?s).*\\npatches: [12]\\d{3}/2500 features written \\(\\d+%\\)\\n.*"), r::toString);
        assertTrue(r.err().contains("patches: 2500 features written to table patches"), r::toString);
        assertEquals(2500, StoreSnapshot.read(url, ws.root).layers().get("patches").count());
        List<Feature> back = StoreSnapshot.features(url, ws.root, "patches");
        assertEquals("P2499", back.get(2499).get("code"));
    }
}
