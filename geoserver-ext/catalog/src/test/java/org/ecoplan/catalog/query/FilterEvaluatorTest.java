package org.ecoplan.catalog.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.GeometryDescriptor;
import org.ecoplan.catalog.GeometryType;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class FilterEvaluatorTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final FeatureType TYPE = new FeatureType("zones", List.of(
            AttributeDescriptor.of("name", AttributeType.STRING),
            AttributeDescriptor.of("n", AttributeType.INTEGER),
            AttributeDescriptor.of("share", AttributeType.DOUBLE),
            AttributeDescriptor.of("ok", AttributeType.BOOLEAN),
            AttributeDescriptor.of("day", AttributeType.DATE)),
            new GeometryDescriptor("geom", GeometryType.POLYGON, CrsRegistry.CGCS2000));
    private static final Geometry UNIT = GF.toGeometry(new Envelope(0, 1, 0, 1));

    private final FilterEvaluator eval = new FilterEvaluator(TYPE);

    private static Feature feature(String name, Long n, Double share, Boolean ok, LocalDate day, Geometry g) {
        Map<String, Object> v = new HashMap<>();
        v.put("name", name);
        v.put("n", n);
        v.put("share", share);
        v.put("ok", ok);
        v.put("day", day);
        return new Feature("zones.4", v, g);
    }

    private final Feature full = feature("湿地 Zone_1", 4L, 0.25, true, LocalDate.of(2024, 5, 1), UNIT);
    private final Feature empty = feature(null, null, null, null, null, null);

    private static Filter cmp(String p, ComparisonOperator op, Object v) {
        return new Filter.Comparison(p, op, v, true);
    }

    @Test
    void comparisonsConvertLiteralsToTheAttributeType() {
        assertTrue(eval.matches(cmp("n", ComparisonOperator.EQUAL, "4"), full));
        assertTrue(eval.matches(cmp("n", ComparisonOperator.GREATER, 3.5), full));
        assertFalse(eval.matches(cmp("n", ComparisonOperator.GREATER, "4.5"), full));
        assertTrue(eval.matches(cmp("share", ComparisonOperator.LESS_OR_EQUAL, "0.25"), full));
        assertTrue(eval.matches(cmp("ok", ComparisonOperator.EQUAL, "true"), full));
        assertTrue(eval.matches(cmp("day", ComparisonOperator.GREATER_OR_EQUAL, "2024-05-01T00:00:00Z"), full));
        assertTrue(eval.matches(cmp("name", ComparisonOperator.NOT_EQUAL, "湿地 zone_1"), full));
        assertTrue(eval.matches(new Filter.Comparison("name", ComparisonOperator.EQUAL, "湿地 zone_1", false), full));
    }

    @Test
    void nullValuesAreUnknownAndNotUnknownStaysUnknown() {
        Filter eq = cmp("n", ComparisonOperator.EQUAL, 4L);
        assertNull(eval.evaluate(eq, empty));
        assertFalse(eval.matches(new Filter.Not(eq), empty));
        assertTrue(eval.matches(new Filter.Or(List.of(eq, new Filter.IsNull("n"))), empty));
        assertFalse(eval.evaluate(new Filter.And(List.of(eq, Filter.EXCLUDE)), empty));
        assertNull(eval.evaluate(new Filter.Spatial(SpatialOperator.DISJOINT, UNIT, 0), empty));
        assertTrue(eval.matches(new Filter.IsNull("geom"), empty));
        assertNull(eval.evaluate(new Filter.BBox(new Envelope(0, 1, 0, 1)), empty));
    }

    @Test
    void likeUsesThePatternsOwnCharacters() {
        assertTrue(eval.matches(new Filter.Like("name", "湿地*", '*', '.', '!', true), full));
        assertTrue(eval.matches(new Filter.Like("name", "湿地 Zone_.", '*', '.', '!', true), full));
        assertFalse(eval.matches(new Filter.Like("name", "湿地 Zone_!.", '*', '.', '!', true), full),
                "escaped '.' is literal");
        assertTrue(eval.matches(new Filter.Like("name", "*zone!_1", '*', '.', '!', false), full));
        assertFalse(eval.matches(new Filter.Like("name", "*zone!_1", '*', '.', '!', true), full));
        assertTrue(eval.matches(new Filter.Like("name", "%Zone\\_1", '%', '_', '\\', true), full));
        assertThrows(QueryException.class, () -> eval.matches(new Filter.Like("n", "4*", '*', '.', '!', true), full));
    }

    @Test
    void betweenAndResourceId() {
        assertTrue(eval.matches(new Filter.Between("n", 4L, "9"), full));
        assertFalse(eval.matches(new Filter.Between("share", 0.3, 1.0), full));
        assertTrue(eval.matches(new Filter.ResourceId(List.of("other.4", "zones.04", "zones.x")), full));
        assertFalse(eval.matches(new Filter.ResourceId(List.of("other.4", "zones.40")), full));
    }

    @Test
    void spatialOperators() {
        Geometry inside = GF.createPoint(new Coordinate(0.5, 0.5));
        Geometry corner = GF.createPoint(new Coordinate(1, 1));
        Geometry far = GF.createPoint(new Coordinate(3, 1));
        Geometry crossing = GF.createLineString(new Coordinate[]{new Coordinate(-1, 0.5), new Coordinate(2, 0.5)});
        Geometry half = GF.toGeometry(new Envelope(0.5, 2, 0, 1));
        assertTrue(eval.matches(new Filter.Spatial(SpatialOperator.CONTAINS, inside, 0), full));
        assertTrue(eval.matches(new Filter.Spatial(SpatialOperator.TOUCHES, corner, 0), full));
        assertTrue(eval.matches(new Filter.Spatial(SpatialOperator.DISJOINT, far, 0), full));
        assertTrue(eval.matches(new Filter.Spatial(SpatialOperator.CROSSES, crossing, 0), full));
        assertTrue(eval.matches(new Filter.Spatial(SpatialOperator.OVERLAPS, half, 0), full));
        assertTrue(eval.matches(
                new Filter.Spatial(SpatialOperator.EQUALS, GF.toGeometry(new Envelope(0, 1, 0, 1)).reverse(), 0),
                full));
        assertTrue(eval.matches(
                new Filter.Spatial(SpatialOperator.WITHIN, GF.toGeometry(new Envelope(-1, 2, -1, 2)), 0), full));
        assertTrue(eval.matches(new Filter.Spatial(SpatialOperator.DWITHIN, far, 2.0), full));
        assertFalse(eval.matches(new Filter.Spatial(SpatialOperator.DWITHIN, far, 1.99), full));
        assertTrue(eval.matches(new Filter.Spatial(SpatialOperator.BEYOND, far, 1.99), full));
        assertTrue(eval.matches(new Filter.BBox(new Envelope(1, 2, 1, 2)), full),
                "envelopes sharing a corner intersect");
    }

    @Test
    void unknownPropertiesNameTheProperty() {
        QueryException e = assertThrows(QueryException.class,
                () -> eval.matches(cmp("missing", ComparisonOperator.EQUAL, 1), full));
        assertEquals("missing", e.locator());
        e = assertThrows(QueryException.class, () -> eval.matches(cmp("n", ComparisonOperator.EQUAL, "four"), full));
        assertEquals("n", e.locator());
    }

    @Test
    void textOrderIsCodePointOrderAndFoldsAsciiOnly() {
        assertTrue(TextOrder.compare("Z", "a") < 0);
        assertTrue(TextOrder.compare("\uFFFF", "\uD83D\uDE00") < 0, "a supplementary character sorts after the BMP");
        assertEquals("Ärger abc", TextOrder.foldCase("Ärger ABC"));
        assertEquals(List.of(4L, 9L),
                ResourceIds.fids("zones", List.of("zones.4", "zones.-1", "zones.9", "zones.1e3")));
    }
}
