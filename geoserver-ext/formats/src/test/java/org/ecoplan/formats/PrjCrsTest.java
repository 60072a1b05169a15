package org.ecoplan.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * .prj WKT to EPSG codes, on hand-written ESRI WKT. The expected codes were checked against the
 * EPSG definitions shipped in proj4j-epsg 1.4.1 (lon_0 and x_0 of EPSG:4491–4554).
 */
class PrjCrsTest {
    private static final String GEOGCS_CGCS2000 = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
            + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]]";

    private static String gk(String name, double cm, double fe) {
        return "PROJCS[\"" + name + "\"," + GEOGCS_CGCS2000 + ",PROJECTION[\"Gauss_Kruger\"],"
                + "PARAMETER[\"False_Easting\"," + fe + "],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\"," + cm + "],PARAMETER[\"Scale_Factor\",1.0],"
                + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "CGCS2000_3_Degree_GK_Zone_38, 114, 38500000, EPSG:4526",
            "CGCS2000_3_Degree_GK_Zone_25, 75, 25500000, EPSG:4513",
            "CGCS2000_3_Degree_GK_Zone_45, 135, 45500000, EPSG:4533",
            "CGCS2000_3_Degree_GK_Zone_33, 99, 33500000, EPSG:4521",
            "CGCS2000_3_Degree_GK_CM_114E, 114, 500000, EPSG:4547",
            "CGCS2000_3_Degree_GK_CM_99E, 99, 500000, EPSG:4542",
            "CGCS2000_3_Degree_GK_CM_75E, 75, 500000, EPSG:4534",
            "CGCS2000_3_Degree_GK_CM_135E, 135, 500000, EPSG:4554",
            "CGCS2000_GK_Zone_20, 117, 20500000, EPSG:4498",
            "CGCS2000_GK_Zone_13, 75, 13500000, EPSG:4491",
            "CGCS2000_6_Degree_GK_CM_117E, 117, 500000, EPSG:4509",
            "CGCS2000_GK_CM_117E, 117, 500000, EPSG:4548",
            "a zone that does not exist, 114, 39500000, ''",
            "a meridian off the grid, 113.5, 500000, ''"})
    void gaussKrugerZones(String name, double cm, double fe, String expected) {
        assertEquals(Optional.ofNullable(expected.isEmpty() ? null : expected), PrjCrs.epsg(gk(name, cm, fe)));
    }

    @Test
    void geographicCrss() {
        assertEquals(Optional.of("EPSG:4490"), PrjCrs.epsg(GEOGCS_CGCS2000));
        assertEquals(Optional.of("EPSG:4490"), PrjCrs.epsg("GEOGCS[\"China Geodetic Coordinate System 2000\","
                + "DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],"
                + "UNIT[\"degree\",0.0174532925199433]]"));
        assertEquals(Optional.of("EPSG:4326"), PrjCrs.epsg("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
                + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]]"));
    }

    @Test
    void webMercator() {
        assertEquals(Optional.of("EPSG:3857"), PrjCrs.epsg("PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\","
                + "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
                + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Mercator_Auxiliary_Sphere\"],PARAMETER[\"False_Easting\",0.0],"
                + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",0.0],"
                + "PARAMETER[\"Standard_Parallel_1\",0.0],PARAMETER[\"Auxiliary_Sphere_Type\",0.0],UNIT[\"Meter\",1.0]]"));
    }

    @Test
    void anEpsgAuthorityOnTheTopLevelCrsWins() {
        String wkt = "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger zone 38\",GEOGCS[\"China Geodetic Coordinate System"
                + " 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],"
                + "AUTHORITY[\"EPSG\",\"1043\"]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],"
                + "AUTHORITY[\"EPSG\",\"4490\"]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
                + "PARAMETER[\"central_meridian\",114],PARAMETER[\"scale_factor\",1],"
                + "PARAMETER[\"false_easting\",38500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1],"
                + "AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST],AUTHORITY[\"EPSG\",\"4526\"]]";
        assertEquals(Optional.of("EPSG:4526"), PrjCrs.epsg(wkt));
        // the datum's own authority is not the CRS's
        assertEquals(Optional.of("EPSG:4526"), PrjCrs.epsg(wkt.replace(",AUTHORITY[\"EPSG\",\"4526\"]]", "]")));
    }

    @Test
    void unknownOrBrokenIsEmpty() {
        assertEquals(Optional.empty(), PrjCrs.epsg("GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\","
                + "SPHEROID[\"Xian_1980\",6378140.0,298.257]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]"));
        assertEquals(Optional.empty(), PrjCrs.epsg(gk("Xian_1980_3_Degree_GK_CM_114E", 114, 500000)
                .replace("D_China_2000", "D_Xian_1980")
                .replace("GCS_China_Geodetic_Coordinate_System_2000", "GCS_Xian_1980")));
        assertEquals(Optional.empty(), PrjCrs.epsg(gk("scaled", 114, 500000).replace("\"Scale_Factor\",1.0",
                "\"Scale_Factor\",0.9996")));
        assertEquals(Optional.empty(), PrjCrs.epsg("PROJCS[\"broken\",GEOGCS["));
        assertEquals(Optional.empty(), PrjCrs.epsg(""));
        assertEquals(Optional.empty(), PrjCrs.epsg("[".repeat(10_000)));
    }
}
