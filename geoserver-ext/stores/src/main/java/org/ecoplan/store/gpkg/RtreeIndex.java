package org.ecoplan.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The GeoPackage R-tree spatial index extension (OGC 12-128r18, Annex F.3, "gpkg_rtree_index"):
 * the rtree_&lt;t&gt;_&lt;c&gt; virtual table, its gpkg_extensions row and the triggers that keep
 * it in step with the feature table. A bulk load fills the index itself ({@link RtreeBuilder}, beside
 * the features) and adds the triggers afterwards: the triggers' bounds functions are called back into
 * Java for every row, which costs more than the insert.
 */
final class RtreeIndex {
    static final String EXTENSION = "gpkg_rtree_index";
    private static final String DEFINITION = "http://www.geopackage.org/spec120/#extension_rtree";

    private RtreeIndex() {}

    static String name(String table, String column) {
        return "rtree_" + table + "_" + column;
    }

    /** The virtual table and its gpkg_extensions row; {@link RtreeBuilder} fills it, {@link #createTriggers} keeps it. */
    static void create(Connection c, String t, String g) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE \"" + name(t, g) + "\" USING rtree(id, minx, maxx, miny, maxy)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_extensions "
                + "(table_name, column_name, extension_name, definition, scope) VALUES (?, ?, ?, ?, 'write-only')")) {
            ps.setString(1, t);
            ps.setString(2, g);
            ps.setString(3, EXTENSION);
            ps.setString(4, DEFINITION);
            ps.executeUpdate();
        }
    }

    /** The triggers of Annex F.3 that keep the index in step with later changes to the table. */
    static void createTriggers(Connection c, String t, String g) throws SQLException {
        String r = "\"" + name(t, g) + "\"";
        String qt = "\"" + t + "\"";
        String qg = "\"" + g + "\"";
        String bounds = "ST_MinX(NEW." + qg + "), ST_MaxX(NEW." + qg + "), ST_MinY(NEW." + qg + "), ST_MaxY(NEW." + qg
                + ")";
        String present = "(NEW." + qg + " NOT NULL AND NOT ST_IsEmpty(NEW." + qg + "))";
        String absent = "(NEW." + qg + " IS NULL OR ST_IsEmpty(NEW." + qg + "))";
        String prefix = "CREATE TRIGGER \"" + name(t, g) + "_";
        try (Statement s = c.createStatement()) {
            s.execute(prefix + "insert\" AFTER INSERT ON " + qt + " WHEN " + present
                    + " BEGIN INSERT OR REPLACE INTO " + r + " VALUES (NEW.fid, " + bounds + "); END");
            s.execute(
                    prefix + "update1\" AFTER UPDATE OF " + qg + " ON " + qt + " WHEN OLD.fid = NEW.fid AND " + present
                            + " BEGIN INSERT OR REPLACE INTO " + r + " VALUES (NEW.fid, " + bounds + "); END");
            s.execute(prefix + "update2\" AFTER UPDATE OF " + qg + " ON " + qt + " WHEN OLD.fid = NEW.fid AND " + absent
                    + " BEGIN DELETE FROM " + r + " WHERE id = OLD.fid; END");
            s.execute(prefix + "update3\" AFTER UPDATE ON " + qt + " WHEN OLD.fid != NEW.fid AND " + present
                    + " BEGIN DELETE FROM " + r + " WHERE id = OLD.fid; INSERT OR REPLACE INTO " + r
                    + " VALUES (NEW.fid, " + bounds + "); END");
            s.execute(prefix + "update4\" AFTER UPDATE ON " + qt + " WHEN OLD.fid != NEW.fid AND " + absent
                    + " BEGIN DELETE FROM " + r + " WHERE id IN (OLD.fid, NEW.fid); END");
            s.execute(prefix + "delete\" AFTER DELETE ON " + qt + " WHEN OLD." + qg + " NOT NULL"
                    + " BEGIN DELETE FROM " + r + " WHERE id = OLD.fid; END");
        }
    }

    /** Drops the virtual table (the triggers go with their feature table). */
    static void drop(Connection c, String t, String g) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS \"" + name(t, g) + "\"");
        }
    }
}
