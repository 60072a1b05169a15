package org.ecoplan.formats;

import static org.ecoplan.formats.Gdal.assertSame;
import static org.ecoplan.formats.Gdal.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Shapefile reader against GDAL: files written by ogr2ogr, read by us and by ogr2ogr, compared. */
class ShapefileReaderTest {
    static final String POLYGONS = """
            {"type": "FeatureCollection", "features": [
             {"type": "Feature", "properties": {"name": "阳高县湿地", "code": 12, "cost": 120.5, "d": "2025-03-01"},
              "geometry": {"type": "Polygon", "coordinates": [
                [[113.5, 40.0], [113.6, 40.0], [113.6, 40.1], [113.5, 40.1], [113.5, 40.0]],
                [[113.52, 40.02], [113.52, 40.05], [113.55, 40.05], [113.55, 40.02], [113.52, 40.02]]]}},
             {"type": "Feature", "properties": {"name": "黑水河", "code": null, "cost": null, "d": null},
              "geometry": {"type": "MultiPolygon", "coordinates": [
                [[[113.7, 40.0], [113.8, 40.0], [113.8, 40.1], [113.7, 40.0]]],
                [[[113.9, 40.0], [114.0, 40.0], [114.0, 40.1], [113.9, 40.0]],
                 [[113.95, 40.01], [113.99, 40.05], [113.99, 40.01], [113.95, 40.01]]]]}},
             {"type": "Feature", "properties": {"name": "", "code": -7, "cost": 0.125, "d": "1999-12-31"},
              "geometry": null}]}
            """;

    @TempDir
    Path tmp;

    @BeforeEach
    void gdal() {
        Gdal.require();
    }

    static FeatureFileReader open(Path shp, String encoding) {
        return FeatureFiles.shapefile(shp, "data/" + shp.getFileName(),
                new ShapefileOptions(encoding, null, ShapefileOptions.DEFAULT_MAX_UNCOMPRESSED_BYTES));
    }

    @Test
    void utf8PolygonsWithHolesAndMultiPolygons() throws Exception {
        Path shp = Gdal.shapefile(tmp, "utf", POLYGONS, "-lco", "ENCODING=UTF-8", "-a_srs", "EPSG:4490");
        try (FeatureFileReader r = open(shp, null)) {
            assertEquals(Optional.of("EPSG:4490"), r.crs());
            assertEquals(OptionalLong.of(3), r.size());
            List<FormatRecord> all = readAll(r);
            assertSame(Gdal.read(shp), all);
            assertEquals("阳高县湿地", all.get(0).properties().get("name"));
            assertEquals(12L, all.get(0).properties().get("code"));
            assertEquals(120.5, all.get(0).properties().get("cost"));
            assertEquals(LocalDate.of(2025, 3, 1), all.get(0).properties().get("d"));
            assertEquals("Polygon", all.get(0).geometry().getGeometryType());
            assertEquals(1, ((org.locationtech.jts.geom.Polygon) all.get(0).geometry()).getNumInteriorRing());
            assertEquals("MultiPolygon", all.get(1).geometry().getGeometryType());
            assertEquals(3L, all.get(2).index());
        }
    }

    @Test
    void gbkWithItsCpg() throws Exception {
        Path shp = Gdal.shapefile(tmp, "gbk", POLYGONS, "-lco", "ENCODING=CP936", "-a_srs", "EPSG:4490");
        assertEquals("CP936", Files.readString(tmp.resolve("gbk.cpg")).strip());
        try (FeatureFileReader r = open(shp, null)) {
            List<FormatRecord> all = readAll(r);
            assertSame(Gdal.read(shp), all);
            assertEquals("黑水河", all.get(1).properties().get("name"));
        }
    }

