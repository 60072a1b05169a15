package org.ecoplan.store.gpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both ways {@link RtreeBuilder} fills a GeoPackage R-tree — packed in memory ({@link PackedRtree}) and,
 * past its memory limit, grown in a scratch database — give a tree SQLite's {@code rtreecheck} finds
 * sound and that answers every window as a scan of the same boxes does, at every size that changes the
 * tree's shape: empty, one leaf, a full leaf, one more, several levels.
 */
class RtreeBuilderTest {
    @TempDir
    Path dir;

    private static final int[] SIZES = {0, 1, 51, 52, 2_601, 2_602, 20_000};

    @Test
    void packedInMemory() throws Exception {
        for (int n : SIZES) check(n, Long.MAX_VALUE, 4096);
    }

    @Test
    void grownInAScratchDatabasePastTheMemoryLimit() throws Exception {
        for (int n : new int[]{52, 20_000}) check(n, 50, 4096);
    }

    @Test
    void packedWithSmallPages() throws Exception {
        // 1 KiB pages: nodes of 960 bytes, 39 cells
        for (int n : new int[]{39, 40, 5_000}) check(n, Long.MAX_VALUE, 1024);
    }

    @Test
    void boxesAreRoundedOutwardToFloat() {
        double v = 113.80000000001;
        assertTrue(PackedRtree.down(v) <= v && PackedRtree.up(v) >= v);
        assertTrue(PackedRtree.down(-v) <= -v && PackedRtree.up(-v) >= -v);
        assertEquals(2.0f, PackedRtree.down(2.0));
        assertEquals(2.0f, PackedRtree.up(2.0));
    }

    private void check(int n, long memoryLimit, int pageSize) throws Exception {
        Path file = dir.resolve("t" + n + "-" + memoryLimit + "-" + pageSize + ".gpkg");
        Random random = new Random(n);
        double[][] boxes = new double[n][];
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA page_size = " + pageSize);
                s.execute("CREATE TABLE t (fid INTEGER PRIMARY KEY, minx REAL, maxx REAL, miny REAL, maxy REAL)");
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE VIRTUAL TABLE rtree_t_geom USING rtree(id, minx, maxx, miny, maxy)");
            }
            try (RtreeBuilder b = new RtreeBuilder(dir.resolve("scratch-" + n), "rtree_t_geom", pageSize, memoryLimit);
                    var insert = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    double x = 113 + random.nextDouble(), y = 40 + random.nextDouble();
                    double w = random.nextDouble() * 1e-3, h = random.nextDouble() * 1e-3;
                    boxes[i] = new double[]{x, x + w, y, y + h};
                    b.add(i + 1, x, x + w, y, y + h);
                    insert.setLong(1, i + 1);
                    // the scan sees the boxes as the tree holds them: rounded outward to float
                    insert.setDouble(2, PackedRtree.down(boxes[i][0]));
                    insert.setDouble(3, PackedRtree.up(boxes[i][1]));
                    insert.setDouble(4, PackedRtree.down(boxes[i][2]));
                    insert.setDouble(5, PackedRtree.up(boxes[i][3]));
                    insert.addBatch();
                }
                insert.executeBatch();
                b.copyInto(c, "rtree_t_geom");
            }
            c.commit();
        }
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            String label = n + " entries, limit " + memoryLimit + ", pages " + pageSize;
            try (ResultSet rs = s.executeQuery("SELECT rtreecheck('rtree_t_geom')")) {
                rs.next();
                assertEquals("ok", rs.getString(1), label);
            }
            assertEquals(n, count(s, "SELECT count(*) FROM rtree_t_geom"), label);
            for (int k = 0; k < 25; k++) {
                double x = 113 + random.nextDouble() * 0.9, y = 40 + random.nextDouble() * 0.9;
                double d = random.nextDouble() * 0.2;
                String window = " <= " + (x + d) + " AND maxx >= " + x + " AND miny <= " + (y + d) + " AND maxy >= "
                        + y;
                assertEquals(count(s, "SELECT count(*) FROM t WHERE minx" + window),
                        count(s, "SELECT count(*) FROM rtree_t_geom WHERE minx" + window), label + ", window " + k);
            }
            // the tree accepts later changes as one grown row by row does
            s.execute("INSERT INTO rtree_t_geom VALUES (" + (n + 1) + ", 0, 1, 0, 1)");
            s.execute("DELETE FROM rtree_t_geom WHERE id = 1");
            try (ResultSet rs = s.executeQuery("SELECT rtreecheck('rtree_t_geom')")) {
                rs.next();
                assertEquals("ok", rs.getString(1), label + " after changes");
            }
            assertEquals(n, count(s, "SELECT count(*) FROM rtree_t_geom"), label + " after changes");
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
