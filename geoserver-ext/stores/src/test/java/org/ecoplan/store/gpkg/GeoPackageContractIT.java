package org.ecoplan.store.gpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.DataStores;
import org.ecoplan.store.contract.ContractFixture;
import org.ecoplan.store.contract.FeatureSourceContract;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/** The store contract on a GeoPackage file, plus checks of the file against the GeoPackage rules and GDAL. */
class GeoPackageContractIT extends FeatureSourceContract {
    private Path dir;
    private Path file;

    @Override
    protected DataStore createStore() throws IOException {
        dir = Files.createTempDirectory("gpkg-contract");
        file = dir.resolve("contract.gpkg");
        return DataStores.open("gpkg:" + file);
    }

    @Override
    protected void dropStore() throws IOException {
        if (dir == null) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void fileIsAGeoPackage13WithRtreeIndex() throws SQLException {
        try (Connection c = GeoPackageConnections.open(file, false); Statement s = c.createStatement()) {
            assertEquals(0x47504B47, single(s, "PRAGMA application_id"));
            assertEquals(10300, single(s, "PRAGMA user_version"));
            assertEquals(1, single(s,
                    "SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN (-1, 0, 4326) AND srs_id = organization_coordsys_id") >= 1
                            ? 1
                            : 0);
            assertEquals(3, single(s, "SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN (-1, 0, 4326)"));
            assertEquals(1, single(s,
                    "SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id = 4490 AND definition LIKE 'GEOGCS[%China%'"));
            assertEquals(1, single(s,
                    "SELECT count(*) FROM gpkg_contents WHERE table_name = 'plots' AND data_type = 'features' AND srs_id = 4490 AND min_x IS NOT NULL"));
            assertEquals(1, single(s,
                    "SELECT count(*) FROM gpkg_contents WHERE table_name = 'targets' AND data_type = 'attributes'"));
            assertEquals(1, single(s,
                    "SELECT count(*) FROM gpkg_geometry_columns WHERE table_name = 'plots' AND geometry_type_name = 'MULTIPOLYGON'"));
            assertEquals(1, single(s,
                    "SELECT count(*) FROM gpkg_extensions WHERE table_name = 'plots' AND extension_name = 'gpkg_rtree_index'"));
            assertEquals(35, single(s, "SELECT count(*) FROM rtree_plots_geom"));
            assertEquals(6,
                    single(s, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'plots'"));
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
            // SQLite's own check of the tree the load built beside the rows (R-tree module, rtreecheck)
            try (ResultSet rs = s.executeQuery("SELECT rtreecheck('rtree_plots_geom')")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
        }
    }

    /**
     * A tree of several levels, built on its own thread and copied in: SQLite finds it sound, every
     * window finds through it exactly the points a scan finds, its scratch database is gone after the
     * commit, and the triggers keep it in step with a later insert.
     */
    @Test
    void aBulkBuiltRtreeIsSoundAndFindsWhatAScanFinds() throws Exception {
        Path big = dir.resolve("big.gpkg");
        java.util.Random random = new java.util.Random(7);
        List<Feature> points = new ArrayList<>();
        for (int i = 0; i < 30_000; i++)
            points.add(point("p" + i, 113 + random.nextDouble(), 40 + random.nextDouble()));
        try (DataStore store = DataStores.open("gpkg:" + big)) {
            try (var w = store.writer()) {
                w.replaceTable(ContractFixture.WELLS, "many", points.iterator(), "v1", n -> {});
                w.commit();
            }
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().contains("-rtree")).toList(),
                    "no scratch database left");
        }
        try (Connection c = GeoPackageConnections.open(big, false); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT rtreecheck('rtree_many_geom')")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
            assertTrue(single(s, "SELECT count(*) FROM rtree_many_geom_node") > 100, "a tree of several levels");
            assertEquals(30_000, single(s, "SELECT count(*) FROM rtree_many_geom"));
            for (int k = 0; k < 20; k++) {
                double x = 113 + random.nextDouble() * 0.9;
                double y = 40 + random.nextDouble() * 0.9;
                double d = random.nextDouble() * 0.1;
                long viaTree = single(s, "SELECT count(*) FROM rtree_many_geom WHERE minx <= " + (x + d)
                        + " AND maxx >= " + x + " AND miny <= " + (y + d) + " AND maxy >= " + y);
                long scanned = single(s, "SELECT count(*) FROM many WHERE ST_MinX(geom) <= " + (x + d)
                        + " AND ST_MaxX(geom) >= " + x + " AND ST_MinY(geom) <= " + (y + d)
                        + " AND ST_MaxY(geom) >= " + y);
                assertEquals(scanned, viaTree, "window " + k);
            }
        }
        // the triggers of Annex F.3 are in place after the bulk build: an insert reaches the tree
        try (Connection c = GeoPackageConnections.open(big, true); Statement s = c.createStatement()) {
            s.execute("INSERT INTO many (fid, label, geom) SELECT 30001, 'late', geom FROM many WHERE fid = 1");
            assertEquals(30_001, single(s, "SELECT count(*) FROM rtree_many_geom"));
        }
    }

    /**
     * A GeoPackage written by another tool with small pages (1 KiB): the tree built beside the load has
     * nodes of the file's size, so SQLite finds it sound and it answers windows.
     */
    @Test
    void aBulkBuiltRtreeFitsTheFilesPageSize() throws Exception {
        Path small = dir.resolve("small-pages.gpkg");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + small);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size = 1024");
            s.execute("CREATE TABLE earlier (a INTEGER)");
        }
        List<Feature> points = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) points.add(point("p" + i, 113 + i * 1e-4, 40 + (i % 70) * 1e-3));
        try (DataStore store = DataStores.open("gpkg:" + small)) {
            try (var w = store.writer()) {
                w.replaceTable(ContractFixture.WELLS, "pts", points.iterator(), "v1", n -> {});
                w.commit();
            }
        }
        try (Connection c = GeoPackageConnections.open(small, false); Statement s = c.createStatement()) {
            assertEquals(1024, single(s, "PRAGMA page_size"));
            try (ResultSet rs = s.executeQuery("SELECT rtreecheck('rtree_pts_geom')")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
            assertEquals(11, single(s, "SELECT count(*) FROM rtree_pts_geom WHERE minx <= 113.001 AND maxx >= 113.0"
                    + " AND miny <= 40.1 AND maxy >= 39.9"));
        }
    }

