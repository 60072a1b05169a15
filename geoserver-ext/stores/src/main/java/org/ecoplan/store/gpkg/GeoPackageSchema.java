package org.ecoplan.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.ecoplan.catalog.crs.Crs;

/**
 * The GeoPackage core tables (OGC 12-128r18, clauses 1.1.2, 1.1.3, 2.1.5 and 2.3: gpkg_spatial_ref_sys,
 * gpkg_contents, gpkg_geometry_columns, gpkg_extensions) plus this engine's layer version table,
 * created if missing, and the file header identification (clause 1.1.1.1.1).
 */
final class GeoPackageSchema {
    /** application_id "GPKG" as a big-endian 32-bit integer. */
    static final int APPLICATION_ID = 0x47504B47;
    /** user_version for GeoPackage 1.3.0. */
    static final int USER_VERSION = 10300;
    /** Not a GeoPackage table; tools list only the tables in gpkg_contents. */
    static final String VERSION_TABLE = "ecoplan_layer_version";

    private GeoPackageSchema() {}

    /** Sets the header fields; must run outside a transaction. */
    static void identify(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            s.execute("PRAGMA user_version = " + USER_VERSION);
        }
    }

    static void createCoreTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, "
                    + "srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL, "
                    + "organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)");
            s.execute("CREATE TABLE IF NOT EXISTS gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, "
                    + "data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '', "
                    + "last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
                    + "min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, "
                    + "CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))");
            s.execute("CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (table_name TEXT NOT NULL, "
                    + "column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, "
                    + "z TINYINT NOT NULL, m TINYINT NOT NULL, "
                    + "CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), "
                    + "CONSTRAINT uk_gc_table_name UNIQUE (table_name), "
                    + "CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), "
                    + "CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
            s.execute("CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT, "
                    + "extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL, "
                    + "CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))");
            s.execute("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE
                    + " (table_name TEXT NOT NULL PRIMARY KEY, version TEXT NOT NULL)");
        }
        insertSrs(c, SpatialRefSys.UNDEFINED_CARTESIAN);
        insertSrs(c, SpatialRefSys.UNDEFINED_GEOGRAPHIC);
        insertSrs(c, SpatialRefSys.wgs84());
    }

    static void ensureSrs(Connection c, Crs crs) throws SQLException {
        insertSrs(c, SpatialRefSys.of(crs));
    }

    private static void insertSrs(Connection c, SpatialRefSys.Row r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO gpkg_spatial_ref_sys "
                + "(srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, r.name());
            ps.setInt(2, r.srsId());
            ps.setString(3, r.organization());
            ps.setInt(4, r.orgId());
            ps.setString(5, r.definition());
            ps.setString(6, r.description());
            ps.executeUpdate();
        }
    }
}
