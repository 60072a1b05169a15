package org.ecoplan.formats;

import static org.ecoplan.formats.Gdal.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Polygon;

/** 界址点坐标 files: two parcels (one with a hole, one in two parts), encodings, zones and broken lines. */
class JzdReaderTest {
    /** Parcel 1: 200 m × 100 m less a 20 m × 10 m hole = 1.98 ha; parcel 2: 100 m × 100 m + 50 m × 50 m = 1.25 ha. */
    static final String JZD = """
            [属性描述]
            格式版本号=1.01版本
            数据产生单位=阳高县自然资源局
            数据产生日期=2024-05-20
            坐标系=2000国家大地坐标系
            几度分带=3
            投影类型=高斯克吕格
            计量单位=米
            带号=38
            精度=0.001
            转换参数=,,,,,,
            [地块坐标]
            10,1.98,YG-001,东井集湿地修复,面,K-49-1,生态修复,1101,@
            J1,1,4432000.000,38438000.000
            J2,1,4432000.000,38438200.000
            J3,1,4432100.000,38438200.000
            J4,1,4432100.000,38438000.000
            J1,1,4432000.000,38438000.000
            K1,2,4432040.000,38438050.000
            K2,2,4432050.000,38438050.000
            K3,2,4432050.000,38438070.000
            K4,2,4432040.000,38438070.000
            K1,2,4432040.000,38438050.000
            9,1.25,YG-002,南洋河岸坡,面,,,,@
            A1,1,4433000.000,38439000.000
            A2,1,4433000.000,38439100.000
            A3,1,4433100.000,38439100.000
            A4,1,4433100.000,38439000.000
            E1,2,4433500.000,38439500.000
            E2,2,4433500.000,38439550.000
            E3,2,4433550.000,38439550.000
            E4,2,4433550.000,38439500.000
            E1,2,4433500.000,38439500.000
            """;

    @TempDir
    Path tmp;

    private Path write(String name, String text, Charset cs) throws Exception {
        return Files.write(tmp.resolve(name), text.replace("\n", "\r\n").getBytes(cs));
    }

    private static List<FormatRecord> read(Path f, String encoding) {
        try (FeatureFileReader r = FeatureFiles.jzd(f, "data/" + f.getFileName(), new JzdOptions(encoding))) {
            return readAll(r);
        }
    }

    private static String crs(Path f) {
        try (FeatureFileReader r = FeatureFiles.jzd(f, "data/" + f.getFileName(), new JzdOptions(null))) {
            return r.crs().orElseThrow();
        }
    }

    @Test
    void twoParcelsInUtf8AndGbkReadTheSame() throws Exception {
        for (Charset cs : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
            Path f = write("jzd-" + cs.name() + ".txt", JZD, cs);
            assertEquals("EPSG:4526", crs(f));
            List<FormatRecord> all = read(f, null);
            assertEquals(2, all.size());
            FormatRecord p1 = all.get(0);
            assertEquals(13, p1.line());
            assertEquals("YG-001", p1.properties().get("地块编号"));
            assertEquals("东井集湿地修复", p1.properties().get("地块名称"));
            assertEquals(1.98, p1.properties().get("地块面积"));
            assertEquals("面", p1.properties().get("图形属性"));
            assertEquals("1101", p1.properties().get("地类编码"));
            assertTrue(p1.problems().isEmpty(), p1.problems()::toString);
            Polygon poly = (Polygon) p1.geometry();
            assertEquals(1, poly.getNumInteriorRing());
            // X is the northing, Y the easting: x of the geometry is Y of the file
            assertEquals(38438000.0, poly.getExteriorRing().getCoordinateN(0).x);
            assertEquals(4432000.0, poly.getExteriorRing().getCoordinateN(0).y);
            assertEquals((Double) p1.properties().get("地块面积"), poly.getArea() / 10_000, 1e-9);

            FormatRecord p2 = all.get(1);
            assertEquals("MultiPolygon", p2.geometry().getGeometryType(), "a second ring outside the first is a part");
            assertEquals(2, p2.geometry().getNumGeometries());
            assertEquals((Double) p2.properties().get("地块面积"), p2.geometry().getArea() / 10_000, 1e-9);
            assertEquals(null, p2.properties().get("地块用途"));
            assertTrue(p2.problems().isEmpty(), p2.problems()::toString);
        }
    }

