package org.ecoplan.store.gpkg;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The entries of one R-tree (OGC 12-128r18 Annex F.3) gathered in memory during a bulk load, then
 * written as a packed tree straight into the shadow tables of SQLite's R-tree module ({@code _node},
 * {@code _rowid}, {@code _parent}): nodes filled by Sort-Tile-Recursive (Leutenegger, Lopez and
 * Edgington, 1997), each level tiled the same way, the root numbered 1. A packed tree answers the same
 * queries as one grown by inserting rows one at a time (SQLite's {@code rtreecheck} accepts it), is
 * smaller, and takes a fraction of the time to build. Not thread-safe: one per table, on the writer's
 * thread.
 *
 * <p>The node format is the R-tree module's: every node blob as long as the table's root node
 * ({@code pageSize - 64}, at most 51 cells), two bytes of tree depth (read from the root only), two
 * bytes of cell count, then per cell an 8-byte id (a row's id in a leaf, a child node's number above)
 * and four 4-byte floats, all big-endian; coordinates rounded outward to float, as the module rounds
 * them on insert, so the tree never misses a row.
 */
final class PackedRtree {
    private static final int CHUNK = 1 << 16;
    private static final int CELL = 8 + 4 * 4;
    private static final int ROWS_PER_BATCH = 4096;

    private final List<long[]> idChunks = new ArrayList<>();
    private final List<float[]> boxChunks = new ArrayList<>();
    private int size;

    int size() { return size; }

    /**
     * How many entries may be gathered in memory: building needs about 64 bytes an entry at its peak,
     * and may take a third of the heap; a larger table's tree is built in a scratch database instead.
     */
    static long memoryLimit() {
        // and never more than int arrays of four floats an entry can index
        return Math.min(Runtime.getRuntime().maxMemory() / 3 / 64, (Integer.MAX_VALUE - 8) / 4);
    }

    /** Entry i as (id, minx, maxx, miny, maxy), its box as stored (rounded outward to float). */
    void forEach(EntryConsumer each) {
        for (int i = 0; i < size; i++) each.accept(id(i), box(i, 0), box(i, 1), box(i, 2), box(i, 3));
    }

    @FunctionalInterface
    interface EntryConsumer {
        void accept(long id, double minx, double maxx, double miny, double maxy);
    }

    void add(long id, double minx, double maxx, double miny, double maxy) {
        int at = size & (CHUNK - 1);
        if (at == 0) {
            idChunks.add(new long[CHUNK]);
            boxChunks.add(new float[CHUNK * 4]);
        }
        idChunks.get(idChunks.size() - 1)[at] = id;
        float[] box = boxChunks.get(boxChunks.size() - 1);
        box[at * 4] = down(minx);
        box[at * 4 + 1] = up(maxx);
        box[at * 4 + 2] = down(miny);
        box[at * 4 + 3] = up(maxy);
        size++;
    }

    /** The largest float not above {@code v}. */
    static float down(double v) {
        float f = (float) v;
        return f > v ? Math.nextDown(f) : f;
    }

    /** The smallest float not below {@code v}. */
    static float up(double v) {
        float f = (float) v;
        return f < v ? Math.nextUp(f) : f;
    }

    /** Entry i's id and its box (minx, maxx, miny, maxy). */
    private long id(int i) {
        return idChunks.get(i >>> 16)[i & (CHUNK - 1)];
    }

    private float box(int i, int k) { return boxChunks.get(i >>> 16)[(i & (CHUNK - 1)) * 4 + k]; }

    /** One level of the tree under construction: its nodes' boxes and, per node, its members' range in {@code order}. */
    private record Level(float[] boxes, int[] order, int[] starts) {
        int nodes() { return starts.length - 1; }
    }

    /**
     * Replaces the content of R-tree {@code rtree} (an empty one, created in {@code c}'s transaction) by
     * the packed tree of the entries added.
     */
    void writeInto(Connection c, String rtree) throws SQLException {
        int nodeSize = rootNodeSize(c, rtree);
        int capacity = Math.min(51, (nodeSize - 4) / CELL);
        if (capacity < 2) throw new SQLException("R-tree " + rtree + " has nodes of " + nodeSize + " bytes");
        for (String shadow : new String[]{"_node", "_rowid", "_parent"}) {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM \"" + rtree + shadow + "\"");
            }
        }
        float[] leafBoxes = new float[size * 4];
        long[] ids = new long[size];
        for (int i = 0; i < size; i++) {
            ids[i] = id(i);
            for (int k = 0; k < 4; k++) leafBoxes[i * 4 + k] = box(i, k);
        }
        // the chunks are copied: let them go before sorting
        idChunks.clear();
        boxChunks.clear();
        // numbers: the root is 1, every other node is numbered as it is written, from 2
        long[] next = {2};
        try (PreparedStatement node = c.prepareStatement("INSERT INTO \"" + rtree + "_node\" VALUES (?, ?)");
                PreparedStatement rowid = c.prepareStatement("INSERT INTO \"" + rtree + "_rowid\" VALUES (?, ?)");
                PreparedStatement parent = c.prepareStatement("INSERT INTO \"" + rtree + "_parent\" VALUES (?, ?)")) {
            Level level = tile(leafBoxes, ids.length, capacity);
            int depth = 0;
            long[] numbers;
            int pendingRows = 0;
            while (true) {
                boolean root = level.nodes() <= 1;
                numbers = new long[level.nodes()];
                for (int n = 0; n < level.nodes(); n++) {
                    long number = root ? 1 : next[0]++;
                    numbers[n] = number;
                    ByteBuffer blob = ByteBuffer.allocate(nodeSize);
                    blob.putShort((short) (root ? depth : 0));
                    blob.putShort((short) (level.starts()[n + 1] - level.starts()[n]));
                    for (int m = level.starts()[n]; m < level.starts()[n + 1]; m++) {
                        int member = level.order()[m];
                        blob.putLong(ids[member]);
                        for (int k = 0; k < 4; k++) blob.putFloat(leafBoxes[member * 4 + k]);
                        if (depth == 0) rowid.setLong(1, ids[member]);
                        else parent.setLong(1, ids[member]);
                        (depth == 0 ? rowid : parent).setLong(2, number);
                        (depth == 0 ? rowid : parent).addBatch();
                        if (++pendingRows % ROWS_PER_BATCH == 0) {
                            rowid.executeBatch();
                            parent.executeBatch();
                        }
                    }
                    node.setLong(1, number);
                    node.setBytes(2, blob.array());
                    node.addBatch();
                }
                node.executeBatch();
                if (root) break;
                // the next level's entries are this level's nodes: ids are their numbers, boxes their boxes
                ids = numbers;
                leafBoxes = level.boxes();
                level = tile(leafBoxes, numbers.length, capacity);
                depth++;
            }
            rowid.executeBatch();
            parent.executeBatch();
        }
    }

    /**
     * Sort-Tile-Recursive for one level: the n entries sorted by the x of their centres, cut into
     * vertical slices of about sqrt(n / capacity) nodes each, each slice sorted by y and cut into nodes.
     */
    static Level tile(float[] boxes, int n, int capacity) {
        int nodes = Math.max(1, (n + capacity - 1) / capacity);
        int slices = (int) Math.ceil(Math.sqrt(nodes));
        int perSlice = (int) Math.min((long) slices * capacity, Integer.MAX_VALUE);
        int[] order = sortedBy(boxes, identity(n), 0, n, 0);
        List<Integer> starts = new ArrayList<>();
        for (int s = 0; s < n; s += perSlice) {
            int end = Math.min(n, s + perSlice);
            int[] slice = sortedBy(boxes, order, s, end, 2);
            System.arraycopy(slice, 0, order, s, end - s);
            for (int m = s; m < end; m += capacity) starts.add(m);
        }
        starts.add(n);
        if (n == 0) starts.add(0, 0);
        int[] st = starts.stream().mapToInt(Integer::intValue).toArray();
        float[] nodeBoxes = new float[(st.length - 1) * 4];
        for (int b = 0; b + 1 < st.length; b++) {
            float minx = Float.POSITIVE_INFINITY, maxx = Float.NEGATIVE_INFINITY;
            float miny = Float.POSITIVE_INFINITY, maxy = Float.NEGATIVE_INFINITY;
            for (int m = st[b]; m < st[b + 1]; m++) {
                int e = order[m];
                minx = Math.min(minx, boxes[e * 4]);
                maxx = Math.max(maxx, boxes[e * 4 + 1]);
                miny = Math.min(miny, boxes[e * 4 + 2]);
                maxy = Math.max(maxy, boxes[e * 4 + 3]);
            }
            nodeBoxes[b * 4] = minx;
            nodeBoxes[b * 4 + 1] = maxx;
            nodeBoxes[b * 4 + 2] = miny;
            nodeBoxes[b * 4 + 3] = maxy;
        }
        return new Level(nodeBoxes, order, st);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    /** order[from, to) sorted by the centre on one axis (0: x, 2: y), ties by position: a new array. */
    private static int[] sortedBy(float[] boxes, int[] order, int from, int to, int axis) {
        long[] keys = new long[to - from];
        for (int m = from; m < to; m++) {
            int e = order[m];
            float centre = (boxes[e * 4 + axis] + boxes[e * 4 + axis + 1]) / 2;
            keys[m - from] = ((long) sortable(centre) << 32) | (e & 0xFFFFFFFFL);
        }
        Arrays.sort(keys);
        int[] out = new int[to - from];
        for (int i = 0; i < keys.length; i++) out[i] = (int) keys[i];
        return out;
    }

    /** A float's bits as an int that sorts as the float does (as a signed int, so the key sorts signed). */
    private static int sortable(float f) {
        int bits = Float.floatToIntBits(f);
        return bits >= 0 ? bits : bits ^ 0x7FFFFFFF;
    }

    private static int rootNodeSize(Connection c, String rtree) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT length(data) FROM \"" + rtree + "_node\" WHERE nodeno = 1")) {
            if (!rs.next()) throw new SQLException("R-tree " + rtree + " has no root node");
            return rs.getInt(1);
        }
    }
}
