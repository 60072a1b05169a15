package org.ecoplan.ows.filter;

import static org.ecoplan.ows.filter.FilterFixtures.AREAS;
import static org.ecoplan.ows.filter.FilterFixtures.AREAS_GK;
import static org.ecoplan.ows.filter.FilterFixtures.matching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.ows.ServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CQL2 text and JSON (OGC 21-065r2) into the filter model, evaluated on the fixture features:
 * every operator of the classes the OGC API declares, in both encodings, the filter CRS's axis
 * order, and errors as 400s naming the filter.
 */
class Cql2Test {
    private static final Crs CRS84 = CrsRegistry.CRS84_CRS;

    private static List<String> text(String cql, FeatureType type, Crs crs) {
        return matching(new Cql2ToFilter(type, crs, "filter").translate(Cql2TextParser.parse(cql, "filter")), type);
    }

    private static List<String> json(String cql) {
        return matching(new Cql2ToFilter(AREAS, CRS84, "filter").translate(Cql2JsonParser.parse(cql, "filter")),
                AREAS);
    }

    private static List<String> ids(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.trim().split(","));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "kind = 'forest' | 2",
            "kind <> 'forest' | 1,4",
            "area_km2 < 12.5 | 4",
            "area_km2 >= 7.25 | 1,2,4",
            "10 <= sites | 2",
            "\"sites\" > 2 | 1,2",
            "start_date > DATE('2021-06-01') | 2,4",
            "start_date < TIMESTAMP('2021-12-31T08:00:00Z') | 1",
            "active = TRUE | 1,4",
            "kind IS NULL | 3",
            "kind IS NOT NULL | 1,2,4",
            "kind = 'forest' OR sites = 1 | 2,4",
            "NOT (kind = 'forest' OR sites = 1) AND kind IS NOT NULL | 1",
            "TRUE | 1,2,3,4",
            "FALSE | ''",
            "name LIKE '%river' | 4",
            "name NOT LIKE '%river' | 1,2,3",
            "CASEI(name) LIKE CASEI('o''brien%') | 2",
            "CASEI(kind) = CASEI('FOREST') | 2",
            "sites BETWEEN 1 AND 3 | 1,4",
            "sites NOT BETWEEN 1 AND 3 | 2,3",
            "kind IN ('forest', 'water') | 2,4",
            "kind NOT IN ('forest', 'water') | 1",
            "S_INTERSECTS(geom, POINT(113.75 40.35)) | 1",
            "S_INTERSECTS(geom, BBOX(113.85, 40.05, 114.05, 40.25)) | 2,4",
            "S_WITHIN(geom, POLYGON((113.4 39.9, 113.6 39.9, 113.6 40.1, 113.4 40.1, 113.4 39.9))) | 3",
            "S_CONTAINS(geom, POINT(113.95 40.15)) | 2",
            "S_CONTAINS(POLYGON((113.4 39.9, 113.6 39.9, 113.6 40.1, 113.4 40.1, 113.4 39.9)), geom) | 3",
            "S_DISJOINT(geom, BBOX(113.85, 40.05, 114.05, 40.25)) | 1,3",
            "S_CROSSES(geom, LINESTRING(113.85 40.0, 113.85 40.3)) | 4"})
    void textOperators(String cql, String expected) {
        assertEquals(ids(expected), text(cql, AREAS, CRS84));
    }

    @Test
    void spatialLiteralsAreReadInTheFilterCrsAndItsAxisOrder() {
        // EPSG:4326 is latitude first; CRS84 longitude first: the same point both ways
        assertEquals(List.of("1"), text("S_INTERSECTS(geom, POINT(40.35 113.75))", AREAS, CrsRegistry.EPSG_4326));
        assertEquals(List.of("1"), text("S_INTERSECTS(geom, POINT(113.75 40.35))", AREAS_GK, CRS84));
    }

    @Test
    void jsonOperators() {
        assertEquals(List.of("2"), json("{\"op\":\"=\",\"args\":[{\"property\":\"kind\"},\"forest\"]}"));
        assertEquals(List.of("2", "4"), json("{\"op\":\"or\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"kind\"},"
                + "\"forest\"]},{\"op\":\"=\",\"args\":[{\"property\":\"sites\"},1]}]}"));
        assertEquals(List.of("2"),
                json("{\"op\":\"like\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"name\"}]},"
                        + "{\"op\":\"casei\",\"args\":[\"o'brien%\"]}]}"));
        assertEquals(List.of("1", "4"), json("{\"op\":\"between\",\"args\":[{\"property\":\"sites\"},1,3]}"));
        assertEquals(List.of("2", "4"),
                json("{\"op\":\"in\",\"args\":[{\"property\":\"kind\"},[\"forest\",\"water\"]]}"));
        assertEquals(List.of("3"), json("{\"op\":\"isNull\",\"args\":[{\"property\":\"kind\"}]}"));
        assertEquals(List.of("2", "4"), json("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},"
                + "{\"bbox\":[113.85,40.05,114.05,40.25]}]}"));
        assertEquals(List.of("1"), json("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},"
                + "{\"type\":\"Point\",\"coordinates\":[113.75,40.35]}]}"));
        assertEquals(List.of("2", "4"), json("{\"op\":\">\",\"args\":[{\"property\":\"start_date\"},"
                + "{\"date\":\"2021-06-01\"}]}"));
        assertEquals(List.of("1", "2", "3", "4"), json("true"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "nope = 1 | unknown property 'nope'",
            "kind = | ends where a value was expected",
            "kind = 'a' AND | ends where a value was expected",
            "(kind = 'a' | expected ')'",
            "kind = 'a')) | unexpected ')'",
            "sites = 'many' | sites",
            "kind = name | property with a property",
            "geom = 'x' | geometry property 'geom'",
            "S_INTERSECTS(kind, POINT(1 2)) | not the geometry property",
            "S_INTERSECTS(geom, POINT(1 2) | expected ')'",
            "S_INTERSECTS(geom, POLYGON((1 2, 3 4)) | invalid WKT geometry",
            "S_INTERSECTS(geom, BBOX(3,4,1,2)) | lower corner",
            "ACCENTI(name) = 'x' | not supported",
            "T_AFTER(start_date, DATE('2021-01-01')) | function T_AFTER is not supported",
            "start_date > DATE('2021-13-01') | not an RFC 3339 date",
            "sites > 1e999 | out of range",
            "kind LIKE 3 | string pattern"})
    void textErrorsAre400sNamingTheFilter(String cql, String message) {
        ServiceException e = assertThrows(ServiceException.class, () -> text(cql, AREAS, CRS84));
        assertEquals(400, e.httpStatus());
        assertEquals("filter", e.locator());
        assertTrue(e.getMessage().contains(message.trim()), e.getMessage());
    }

    @Test
    void jsonErrorsAndLimits() {
        for (String bad : List.of("{", "{\"op\":\"t_after\",\"args\":[]}", "{\"op\":\"=\",\"args\":[1]}",
                "{\"op\":\"and\",\"args\":[true]}", "{\"op\":\"=\",\"args\":[{\"property\":\"x\"},1]}",
                "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},{\"type\":\"Circle\"}]}",
                "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},{\"bbox\":[1,2,\"x\",4]}]}", "null",
                "[]")) {
            ServiceException e = assertThrows(ServiceException.class, () -> json(bad), bad);
            assertEquals(400, e.httpStatus(), bad);
            assertEquals("filter", e.locator(), bad);
        }
        String deep = "{\"op\":\"not\",\"args\":[".repeat(100) + "true" + "]}".repeat(100);
        assertThrows(ServiceException.class, () -> json(deep));
        String deepText = "NOT ".repeat(100) + "TRUE";
        assertThrows(ServiceException.class, () -> text(deepText, AREAS, CRS84));
        String parens = "(".repeat(100) + "TRUE" + ")".repeat(100);
        assertThrows(ServiceException.class, () -> text(parens, AREAS, CRS84));
        StringBuilder many = new StringBuilder("kind IN ('a'");
        for (int i = 0; i < 600; i++) many.append(",'v").append(i).append('\'');
        ServiceException tooMany = assertThrows(ServiceException.class, () -> text(many + ")", AREAS, CRS84));
        assertEquals(400, tooMany.httpStatus());
        assertThrows(ServiceException.class, () -> text("x".repeat(Cql2TextParser.MAX_LENGTH + 1), AREAS, CRS84));
    }
}