    /** A load that fails midway stops the tree's thread and leaves neither its work file nor its scratch tree. */
    @Test
    void aFailedLoadLeavesNoScratchTree() throws Exception {
        Path failed = dir.resolve("failed.gpkg");
        java.util.Iterator<Feature> breaking = new java.util.Iterator<>() {
            int n;

            public boolean hasNext() { return true; }

            public Feature next() {
                if (++n > 5_000) throw new IllegalStateException("source broke");
                return point("p" + n, 113 + n * 1e-5, 40);
            }
        };
        try (DataStore store = DataStores.open("gpkg:" + failed)) {
            try (var w = store.writer()) {
                assertThrows(IllegalStateException.class,
                        () -> w.replaceTable(ContractFixture.WELLS, "broken", breaking, "v1", n -> {}));
            }
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith(".failed.gpkg")).toList(), "nothing of the load is left");
        }
        assertFalse(
                Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.getName().equals("rtree-rtree_broken_geom")),
                "the tree's thread ended");
    }

    /** GDAL's GeoPackage validator, shipped with python3-gdal; skipped where that package is absent. */
    @Test
    void gdalValidatorFindsNoErrorOrWarning() throws Exception {
        Path script = Path.of("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py");
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isRegularFile(script) && Files.isExecutable(python), "python3-gdal not installed");
        Process p = new ProcessBuilder(python.toString(), script.toString(), "--extra", "--warning-as-error",
                file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "validator finished");
        if (out.contains("No module named 'osgeo'")) Assumptions.abort("the GDAL Python bindings are not importable");
        assertEquals(0, p.exitValue(), out);
        assertEquals("", out.strip());
    }

    @Test
    void bboxIsAnsweredThroughTheRtree() throws SQLException {
        var where = new org.ecoplan.store.sql.FilterToSql(ContractFixture.PLOTS,
                new GeoPackageDialect("plots", "geom")).translate(
                        new Filter.BBox(new Envelope(113.61, 113.66, 40.01, 40.06)));
        StringBuilder plan = new StringBuilder();
        try (Connection c = GeoPackageConnections.open(file, false);
                var ps = c.prepareStatement("EXPLAIN QUERY PLAN SELECT fid FROM plots WHERE " + where.sql())) {
            for (int i = 0; i < where.params().size(); i++) ps.setObject(i + 1, where.params().get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) plan.append(rs.getString("detail")).append('\n');
            }
        }
        assertTrue(plan.toString().contains("rtree_plots_geom VIRTUAL TABLE INDEX"), plan.toString());
        assertTrue(plan.toString().contains("INTEGER PRIMARY KEY"), "plots looked up by fid, not scanned: " + plan);
    }

    /**
     * The R-tree keeps float32 bounds (about 8e-6 degrees apart near 113.5), so points a few
     * nanodegrees on either side of a BBOX edge share their R-tree entry; only the exact envelope
     * test can tell them apart, and points well inside must match without it.
     */
    @Test
    void bboxIsExactAtEdgesFinerThanTheRtreeResolution() throws Exception {
        Path edgeFile = dir.resolve("edge.gpkg");
        List<org.ecoplan.catalog.Feature> points = new ArrayList<>();
        for (int k = -3; k <= 3; k++) points.add(point("east" + k, 113.5 + k * 1e-9, 40.0));
        for (int k = -3; k <= 3; k++) points.add(point("north" + k, 113.4, 40.25 + k * 1e-9));
        points.add(point("inside", 113.45, 40.1));
        points.add(point("outside", 113.6, 40.1));
        try (DataStore edge = DataStores.open("gpkg:" + edgeFile)) {
            try (var w = edge.writer()) {
                w.replaceTable(ContractFixture.WELLS, "edge", points.iterator(), "v1", n -> {});
                w.commit();
            }
            var source = edge.featureSource(ContractFixture.WELLS, "edge");
            var box = new Filter.BBox(new Envelope(113.3, 113.5, 39.9, 40.25));
            List<String> labels = new ArrayList<>();
            var query = FeatureQuery.of(box);
            try (var c = source.features(query)) {
                while (c.hasNext()) labels.add((String) c.next().attributes().get("label"));
            }
            assertEquals(
                    List.of("east-3", "east-2", "east-1", "east0", "north-3", "north-2", "north-1", "north0", "inside"),
                    labels);
            assertEquals(labels.size(), source.count(query));
        }
    }

    /** Reads borrow pooled connections, yet a file moved over the store's path is what the next read sees. */
    @Test
    void aFileReplacedUnderTheStoreIsReadAfresh() throws Exception {
        Path live = dir.resolve("live.gpkg");
        Path next = dir.resolve("next.gpkg");
        try (DataStore store = DataStores.open("gpkg:" + live); DataStore other = DataStores.open("gpkg:" + next)) {
            List<Feature> old = new ArrayList<>();
            for (int i = 0; i < 300; i++) old.add(point("old" + i, 113.5, 40.0 + i * 1e-3));
            write(store, old);
            var source = store.featureSource(ContractFixture.WELLS, "edge");
            assertEquals(300, source.count(FeatureQuery.of(Filter.INCLUDE)));
            assertEquals(300, source.count(FeatureQuery.of(Filter.INCLUDE)), "the second read, on a pooled connection");
            write(other, List.of(point("new1", 113.5, 40.0), point("new2", 113.6, 40.0)));
            try (var streaming = source.features(FeatureQuery.of(Filter.INCLUDE))) {
                Files.move(next, live, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                assertEquals(2, source.count(FeatureQuery.of(Filter.INCLUDE)));
                // a read that began on the old file finishes on it: retiring the old pool did not cut it off
                int n = 0;
                while (streaming.hasNext()) assertEquals("old" + n++, streaming.next().attributes().get("label"));
                assertEquals(300, n);
            }
            // written in place through the store's own writer: seen at once too
            write(store, List.of(point("a", 113.5, 40.0), point("b", 113.5, 40.0), point("c", 113.5, 40.0)));
            assertEquals(3, source.count(FeatureQuery.of(Filter.INCLUDE)));
        }
    }

    /**
     * A reader that stalls in the middle of a stream (a client that stops reading a big answer) holds
     * its read lock on the file; a load must still commit at once, and the stalled reader must still
     * read the old data to its end. Loads work in a copy that replaces the file at commit.
     */
    @Test
    void aStalledReaderNeverHoldsUpALoad() throws Exception {
        Path live = dir.resolve("stalled.gpkg");
        try (DataStore store = DataStores.open("gpkg:" + live)) {
            List<Feature> old = new ArrayList<>();
            for (int i = 0; i < 300; i++) old.add(point("old" + i, 113.5, 40.0 + i * 1e-3));
            write(store, old);
            var source = store.featureSource(ContractFixture.WELLS, "edge");
            try (var stalled = source.features(FeatureQuery.of(Filter.INCLUDE))) {
                assertEquals("old0", stalled.next().attributes().get("label"));
                // in place, this commit would wait for the reader's lock for the whole busy timeout (30 s), then fail
                write(store, List.of(point("new", 113.5, 40.0)));
                assertEquals(1, source.count(FeatureQuery.of(Filter.INCLUDE)), "the load is served at once");
                int n = 1;
                while (stalled.hasNext()) assertEquals("old" + n++, stalled.next().attributes().get("label"));
                assertEquals(300, n, "the stalled reader reads the old data to its end");
            }
            try (var files = Files.list(dir)) {
                assertEquals(List.of(), files.map(p -> p.getFileName().toString())
                        .filter(f -> f.startsWith(".stalled.gpkg.loading-")).toList(), "no working copy is left");
            }
        }
    }

    private static void write(DataStore store, List<Feature> features) {
        try (var w = store.writer()) {
            w.replaceTable(ContractFixture.WELLS, "edge", features.iterator(), "v" + features.size(), n -> {});
            w.commit();
        }
    }

    private static Feature point(String label, double x, double y) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("label", label);
        return new Feature(null, v,
                ContractFixture.GF.createPoint(new Coordinate(x, y)));
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void gdalReadsTheFileWithoutWarnings() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("ogrinfo", "-al", "-so", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("ogrinfo (gdal-bin) is not installed");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ogrinfo finished");
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains("Warning"), out);
        assertFalse(out.contains("ERROR"), out);
        assertTrue(out.contains("Layer name: plots"), out);
        assertTrue(out.contains("Geometry: Multi Polygon"), out);
        assertTrue(out.contains("Feature Count: 36"), out);
        assertTrue(out.contains("Layer name: wells"), out);
        assertTrue(out.contains("Feature Count: 12"), out);
        assertTrue(out.contains("Layer name: targets"), out);
        assertTrue(out.contains("China Geodetic Coordinate System 2000"), out);
        // GDAL's own spatial filter goes through the R-tree the triggers filled
        Process q = new ProcessBuilder("ogrinfo", "-q", "-spat", "113.61", "40.01", "113.66", "40.06", file.toString(),
                "plots")
                .redirectErrorStream(true).start();
        String filtered = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(q.waitFor(60, TimeUnit.SECONDS));
        assertEquals(4, filtered.split("OGRFeature\\(plots\\)", -1).length - 1, filtered);
    }
}