    @Test
    void gbkWithoutCpgNeedsTheEncodingAndSaysSo() throws Exception {
        Path shp = Gdal.shapefile(tmp, "gbk", POLYGONS, "-lco", "ENCODING=CP936", "-a_srs", "EPSG:4490");
        List<Gdal.Feature> expected = Gdal.read(shp);
        Files.delete(tmp.resolve("gbk.cpg"));
        FormatException e = assertThrows(FormatException.class, () -> {
            try (FeatureFileReader r = open(shp, null)) {
                readAll(r);
            }
        });
        assertEquals("data/gbk.dbf#1", e.location());
        assertTrue(e.reason().contains("field 'name'"), e.getMessage());
        assertTrue(e.reason().contains("no .cpg and no language byte: tried UTF-8"), e.getMessage());
        assertTrue(e.reason().contains("GBK"), e.getMessage());
        try (FeatureFileReader r = open(shp, "GBK")) {
            assertSame(expected, readAll(r));
        }
        // the dBASE language driver byte 0x4D (ANSI 936) is enough on its own
        try (RandomAccessFile f = new RandomAccessFile(tmp.resolve("gbk.dbf").toFile(), "rw")) {
            f.seek(29);
            f.write(0x4D);
        }
        try (FeatureFileReader r = open(shp, null)) {
            assertSame(expected, readAll(r));
        }
    }

    @Test
    void aCpgThatIsWrongIsNamedInTheError() throws Exception {
        Path shp = Gdal.shapefile(tmp, "gbk", POLYGONS, "-lco", "ENCODING=CP936");
        Files.writeString(tmp.resolve("gbk.cpg"), "UTF-8");
        FormatException e = assertThrows(FormatException.class, () -> {
            try (FeatureFileReader r = open(shp, null)) {
                readAll(r);
            }
        });
        assertTrue(e.reason().contains(".cpg says UTF-8"), e.getMessage());
    }

    @Test
    void gaussKrugerPrjWithAndWithoutZonePrefix() throws Exception {
        Path zone = Gdal.shapefile(tmp, "zone38", POLYGONS, "-lco", "ENCODING=UTF-8", "-s_srs", "EPSG:4490",
                "-t_srs", "EPSG:4526");
        Path cm = Gdal.shapefile(tmp, "cm114", POLYGONS, "-lco", "ENCODING=UTF-8", "-s_srs", "EPSG:4490",
                "-t_srs", "EPSG:4547");
        try (FeatureFileReader r = open(zone, null)) {
            assertEquals(Optional.of("EPSG:4526"), r.crs());
            List<FormatRecord> all = readAll(r);
            assertSame(Gdal.read(zone), all);
            assertTrue(all.get(0).geometry().getCoordinate().x > 38_000_000, "eastings keep the zone prefix");
        }
        try (FeatureFileReader r = open(cm, null)) {
            assertEquals(Optional.of("EPSG:4547"), r.crs());
            assertSame(Gdal.read(cm), readAll(r));
        }
    }

    @Test
    void withoutPrjTheCrsIsEmpty() throws Exception {
        Path shp = Gdal.shapefile(tmp, "noprj", POLYGONS, "-lco", "ENCODING=UTF-8", "-a_srs", "EPSG:4490");
        Files.delete(tmp.resolve("noprj.prj"));
        try (FeatureFileReader r = open(shp, null)) {
            assertEquals(Optional.empty(), r.crs());
            assertEquals(Optional.empty(), r.crsText());
            assertEquals(3, readAll(r).size());
        }
    }

    @Test
    void linesPointsMultiPointsAndZ() throws Exception {
        String lines = """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"n": "one"}, "geometry": {"type": "LineString",
                  "coordinates": [[113.5, 40.0], [113.6, 40.1], [113.7, 40.05]]}},
                 {"type": "Feature", "properties": {"n": "two"}, "geometry": {"type": "MultiLineString",
                  "coordinates": [[[113.5, 40.0], [113.6, 40.1]], [[113.8, 40.2], [113.9, 40.3]]]}}]}
                """;
        String points = """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"n": 1}, "geometry": {"type": "Point", "coordinates": [113.5, 40.0]}},
                 {"type": "Feature", "properties": {"n": 2}, "geometry": {"type": "Point", "coordinates": [113.25, 39.75]}}]}
                """;
        String multiPoints = """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"n": 1}, "geometry": {"type": "MultiPoint",
                  "coordinates": [[113.5, 40.0], [113.6, 40.2]]}}]}
                """;
        String z = """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"n": 1}, "geometry": {"type": "Polygon", "coordinates": [
                  [[113.5, 40.0, 1000], [113.6, 40.0, 1010.5], [113.6, 40.1, 1020], [113.5, 40.0, 1000]]]}},
                 {"type": "Feature", "properties": {"n": 2}, "geometry": {"type": "MultiPolygon", "coordinates": [
                  [[[113.7, 40.0, 5], [113.8, 40.0, 6], [113.8, 40.1, 7], [113.7, 40.0, 5]]]]}}]}
                """;
        String pointZ = """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"n": 1}, "geometry": {"type": "Point", "coordinates": [113.5, 40.0, 1234.5]}}]}
                """;
        for (String[] c : new String[][]{{"lines", lines}, {"points", points}, {"mpoints", multiPoints}, {"polyz", z},
                {"pointz", pointZ}}) {
            Path shp = Gdal.shapefile(tmp, c[0], c[1], "-lco", "ENCODING=UTF-8");
            try (FeatureFileReader r = open(shp, null)) {
                List<FormatRecord> all = readAll(r);
                assertSame(Gdal.read(shp), all);
            }
        }
        try (FeatureFileReader r = open(tmp.resolve("polyz.shp"), null)) {
            var z1010 = java.util.Arrays.stream(readAll(r).get(0).geometry().getCoordinates())
                    .filter(c -> c.x == 113.6 && c.y == 40.0).findFirst().orElseThrow();
            assertEquals(1010.5, z1010.getZ());
        }
    }

