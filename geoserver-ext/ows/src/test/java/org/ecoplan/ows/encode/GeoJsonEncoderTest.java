package org.ecoplan.ows.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.ecoplan.catalog.crs.AxisOrder;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class GeoJsonEncoderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode encode(CollectionMetadata meta, List<FeatureStream> streams) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GeoJsonEncoder().writeCollection(out, meta, streams);
        return MAPPER.readTree(out.toByteArray());
    }

    @Test
    void collectionWithCountsLinksPropertiesAndGeometry() throws IOException {
        CollectionMetadata meta = new CollectionMetadata(7, 2, Instant.parse("2026-01-02T03:04:05.678Z"),
                "http://h/wfs?startIndex=2", null, CrsRegistry.EPSG_4326, "EPSG:4326", AxisOrder.NORTH_EAST);
        JsonNode fc = encode(meta, List.of(FeatureStream.all(TestFeatures.ZONES, List.of(
                TestFeatures.zone(1, "北部防风固沙区", TestFeatures.CW_POLYGON),
                TestFeatures.zone(2, "south", null)).iterator())));

        assertEquals("FeatureCollection", fc.get("type").asText());
        assertEquals(7, fc.get("numberMatched").asLong());
        assertEquals(2, fc.get("numberReturned").asLong());
        assertEquals("2026-01-02T03:04:05Z", fc.get("timeStamp").asText());
        assertFalse(fc.has("crs"), "WGS 84 output carries no crs member");
        assertEquals("next", fc.get("links").get(0).get("rel").asText());
        assertEquals("http://h/wfs?startIndex=2", fc.get("links").get(0).get("href").asText());

        JsonNode f1 = fc.get("features").get(0);
        assertEquals("zones.1", f1.get("id").asText());
        assertEquals("北部防风固沙区", f1.get("properties").get("name").asText());
        assertEquals(1, f1.get("properties").get("rank").asLong());
        assertEquals(12.5, f1.get("properties").get("area_km2").asDouble());
        assertTrue(f1.get("properties").get("active").asBoolean());
        assertEquals("2021-01-01", f1.get("properties").get("since").asText());
        JsonNode geom = f1.get("geometry");
        assertEquals("MultiPolygon", geom.get("type").asText());
        JsonNode shell = geom.get("coordinates").get(0).get(0);
        // x/y = lon/lat even though the request's axis order was north/east
        assertEquals(113.5, shell.get(0).get(0).asDouble());
        assertEquals(40.0, shell.get(0).get(1).asDouble());
        assertTrue(Orientation.isCCW(ring(shell)), "exterior ring counter-clockwise (RFC 7946 3.1.6)");
        assertFalse(Orientation.isCCW(ring(geom.get("coordinates").get(0).get(1))), "hole clockwise");

        JsonNode f2 = fc.get("features").get(1);
        assertTrue(f2.get("geometry").isNull());
    }

    @Test
    void projectedCrsGetsCrsMemberAndMetreRounding() throws IOException {
        var g = new GeometryFactory().createPoint(new Coordinate(38500000.123456, 4450000.000000001));
        var f = new org.ecoplan.catalog.Feature("zones.3", new java.util.LinkedHashMap<>(), g);
        JsonNode fc = encode(CollectionMetadata.of(CrsRegistry.CGCS2000_GK_114E, "EPSG:4547", AxisOrder.EAST_NORTH),
                List.of(new FeatureStream(TestFeatures.ZONES, List.of(), true, List.of(f).iterator())));
        assertEquals("urn:ogc:def:crs:EPSG::4547", fc.get("crs").get("properties").get("name").asText());
        JsonNode c = fc.get("features").get(0).get("geometry").get("coordinates");
        assertEquals(38500000.123, c.get(0).asDouble());
        assertEquals(4450000.0, c.get(1).asDouble());
        assertEquals(0, fc.get("features").get(0).get("properties").size(), "no properties asked for");
        assertFalse(fc.has("numberMatched"), "unknown counts are left out");
    }

    @Test
    void tableWithoutGeometryAndNullValues() throws IOException {
        JsonNode fc = encode(CollectionMetadata.of(null, null, null), List.of(FeatureStream.all(TestFeatures.TARGETS,
                List.of(TestFeatures.target(1, "森林覆盖率", 20.5), TestFeatures.target(2, "x\"y", null)).iterator())));
        assertEquals(2, fc.get("features").size());
        JsonNode f = fc.get("features").get(1);
        assertTrue(f.get("geometry").isNull());
        assertEquals("x\"y", f.get("properties").get("indicator").asText());
        assertTrue(f.get("properties").get("value").isNull());
        assertTrue(fc.get("features").get(0).get("properties").has("value"));
    }

    @Test
    void singleFeature() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GeoJsonEncoder().writeFeature(out, TestFeatures.zone(4, "z", "POINT(113.75 40.1)"),
                FeatureStream.all(TestFeatures.ZONES, java.util.Collections.emptyIterator()), CrsRegistry.CGCS2000);
        JsonNode f = MAPPER.readTree(out.toByteArray());
        assertEquals("Feature", f.get("type").asText());
        assertEquals("Point", f.get("geometry").get("type").asText());
        assertEquals(113.75, f.get("geometry").get("coordinates").get(0).asDouble());
        assertEquals("urn:ogc:def:crs:EPSG::4490", f.get("crs").get("properties").get("name").asText());
    }

    @Test
    void aCursorThatFailsLeavesTheAnswerBrokenOffAndOpen() {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        java.io.OutputStream out = new java.io.FilterOutputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        java.util.Iterator<org.ecoplan.catalog.Feature> failing = new java.util.Iterator<>() {
            int n;

            @Override
            public boolean hasNext() { return true; }

            @Override
            public org.ecoplan.catalog.Feature next() {
                if (++n == 3) throw new IllegalStateException("the store went away");
                return TestFeatures.zone(n, "z" + n, "POINT(113.75 40.1)");
            }
        };
        CollectionMetadata meta = new CollectionMetadata(5, 5, Instant.now(), null, null, CrsRegistry.CGCS2000,
                "EPSG:4490", AxisOrder.EAST_NORTH);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> new GeoJsonEncoder()
                .writeItems(out, meta, List.of(FeatureStream.all(TestFeatures.ZONES, failing)), List.of()));
        // the server can still answer with a report or cut the connection: nothing closed the response
        assertFalse(closed[0], "the response stream was closed as if the answer were complete");
        String written = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(written.endsWith("]}"), "no closing brackets were added: " + written);
    }

    private static Coordinate[] ring(JsonNode positions) {
        Coordinate[] c = new Coordinate[positions.size()];
        for (int i = 0; i < c.length; i++)
            c[i] = new Coordinate(positions.get(i).get(0).asDouble(), positions.get(i).get(1).asDouble());
        return c;
    }
}
