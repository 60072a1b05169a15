package org.ecoplan.ows.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class GeoJsonGeometryWriterTest {
    private static String json(String wkt) throws Exception {
        Geometry g = new WKTReader().read(wkt);
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = new JsonFactory().createGenerator(out)) {
            gen.writeStartArray();
            GeoJsonGeometryWriter w = new GeoJsonGeometryWriter(new CoordinatePrecision(8));
            w.write(gen, g);
            w.write(gen, g); // the scratch buffer is reused
            gen.writeEndArray();
        }
        // the output must be well-formed JSON, the same geometry twice
        var tree = new ObjectMapper().readTree(out.toString());
        assertEquals(tree.get(0), tree.get(1));
        return tree.get(0).toString();
    }

    @Test
    void everyGeometryTypeAsRfc7946() throws Exception {
        assertEquals("{\"type\":\"Point\",\"coordinates\":[113.75,40.1]}", json("POINT (113.75000000000001 40.1)"));
        assertEquals("{\"type\":\"Point\",\"coordinates\":[]}", json("POINT EMPTY"));
        assertEquals("{\"type\":\"Point\",\"coordinates\":[1,2,3.5]}", json("POINT Z (1 2 3.5)"));
        assertEquals("{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1],[2,0.5]]}",
                json("LINESTRING (0 0, 1 1, 2 0.5)"));
        // exterior ring counter-clockwise, hole clockwise, whatever the input's orientation
        assertEquals("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]],"
                + "[[2,2],[2,4],[4,4],[4,2],[2,2]]]}",
                json("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))"));
        assertEquals("{\"type\":\"MultiPoint\",\"coordinates\":[[1,2],[3,4]]}", json("MULTIPOINT ((1 2), (3 4))"));
        assertEquals("{\"type\":\"MultiLineString\",\"coordinates\":[[[0,0],[1,1]],[[2,2],[3,3]]]}",
                json("MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))"));
        assertEquals(
                "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}",
                json("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))"));
        assertEquals("{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[1,2]},"
                + "{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}]}",
                json("GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))"));
    }

    @Test
    void aLongRingOutgrowsTheScratchBuffer() throws Exception {
        StringBuilder wkt = new StringBuilder("LINESTRING (");
        for (int i = 0; i < 2000; i++)
            wkt.append(i > 0 ? ", " : "").append(113.123456789 + i * 1e-4).append(' ').append(-40.5);
        String out = json(wkt.append(')').toString());
        assertEquals(2000, new ObjectMapper().readTree(out).get("coordinates").size());
        assertEquals(-40.5, new ObjectMapper().readTree(out).get("coordinates").get(1999).get(1).asDouble());
    }
}