    @Test
    void theZoneComesFromTheHeaderOrThePrefix() throws Exception {
        assertEquals("EPSG:4526", crs(write("a.txt", JZD.replace("带号=38", "带号="), StandardCharsets.UTF_8)));
        String noPrefix = JZD.replace(",384", ",4");
        assertEquals("EPSG:4547", crs(write("b.txt", noPrefix, StandardCharsets.UTF_8)));
        assertEquals(38438000.0 - 38_000_000, read(write("c.txt", noPrefix, StandardCharsets.UTF_8), null).get(0)
                .geometry().getCoordinates()[0].x);
        FormatException e = assertThrows(FormatException.class,
                () -> crs(write("d.txt", noPrefix.replace("带号=38", "带号="), StandardCharsets.UTF_8)));
        assertEquals("data/d.txt:5", e.location());
        FormatException disagree = assertThrows(FormatException.class,
                () -> crs(write("e.txt", JZD.replace("带号=38", "带号=39"), StandardCharsets.UTF_8)));
        assertEquals("data/e.txt:9", disagree.location());
    }

    @Test
    void aSixDegreeFile() throws Exception {
        String six = JZD.replace("几度分带=3", "几度分带=6").replace("带号=38", "带号=20").replace(",384", ",204");
        assertEquals("EPSG:4498", crs(write("six.txt", six, StandardCharsets.UTF_8)));
    }

    @Test
    void xian80AndBeijing54AreRefused() throws Exception {
        for (String system : List.of("1980西安坐标系", "1954北京坐标系")) {
            Path f = write("old.txt", JZD.replace("2000国家大地坐标系", system), Charset.forName("GBK"));
            FormatException e = assertThrows(FormatException.class, () -> read(f, null));
            assertEquals("data/old.txt:5", e.location());
            assertTrue(e.reason().contains(system + " is not supported (no published transformation to CGCS2000)"),
                    e.getMessage());
        }
        Path f = write("local.txt", JZD.replace("2000国家大地坐标系", "地方独立坐标系"), StandardCharsets.UTF_8);
        FormatException e = assertThrows(FormatException.class, () -> read(f, null));
        assertEquals("data/local.txt:5", e.location());
    }

    @Test
    void brokenLinesAreNamedByLine() throws Exception {
        Path bad = write("bad.txt", JZD.replace("J3,1,4432100.000", "J3,1,4432l00.000"), StandardCharsets.UTF_8);
        FormatException e = assertThrows(FormatException.class, () -> read(bad, null));
        assertEquals("data/bad.txt:16", e.location());
        assertEquals("X (northing) '4432l00.000' is not a number", e.reason());

        Path noAt = write("noat.txt", JZD.replace("面,,,,@", "面,,,,"), StandardCharsets.UTF_8);
        FormatException h = assertThrows(FormatException.class, () -> read(noAt, null));
        assertEquals("data/noat.txt:24", h.location());
        assertTrue(h.reason().contains("',@'"), h.getMessage());

        Path before = write("before.txt", JZD.replace("10,1.98,YG-001,东井集湿地修复,面,K-49-1,生态修复,1101,@\n", ""),
                StandardCharsets.UTF_8);
        FormatException p = assertThrows(FormatException.class, () -> read(before, null));
        assertEquals("data/before.txt:13", p.location());
        assertTrue(p.reason().contains("before any parcel header"), p.getMessage());
    }

    @Test
    void aWrongPointCountOrAShortRingIsAProblemOfThatParcel() throws Exception {
        Path f = write("count.txt", JZD.replace("10,1.98", "11,1.98").replace("""
                E3,2,4433550.000,38439550.000
                E4,2,4433550.000,38439500.000
                E1,2,4433500.000,38439500.000
                """, ""), StandardCharsets.UTF_8);
        List<FormatRecord> all = read(f, null);
        assertEquals("界址点数", all.get(0).problems().get(0).field());
        assertTrue(all.get(0).problems().get(0).message().contains("states 11 points, the parcel has 10"));
        assertEquals(null, all.get(1).geometry());
        assertTrue(all.get(1).problems().stream().anyMatch(x -> x.field().equals("geometry")
                && x.message().contains("data/count.txt:29")), all.get(1).problems()::toString);
    }

    @Test
    void anExplicitEncodingIsStrict() throws Exception {
        Path f = write("gbk.txt", JZD, Charset.forName("GBK"));
        FormatException e = assertThrows(FormatException.class, () -> read(f, "UTF-8"));
        assertEquals("data/gbk.txt:1", e.location());
        assertTrue(e.reason().contains("is not valid UTF-8"), e.getMessage());
        assertEquals(Optional.of("EPSG:4526"),
                FeatureFiles.jzd(f, "gbk.txt", new JzdOptions("GBK")).crs());
    }
}
