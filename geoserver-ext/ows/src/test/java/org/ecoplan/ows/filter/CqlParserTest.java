package org.ecoplan.ows.filter;

import static org.ecoplan.ows.filter.FilterFixtures.AREAS;
import static org.ecoplan.ows.filter.FilterFixtures.AREAS_GK;
import static org.ecoplan.ows.filter.FilterFixtures.TARGETS;
import static org.ecoplan.ows.filter.FilterFixtures.ids;
import static org.ecoplan.ows.filter.FilterFixtures.matching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.ecoplan.catalog.query.ComparisonOperator;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.SpatialOperator;
import org.ecoplan.ows.ServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CqlParserTest {

    private static List<String> run(String cql) {
        return matching(new CqlParser(AREAS).parse(cql), AREAS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "kind = 'forest' | 2",
            "kind <> 'forest' | 1,4",
            "kind != 'forest' | 1,4",
            "area_km2 < 12.5 | 4",
            "area_km2 <= 12.5 | 1,4",
            "area_km2 > 12.5 | 2",
            "area_km2 >= 7.25 | 1,2,4",
            "sites = 10 | 2",
            "sites > 2.5 | 1,2",
            "10 <= sites | 2",
            "active = true | 1,4",
            "active = FALSE | 2",
            "start_date = '2023-06-15' | 2",
            "start_date < 2022-01-01 | 1,4",
            "start_date >= '2021-12-31T00:00:00Z' | 2,4",
            "kind = 'urban' OR kind = 'water' | 1,4",
            "kind = 'urban' AND sites = 3 | 1",
            "NOT kind = 'urban' | 2,4",
            "NOT (kind = 'urban' OR kind = 'water') AND area_km2 > 0 | 2",
            "(((sites = 0))) | 3",
            "name LIKE 'O''Brien%' | 2",
            "name LIKE '%river' | 4",
            "name LIKE 'wetland%' | ''",
            "name ILIKE 'wetland%' | 3",
            "name LIKE 'Wetland\\_50\\%' | 3",
            "name LIKE '阳高%' | 1",
            "name NOT LIKE '%o%' | 1,3,4",
            "kind IS NULL | 3",
            "kind IS NOT NULL | 1,2,4",
            "geom IS NULL | ''",
            "sites BETWEEN 1 AND 3 | 1,4",
            "sites NOT BETWEEN 1 AND 3 | 2,3",
            "start_date BETWEEN '2021-01-01' AND '2021-12-31' | 1,4",
            "kind IN ('urban', 'forest') | 1,2",
            "kind NOT IN ('urban', 'forest') | 4",
            "IN ('plan_area.3', 'plan_area.1') | 1,3",
            "INCLUDE | 1,2,3,4",
            "EXCLUDE | ''",
            "start_date AFTER 2021-03-01 | 2,4",
            "start_date BEFORE 2021-12-31 | 1",
            "start_date DURING 2021-01-01/2022-01-01 | 1,4",
            "\"kind\" = 'water' | 4",
            "kind = 'x'' OR ''1''=''1' | ''",
            "name = 'x; DROP TABLE plan_area; --' | ''",
    })
    void comparisonsLogicAndLiterals(String cql, String expected) {
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(",")), run(cql));
    }

    @Test
    void literalsAreTypedAndNeverTouchedAsText() {
        Filter.Comparison c = assertInstanceOf(Filter.Comparison.class,
                new CqlParser(AREAS).parse("name = 'a'' OR 1=1 --'"));
        assertEquals("a' OR 1=1 --", c.value());
        Filter.Comparison d = assertInstanceOf(Filter.Comparison.class,
                new CqlParser(AREAS).parse("start_date > '2021-01-01'"));
        assertEquals(LocalDate.of(2021, 1, 1), d.value());
        assertEquals(ComparisonOperator.GREATER, d.op());
        Filter.Comparison huge = assertInstanceOf(Filter.Comparison.class,
                new CqlParser(AREAS).parse("sites < 123456789012345678901234567890"));
        assertEquals(1.2345678901234568e29, ((Number) huge.value()).doubleValue(), 1e15);
        assertEquals(ids("1", "2", "3", "4"), matching(huge, AREAS));
    }

    @Test
    void spatialPredicatesWithWktInTheNativeCrs() {
        String poly = "POLYGON((113.65 40.25, 113.75 40.25, 113.75 40.45, 113.65 40.45, 113.65 40.25))";
        assertEquals(ids("1"), run("INTERSECTS(geom, " + poly + ")"));
        assertEquals(ids("1"), run("intersects(" + poly + ", geom)"));
        assertEquals(ids("2", "3", "4"), run("DISJOINT(geom, " + poly + ")"));
        assertEquals(ids("1"),
                run("WITHIN(geom, POLYGON((113.6 40.2, 113.85 40.2, 113.85 40.5, 113.6 40.5, 113.6 40.2)))"));
        assertEquals(ids("1"), run("CONTAINS(geom, POINT(113.75 40.35))"));
        assertEquals(ids("1"), run("OVERLAPS(geom, " + poly + ")"));
        assertEquals(ids("4"), run("CROSSES(geom, LINESTRING(113.7 40.0, 113.7 40.2))"));
        assertEquals(ids("1"),
                run("TOUCHES(geom, POLYGON((113.8 40.3, 113.85 40.3, 113.85 40.4, 113.8 40.4, 113.8 40.3)))"));
        assertEquals(ids("3"), run("EQUALS(geom, POINT(113.5 40.0))"));
        assertEquals(ids("1"), run("INTERSECTS(geom, ENVELOPE(113.65, 113.75, 40.45, 40.25))"));
        assertEquals(ids("1"), run("INTERSECTS(geom, SRID=4326;" + poly + ")"));
        assertEquals(ids("1"), run("INTERSECTS(geom, " + poly + ") AND kind = 'urban'"));
        assertEquals(ids(), run("INTERSECTS(geom, " + poly + ") AND NOT kind = 'urban'"));
    }

    @Test
    void bboxWithAndWithoutCrs() {
        assertEquals(ids("1"), run("BBOX(geom, 113.65, 40.25, 113.85, 40.45)"));
        assertEquals(ids("1"), run("BBOX(geom, 113.65, 40.25, 113.85, 40.45, 'EPSG:4326')"));
        assertEquals(ids("1"), run("BBOX(geom, 40.25, 113.65, 40.45, 113.85, 'urn:ogc:def:crs:EPSG::4326')"));
        Filter.BBox gk = assertInstanceOf(Filter.BBox.class,
                new CqlParser(AREAS_GK).parse("BBOX(geom, 113.65, 40.25, 113.85, 40.45, 'EPSG:4490')"));
        assertTrue(gk.envelope().getMinX() > 400_000, gk.envelope().toString());
        assertEquals(ids("1"), matching(gk, AREAS_GK));
    }

    @Test
    void dwithinUnits() {
        double east = 2000 / (DistanceConversion.METRES_PER_DEGREE * Math.cos(Math.toRadians(40.0)));
        String point = "POINT(" + (113.5 + east * 0.99) + " 40.0)";
        Filter.Spatial s = assertInstanceOf(Filter.Spatial.class,
                new CqlParser(AREAS).parse("DWITHIN(geom, " + point + ", 2000, meters)"));
        assertEquals(SpatialOperator.DWITHIN, s.op());
        assertEquals(east, s.distance(), 1e-9);
        assertEquals(ids("3"), matching(s, AREAS));
        assertEquals(ids("3"), run("DWITHIN(geom, " + point + ", 2, kilometers)"));
        assertEquals(ids(), run("DWITHIN(geom, " + point + ", 1, statute miles)"));
        assertEquals(ids("3"), run("DWITHIN(geom, " + point + ", 1.25, statute miles)"));
        assertEquals(ids("3"), run("DWITHIN(geom, " + point + ", 6600, feet)"));
        assertEquals(ids("1", "2", "4"), run("BEYOND(geom, " + point + ", 2000, meters)"));
        Filter.Spatial gk = assertInstanceOf(Filter.Spatial.class,
                new CqlParser(AREAS_GK).parse("DWITHIN(geom, POINT(0 0), 1.5, kilometers)"));
        assertEquals(1500, gk.distance(), 1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "nosuch = 1 | unknown property 'nosuch' | 1",
            "(kind = 'urban' | expected ')' | 16",
            "kind = 'urban') | unexpected ')' | 15",
            "kind = | expected a literal, found the end of the filter | 7",
            "kind = 'urban | unterminated string literal | 8",
            "kind == 'x' | expected a literal, found '=' | 7",
            "kind LIKE 5 | expected a quoted pattern | 11",
            "sites LIKE '1%' | LIKE needs a text property | 1",
            "sites = 'many' | is not a valid integer | 9",
            "start_date = '2021-13-45' | is not a valid date | 14",
            "sites > 1e999 | out of range | 9",
            "kind = 'a' AND | unexpected end of filter | 15",
            "kind # 'a' | unexpected character '#' | 6",
            "geom = 'x' | cannot be compared with a literal | 1",
            "INTERSECTS(name, POINT(1 2)) | is not the geometry property | 12",
            "INTERSECTS(geom, POINT(1 2) | expected ')' | 28",
            "INTERSECTS(geom, POINT(1 2) | at character 28 | 28",
            "INTERSECTS(geom, POLYGON((1 2, 3 4)) | invalid WKT geometry | 18",
            "INTERSECTS(geom, POINT((1 2) | unbalanced parentheses | 18",
            "DWITHIN(geom, POINT(1 2), 10, furlongs) | unknown distance units 'furlongs' | 31",
            "BBOX(geom, 1, 2, 3) | expected ',' | 19",
            "BBOX(geom, 1, 2, 3, 4, 'EPSG:0') | unknown CRS | 24",
            "kind = 'a'; DROP TABLE x | unexpected character ';' | 11",
            "start_date AFTER 'soon' | is not a valid date | 18",
            "kind IS NOTHING | expected 'NULL' | 9",
            "sites BETWEEN 1 OR 3 | expected 'AND' | 17",
    })
    void errorsNameTheProblemAndThePosition(String cql, String message, int position) {
        ServiceException e = assertThrows(ServiceException.class, () -> new CqlParser(AREAS).parse(cql));
        assertEquals(ServiceException.INVALID_PARAMETER_VALUE, e.code());
        assertEquals("CQL_FILTER", e.locator());
        assertTrue(e.getMessage().startsWith("CQL_FILTER: "), e.getMessage());
        assertTrue(e.getMessage().contains(message), () -> "'" + e.getMessage() + "' should contain '" + message + "'");
        assertTrue(e.getMessage().endsWith("at character " + position), e.getMessage());
    }

    @Test
    void hostileInputFailsCleanly() {
        String deep = "(".repeat(5000) + "kind = 'a'" + ")".repeat(5000);
        ServiceException e = assertThrows(ServiceException.class, () -> new CqlParser(AREAS).parse(deep));
        assertTrue(e.getMessage().contains("nested too deeply"), e.getMessage());
        String nots = "NOT ".repeat(5000) + "kind = 'a'";
        assertTrue(assertThrows(ServiceException.class, () -> new CqlParser(AREAS).parse(nots)).getMessage()
                .contains("nested too deeply"));
        String longText = "kind = '" + "a".repeat(CqlParser.MAX_LENGTH) + "'";
        assertTrue(assertThrows(ServiceException.class, () -> new CqlParser(AREAS).parse(longText)).getMessage()
                .contains("longer than"));
        assertThrows(ServiceException.class, () -> new CqlParser(AREAS).parse(""));
        ServiceException noGeom = assertThrows(ServiceException.class,
                () -> new CqlParser(TARGETS).parse("BBOX(geom, 1, 2, 3, 4)"));
        assertTrue(noGeom.getMessage().contains("has no geometry"), noGeom.getMessage());
    }

    @Test
    void layerListsSplitOnSemicolonsOutsideLiteralsAndEwkt() {
        assertEquals(List.of("kind = 'a;b'", "INCLUDE", "INTERSECTS(geom, SRID=4326;POINT(1 2))"),
                CqlParser.splitList("kind = 'a;b'; INCLUDE ;INTERSECTS(geom, SRID=4326;POINT(1 2))"));
    }

    @Test
    void eWktPrefixesAreFoundWithoutARegex() {
        assertEquals(List.of("INTERSECTS(geom, srid = 4490 ;POINT(1 2))", "x = 1"),
                CqlParser.splitList("INTERSECTS(geom, srid = 4490 ;POINT(1 2));x = 1"));
        assertEquals(List.of("GRID=4", "a"), CqlParser.splitList("GRID=4;a"), "SRID must be a word of its own");
        assertEquals(List.of("xSRID=4", "a"), CqlParser.splitList("xSRID=4;a"));
        assertEquals(List.of("SRID=", "a"), CqlParser.splitList("SRID=;a"), "no digits, no prefix");
    }

    @Test
    void anOverlongListIsRefusedBeforeItIsSplit() {
        // the report's input: 220 KB of ';' took 5.5 s in a quadratic split before the length check
        ServiceException e = assertThrows(ServiceException.class,
                () -> CqlParser.splitList("SRID=1 ".repeat(2) + ";".repeat(CqlParser.MAX_LENGTH)));
        assertEquals("CQL_FILTER", e.locator());
        assertEquals(CqlParser.MAX_LENGTH + 1, CqlParser.splitList(";".repeat(CqlParser.MAX_LENGTH)).size());
    }

    @Test
    void longInListsAreRefusedWithTheParameterAsLocator() {
        String values = String.join(",", java.util.Collections.nCopies(Filter.MAX_OPERANDS + 1, "'a'"));
        ServiceException e = assertThrows(ServiceException.class,
                () -> new CqlParser(AREAS, "CQL_FILTER").parse("name IN (" + values + ")"));
        assertEquals("CQL_FILTER", e.locator());
        assertTrue(e.getMessage().contains("limit is " + Filter.MAX_OPERANDS), e.getMessage());
        String ok = String.join(",", java.util.Collections.nCopies(Filter.MAX_OPERANDS, "'a'"));
        assertEquals(Filter.MAX_OPERANDS,
                ((Filter.Or) new CqlParser(AREAS, "CQL_FILTER").parse("name IN (" + ok + ")")).children().size());
    }
}
