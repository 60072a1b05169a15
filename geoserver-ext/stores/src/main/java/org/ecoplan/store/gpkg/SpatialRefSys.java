package org.ecoplan.store.gpkg;

import java.util.Map;
import org.ecoplan.catalog.crs.Crs;

/**
 * Rows of gpkg_spatial_ref_sys (OGC 12-128r18, clause 1.1.2): the three the specification requires
 * (EPSG:4326, -1 undefined Cartesian, 0 undefined geographic) and one per layer CRS. The WKT
 * (OGC 01-009) definitions are the EPSG definitions of the CRSs this project uses; other CRSs get
 * "undefined", which the specification allows.
 */
final class SpatialRefSys {
    /** One row. */
    record Row(int srsId, String name, String organization, int orgId, String definition, String description) {}

    private static final String CGCS2000_GEOGCS = "GEOGCS[\"China Geodetic Coordinate System 2000\","
            + "DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],"
            + "AUTHORITY[\"EPSG\",\"1043\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]";

    private static final Map<Integer, Row> KNOWN = Map.of(
            4326, new Row(4326, "WGS 84 geodetic", "EPSG", 4326,
                    "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
                            + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],"
                            + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
                            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
                            + "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]",
                    "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
            4490, new Row(4490, "China Geodetic Coordinate System 2000", "EPSG", 4490,
                    CGCS2000_GEOGCS
                            + ",AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4490\"]]",
                    "CGCS2000 geographic coordinates"),
            4547, new Row(4547, "CGCS2000 / 3-degree Gauss-Kruger CM 114E", "EPSG", 4547,
                    "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 114E\"," + CGCS2000_GEOGCS
                            + ",AUTHORITY[\"EPSG\",\"4490\"]],"
                            + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
                            + "PARAMETER[\"central_meridian\",114],PARAMETER[\"scale_factor\",1],"
                            + "PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],"
                            + "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Northing\",NORTH],"
                            + "AXIS[\"Easting\",EAST],AUTHORITY[\"EPSG\",\"4547\"]]",
                    "CGCS2000 Gauss-Kruger zone with central meridian 114E, metres"));

    static final Row UNDEFINED_CARTESIAN = new Row(-1, "Undefined cartesian SRS", "NONE", -1, "undefined",
            "undefined cartesian coordinate reference system");
    static final Row UNDEFINED_GEOGRAPHIC = new Row(0, "Undefined geographic SRS", "NONE", 0, "undefined",
            "undefined geographic coordinate reference system");

    private SpatialRefSys() {}

    static Row wgs84() { return KNOWN.get(4326); }

    static Row of(Crs crs) {
        Row known = KNOWN.get(crs.epsg());
        return known != null ? known : new Row(crs.epsg(), crs.id(), "EPSG", crs.epsg(), "undefined", crs.id());
    }
}