    @Test
    void deletedRecordsAreSkippedWithTheirShapeAsGdalDoes() throws Exception {
        Path shp = Gdal.shapefile(tmp, "del", POLYGONS, "-lco", "ENCODING=UTF-8");
        byte[] dbf = Files.readAllBytes(tmp.resolve("del.dbf"));
        ByteBuffer h = ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = h.getShort(8);
        int recordLength = h.getShort(10);
        dbf[headerLength + recordLength] = '*'; // record 2
        Files.write(tmp.resolve("del.dbf"), dbf);
        try (FeatureFileReader r = open(shp, null)) {
            List<FormatRecord> all = readAll(r);
            assertSame(Gdal.read(shp), all);
            assertEquals(List.of(1L, 3L), all.stream().map(FormatRecord::index).toList());
        }
    }

    @Test
    void aMissingShxIsFineAMissingDbfIsNot() throws Exception {
        Path shp = Gdal.shapefile(tmp, "parts", POLYGONS, "-lco", "ENCODING=UTF-8");
        List<Gdal.Feature> expected = Gdal.read(shp);
        Files.delete(tmp.resolve("parts.shx"));
        try (FeatureFileReader r = open(shp, null)) {
            assertSame(expected, readAll(r));
        }
        Files.delete(tmp.resolve("parts.dbf"));
        FormatException e = assertThrows(FormatException.class, () -> open(shp, null));
        assertEquals("data/parts.shp", e.location());
        assertTrue(e.reason().contains("no .dbf"), e.getMessage());
    }

    @Test
    void aTruncatedShpNamesTheRecord() throws Exception {
        Path shp = Gdal.shapefile(tmp, "cut", POLYGONS, "-lco", "ENCODING=UTF-8");
        byte[] b = Files.readAllBytes(shp);
        Files.write(shp, java.util.Arrays.copyOf(b, b.length - 40));
        FormatException e = assertThrows(FormatException.class, () -> {
            try (FeatureFileReader r = open(shp, null)) {
                readAll(r);
            }
        });
        assertTrue(e.location().startsWith("data/cut.shp#"), e.getMessage());
        assertTrue(e.reason().contains("truncated") || e.reason().contains("runs past"), e.getMessage());
    }

    @Test
    void notAShapefile() throws Exception {
        Path shp = Gdal.shapefile(tmp, "bad", POLYGONS, "-lco", "ENCODING=UTF-8");
        byte[] b = Files.readAllBytes(shp);
        b[3] = 0;
        Files.write(shp, b);
        FormatException e = assertThrows(FormatException.class, () -> open(shp, null));
        assertEquals("data/bad.shp: not a Shapefile: file code 9984, expected 9994", e.getMessage());
    }

    @Test
    void aDbfFromAnotherShapefileIsRefused() throws Exception {
        Path shp = Gdal.shapefile(tmp, "a", POLYGONS, "-lco", "ENCODING=UTF-8");
        Gdal.shapefile(tmp, "b", ShapefileZipTest.POINTS, "-lco", "ENCODING=UTF-8");
        Files.copy(tmp.resolve("b.dbf"), tmp.resolve("a.dbf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        FormatException e = assertThrows(FormatException.class, () -> open(shp, null));
        assertTrue(e.reason().contains("the .shx lists 3 records but the .dbf has 2"), e.getMessage());
    }
}
