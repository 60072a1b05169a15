package org.ecoplan.loader.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.config.SourceConfig;
import org.ecoplan.loader.SourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source readers on small real files: records, declared CRS and file-level errors. */
class SourceReadersTest {
    @TempDir
    Path tmp;

    private static List<SourceRecord> readAll(SourceReader r) {
        List<SourceRecord> out = new ArrayList<>();
        while (r.hasNext()) out.add(r.next());
        return out;
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void geoJsonCrsMemberAfterTheFeaturesIsStillSeen() throws Exception {
        Path f = write("a.geojson", """
                {"features": [
                  {"type": "Feature", "id": 7, "properties": {"n": 1, "s": "x", "b": true, "d": 1.5, "o": {"k": 1}},
                   "geometry": {"type": "Point", "coordinates": [113.6, 40.1]}},
                  {"type": "Feature", "properties": null, "geometry": null}
                ], "type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:4490"}}}
                """);
        try (SourceReader r = SourceReaders.open(f, "a.geojson",
                new SourceConfig("a.geojson", "geojson", null, Map.of()))) {
            List<SourceRecord> all = readAll(r);
            assertEquals(2, all.size());
            SourceRecord first = all.get(0);
            assertEquals("7", first.id());
            assertEquals(2, first.line());
            assertEquals(1L, first.properties().get("n"));
            assertEquals("x", first.properties().get("s"));
            assertEquals(Boolean.TRUE, first.properties().get("b"));
            assertEquals(1.5, first.properties().get("d"));
            assertEquals(Map.of("k", 1), first.properties().get("o"));
            assertEquals("POINT (113.6 40.1)", first.geometry().toText());
            assertEquals(null, all.get(1).geometry());
            assertEquals("EPSG:4490", r.declaredCrs().orElseThrow());
        }
    }

    @Test
    void geoJsonFeatureInsteadOfACollection() throws Exception {
        Path f = write("b.geojson", "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": null}");
        SourceException e = assertThrows(SourceException.class, () -> {
            try (SourceReader r = SourceReaders.open(f, "b.geojson",
                    new SourceConfig("b.geojson", "geojson", null, Map.of()))) {
                readAll(r);
            }
        });
        assertTrue(e.getMessage().startsWith("b.geojson:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("expected \"type\": \"FeatureCollection\""), e.getMessage());
    }

    @Test
    void geoJsonUnreadableGeometryIsAProblemOfThatFeatureOnly() throws Exception {
        Path f = write("c.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": "nope"}},
                  {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 2]}}]}
                """);
        try (SourceReader r = SourceReaders.open(f, "c.geojson",
                new SourceConfig("c.geojson", "geojson", null, Map.of()))) {
            List<SourceRecord> all = readAll(r);
            assertEquals("geometry", all.get(0).problems().get(0).field());
            assertTrue(all.get(0).problems().get(0).message().startsWith("unreadable GeoJSON geometry"));
            assertTrue(all.get(1).problems().isEmpty());
        }
    }

    @Test
    void csvWithWktAndARaggedRow() throws Exception {
        Path f = write("d.csv", "\uFEFFname;wkt\nA;POINT (1 2)\nB;LINESTRING (0 0, 1\nC\n");
        try (SourceReader r = SourceReaders.open(f, "d.csv",
                new SourceConfig("d.csv", "csv", null, Map.of("wkt", "wkt", "delimiter", ";")))) {
            List<SourceRecord> all = readAll(r);
            assertEquals(3, all.size());
            assertEquals(Map.of("name", "A"), all.get(0).properties());
            assertEquals("POINT (1 2)", all.get(0).geometry().toText());
            assertEquals("wkt", all.get(1).problems().get(0).field());
            assertTrue(all.get(2).problems().get(0).message().contains("row has 1 values, the header has 2"));
        }
    }

    @Test
    void csvGeometryColumnMustExist() throws Exception {
        Path f = write("e.csv", "name,x,y\nA,1,2\n");
        SourceException e = assertThrows(SourceException.class,
                () -> SourceReaders.open(f, "e.csv",
                        new SourceConfig("e.csv", "csv", null, Map.of("lon", "lon", "lat", "y"))));
        assertEquals("e.csv:1: geometry column 'lon' is not in the header [name, x, y]", e.getMessage());
    }

    @Test
    void geoPackageTableAndCrs() throws Exception {
        Path gpkg = Path.of(getClass().getClassLoader().getResource("workspace/data/rivers.gpkg").toURI());
        try (SourceReader r = SourceReaders.open(gpkg, "rivers.gpkg",
                new SourceConfig("rivers.gpkg", "gpkg", null, Map.of()))) {
            List<SourceRecord> all = readAll(r);
            assertEquals(2, all.size());
            assertEquals("南洋河", all.get(0).properties().get("name"));
            assertEquals("LineString", all.get(0).geometry().getGeometryType());
            assertEquals("EPSG:4547", r.declaredCrs().orElseThrow());
        }
        SourceException e = assertThrows(SourceException.class, () -> SourceReaders.open(gpkg, "rivers.gpkg",
                new SourceConfig("rivers.gpkg", "gpkg", null, Map.of("table", "lakes"))));
        assertEquals("rivers.gpkg: no table 'lakes' in the GeoPackage (tables: [rivers])", e.getMessage());
    }

    @Test
    void notAGeoPackage() throws Exception {
        Path f = write("f.gpkg", "hello");
        SourceException e = assertThrows(SourceException.class,
                () -> SourceReaders.open(f, "f.gpkg", new SourceConfig("f.gpkg", "gpkg", null, Map.of())));
        assertTrue(e.getMessage().startsWith("f.gpkg: not a readable GeoPackage"), e.getMessage());
    }

    @Test
    void whiteSpaceOnlyIsEmpty() throws Exception {
        Path f = write("g.geojson", "  \n\n ");
        SourceException e = assertThrows(SourceException.class,
                () -> SourceReaders.open(f, "g.geojson", new SourceConfig("g.geojson", "geojson", null, Map.of())));
        assertEquals("g.geojson: file is empty (white space only)", e.getMessage());
    }
}
