package org.ecoplan.formats;

import static org.ecoplan.formats.Gdal.assertSame;
import static org.ecoplan.formats.Gdal.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zipped Shapefile deliveries: read in place, compared with GDAL's /vsizip/; unsafe and oversized archives refused. */
class ShapefileZipTest {
    static final String POINTS = """
            {"type": "FeatureCollection", "features": [
             {"type": "Feature", "properties": {"name": "水库"}, "geometry": {"type": "Point", "coordinates": [113.5, 40.0]}},
             {"type": "Feature", "properties": {"name": "泉"}, "geometry": {"type": "Point", "coordinates": [113.7, 40.2]}}]}
            """;

    @TempDir
    Path tmp;

    @BeforeEach
    void gdal() {
        Gdal.require();
    }

    /** A zip of the files of the given Shapefiles under the given folder, plus extra entries. */
    private Path zip(String name, String folder, Map<String, byte[]> extra, String... bases) throws IOException {
        Path zip = tmp.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String base : bases) {
                for (String ext : new String[]{"shp", "shx", "dbf", "prj", "cpg"}) {
                    Path p = tmp.resolve(base + "." + ext);
                    if (!Files.exists(p)) continue;
                    out.putNextEntry(new ZipEntry(folder + base + "." + ext));
                    out.write(Files.readAllBytes(p));
                    out.closeEntry();
                }
            }
            for (var e : extra.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    private static FeatureFileReader open(Path zip, String layer, long cap) {
        return FeatureFiles.shapefile(zip, "data/" + zip.getFileName(), new ShapefileOptions(null, layer, cap));
    }

    @Test
    void aShapefileInASubfolderIsReadInPlace() throws Exception {
        Gdal.shapefile(tmp, "points", POINTS, "-lco", "ENCODING=CP936", "-a_srs", "EPSG:4490");
        Path zip = zip("delivery.zip", "交付/shp/", Map.of("readme.txt", "说明".getBytes()), "points");
        try (FeatureFileReader r = open(zip, null, ShapefileOptions.DEFAULT_MAX_UNCOMPRESSED_BYTES)) {
            assertEquals(Optional.of("EPSG:4490"), r.crs());
            var all = readAll(r);
            assertSame(Gdal.read("/vsizip/" + zip + "/交付/shp/points.shp", tmp), all);
            assertEquals("水库", all.get(0).properties().get("name"));
        }
        assertEquals(0, Files.list(tmp).filter(p -> p.getFileName().toString().equals("交付")).count(),
                "nothing is extracted");
    }

    @Test
    void anEntryOutsideTheArchiveIsRefused() throws Exception {
        Gdal.shapefile(tmp, "points", POINTS, "-lco", "ENCODING=UTF-8");
        Path zip = zip("slip.zip", "", Map.of("../../evil.txt", new byte[]{1}), "points");
        FormatException e = assertThrows(FormatException.class,
                () -> open(zip, null, ShapefileOptions.DEFAULT_MAX_UNCOMPRESSED_BYTES));
        assertEquals("data/slip.zip", e.location());
        assertTrue(e.reason().contains("'../../evil.txt'") && e.reason().contains("refused"), e.getMessage());
        Path abs = zip("abs.zip", "", Map.of("/etc/evil.shp", new byte[]{1}), "points");
        assertThrows(FormatException.class, () -> open(abs, null, ShapefileOptions.DEFAULT_MAX_UNCOMPRESSED_BYTES));
    }

    @Test
    void twoShapefilesNeedTheLayerOption() throws Exception {
        Gdal.shapefile(tmp, "points", POINTS, "-lco", "ENCODING=UTF-8");
        Gdal.shapefile(tmp, "zones", ShapefileReaderTest.POLYGONS, "-lco", "ENCODING=UTF-8");
        Path zip = zip("two.zip", "d/", Map.of(), "points", "zones");
        FormatException e = assertThrows(FormatException.class,
                () -> open(zip, null, ShapefileOptions.DEFAULT_MAX_UNCOMPRESSED_BYTES));
        assertTrue(e.reason().contains("d/points.shp") && e.reason().contains("d/zones.shp")
                && e.reason().contains("set option layer"), e.getMessage());
        try (FeatureFileReader r = open(zip, "zones", ShapefileOptions.DEFAULT_MAX_UNCOMPRESSED_BYTES)) {
            assertSame(Gdal.read(tmp.resolve("zones.shp")), readAll(r));
        }
        FormatException unknown = assertThrows(FormatException.class,
                () -> open(zip, "rivers", ShapefileOptions.DEFAULT_MAX_UNCOMPRESSED_BYTES));
        assertTrue(unknown.reason().startsWith("no Shapefile 'rivers' in the zip"), unknown.getMessage());
    }

    @Test
    void anEntryLargerThanTheCapIsRefused() throws Exception {
        Gdal.shapefile(tmp, "zones", ShapefileReaderTest.POLYGONS, "-lco", "ENCODING=UTF-8");
        // a highly compressible 1 MB .dbf stand-in: a few kilobytes in the zip
        Map<String, byte[]> bomb = new LinkedHashMap<>();
        Path zip = zip("bomb.zip", "", bomb, "zones");
        long shpSize = Files.size(tmp.resolve("zones.shp"));
        FormatException e = assertThrows(FormatException.class, () -> open(zip, null, shpSize - 1));
        assertTrue(e.location().equals("data/bomb.zip!/zones.shp"), e.getMessage());
        assertTrue(e.reason().contains("more than " + (shpSize - 1) + " bytes"), e.getMessage());
        // the declared size can lie: counted while inflating all the same
        try (OutputStream ignored = OutputStream.nullOutputStream();
                CappedInputStream in = new CappedInputStream(new java.io.ByteArrayInputStream(new byte[1000]), 999,
                        "x.zip!/a.dbf")) {
            FormatException counted = assertThrows(FormatException.class, () -> in.transferTo(ignored));
            assertTrue(counted.getMessage().startsWith("x.zip!/a.dbf: uncompresses to more than 999 bytes"));
        }
    }
}
