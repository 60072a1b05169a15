package org.ecoplan.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.config.CatalogLoader;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.DataStores;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Delivered formats through the loader: Shapefiles written by GDAL (GBK with and without .cpg,
 * Gauss-Krüger, zipped), a 界址点坐标 file and a KML, loaded into a GeoPackage; broken variants
 * rejected with file, record and field named and the store left as it was.
 */
class DeliveredFormatsIT {
    static final String POLYGONS = """
            {"type": "FeatureCollection", "features": [
             {"type": "Feature", "properties": {"name": "阳高县湿地", "code": 12, "cost": 120.5, "d": "2025-03-01"},
              "geometry": {"type": "Polygon", "coordinates": [
                [[113.5, 40.0], [113.6, 40.0], [113.6, 40.1], [113.5, 40.1], [113.5, 40.0]],
                [[113.52, 40.02], [113.52, 40.05], [113.55, 40.05], [113.55, 40.02], [113.52, 40.02]]]}},
             {"type": "Feature", "properties": {"name": "黑水河", "code": null, "cost": null, "d": null},
              "geometry": {"type": "MultiPolygon", "coordinates": [
                [[[113.7, 40.0], [113.8, 40.0], [113.8, 40.1], [113.7, 40.0]]],
                [[[113.9, 40.0], [114.0, 40.0], [114.0, 40.1], [113.9, 40.0]]]]}}]}
            """;

    static final String PARCELS_YAML = """
            id: parcels
            title: {zh: 地块, en: Parcels}
            abstract: {zh: 测试用地块, en: Test parcels}
            store: plan
            geometry: {type: MultiPolygon, crs: EPSG:4490}
            source: {file: %s, format: shapefile%s}
            attributes:
              - {name: name, type: string, required: true, alias: {zh: 名称, en: Name}}
              - {name: code, type: integer, alias: {zh: 编号, en: Code}}
              - {name: cost, type: double, alias: {zh: 投资, en: Cost}}
              - {name: d, type: date, alias: {zh: 日期, en: Date}}
            styles: {default: fixture}
            metadata: {source: test fixture, licence: CC0-1.0, attribution: ecoplan tests, schematic: true, confidence: low, planSection: "0"}
            """;

    @TempDir
    Path tmp;
    FixtureWorkspace ws;
    String url;

    @BeforeEach
    void workspace() {
        requireGdal();
        ws = FixtureWorkspace.copy(tmp);
        url = "gpkg:" + tmp.resolve("plan.gpkg");
    }

    static void requireGdal() {
        try {
            if (new ProcessBuilder("ogr2ogr", "--version").start().waitFor() == 0) return;
        } catch (Exception e) {
            // not installed
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("ogr2ogr (GDAL, package gdal-bin) is not installed");
        Assumptions.abort("ogr2ogr (GDAL) is not installed");
    }

    private void ogr2ogr(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ogr2ogr"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(ws.root.resolve("data").toFile()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> cmd + "\n" + out);
    }

    /** Writes data/parcels.shp from POLYGONS with extra ogr2ogr arguments, and the layer for it. */
    private void parcels(String sourceExtra, String... args) throws Exception {
        Files.writeString(ws.root.resolve("data/parcels.src.geojson"), POLYGONS);
        List<String> a = new ArrayList<>(List.of("-f", "ESRI Shapefile", "parcels.shp", "parcels.src.geojson"));
        a.addAll(List.of(args));
        ogr2ogr(a.toArray(String[]::new));
        layer("data/parcels.shp", sourceExtra);
    }

    private void layer(String file, String sourceExtra) throws Exception {
        ws.write("layers/fixture/parcels.yaml", PARCELS_YAML.formatted(file, sourceExtra));
    }

    private FixtureWorkspace.Run load(String... extra) {
        List<String> args = new ArrayList<>(List.of("--store", url, "--layers", "parcels"));
        args.addAll(List.of(extra));
        return ws.run("load", args.toArray(String[]::new));
    }

    private List<Feature> loaded() {
        return StoreSnapshot.features(url, ws.root, "parcels");
    }

    private void assertAttributes(List<Feature> f) {
        assertEquals(2, f.size());
        assertEquals("阳高县湿地", f.get(0).get("name"));
        assertEquals(12L, f.get(0).get("code"));
        assertEquals(120.5, f.get(0).get("cost"));
        assertEquals(LocalDate.of(2025, 3, 1), f.get(0).get("d"));
        assertEquals("黑水河", f.get(1).get("name"));
        assertEquals(null, f.get(1).get("code"));
    }

    private void assertRejected(FixtureWorkspace.Run r, StoreSnapshot before, String... expected) {
        assertEquals(1, r.code(), r::toString);
        for (String e : expected) assertTrue(r.out().contains(e), () -> "missing '" + e + "' in\n" + r);
        assertTrue(r.err().contains("nothing was written"), r::toString);
        assertEquals(before, StoreSnapshot.read(url, ws.root), "the store must still serve what it served");
    }

    @Test
    void gbkWithoutCpgNeedsTheEncodingOption() throws Exception {
        parcels("", "-lco", "ENCODING=CP936", "-a_srs", "EPSG:4490");
        Files.delete(ws.root.resolve("data/parcels.cpg"));
        FixtureWorkspace.Run r = load("--encoding", "GBK");
        assertEquals(0, r.code(), r::toString);
        assertAttributes(loaded());
        StoreSnapshot good = StoreSnapshot.read(url, ws.root);
        assertRejected(load(), good, "data/parcels.dbf#1: field 'name': text does not decode as UTF-8",
                "no .cpg and no language byte: tried UTF-8");
    }

    @Test
    void gbkWithItsCpgAndTheEncodingInTheLayer() throws Exception {
        parcels("", "-lco", "ENCODING=CP936", "-a_srs", "EPSG:4490");
        assertEquals(0, load().code());
        assertAttributes(loaded());
        Files.delete(ws.root.resolve("data/parcels.cpg"));
        layer("data/parcels.shp", ", encoding: GBK");
        FixtureWorkspace.Run r = ws.run("validate", "--layers", "parcels");
        assertEquals(0, r.code(), r::toString);
    }

    @Test
    void gaussKrugerZone38IsTransformedToCgcs2000AsGdalDoes() throws Exception {
        parcels("", "-lco", "ENCODING=UTF-8", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4526");
        ogr2ogr("-f", "GeoJSON", "oracle.json", "parcels.shp", "-t_srs", "EPSG:4490", "-lco",
                "COORDINATE_PRECISION=12");
        FixtureWorkspace.Run r = load();
        assertEquals(0, r.code(), r::toString);
        List<Feature> f = loaded();
        assertAttributes(f);
        JsonNode oracle = new ObjectMapper().readTree(ws.root.resolve("data/oracle.json").toFile());
        for (int i = 0; i < 2; i++) {
            Geometry expected = new GeoJsonReader().read(oracle.get("features").get(i).get("geometry").toString());
            Geometry actual = f.get(i).geometry();
            if (expected instanceof Polygon) actual = actual.getGeometryN(0);
            Geometry e = expected.norm();
            Geometry a = actual.norm();
            assertTrue(e.equalsExact(a, 1e-7), "feature " + (i + 1) + ": expected " + e + "\n but was " + a);
        }
        // a layer that says otherwise is told so, once
        StoreSnapshot good = StoreSnapshot.read(url, ws.root);
        layer("data/parcels.shp", ", crs: EPSG:4547");
        assertRejected(load(), good,
                "data/parcels.shp: field 'crs': the file declares CRS EPSG:4526 but the layer configuration says EPSG:4547");
    }

    @Test
    void aZippedDelivery() throws Exception {
        parcels("", "-lco", "ENCODING=CP936", "-a_srs", "EPSG:4490");
        Path zip = ws.root.resolve("data/delivery.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
                out.putNextEntry(new ZipEntry("成果/矢量/parcels." + ext));
                out.write(Files.readAllBytes(ws.root.resolve("data/parcels." + ext)));
                out.closeEntry();
            }
        }
        layer("data/delivery.zip", "");
        FixtureWorkspace.Run r = load();
        assertEquals(0, r.code(), r::toString);
        assertAttributes(loaded());
    }

    @Test
    void withoutPrjTheLayerMustSayTheCrs() throws Exception {
        parcels("", "-lco", "ENCODING=UTF-8", "-a_srs", "EPSG:4490");
        assertEquals(0, load().code());
        StoreSnapshot good = StoreSnapshot.read(url, ws.root);
        Files.delete(ws.root.resolve("data/parcels.prj"));
        assertRejected(load(), good, "data/parcels.shp: field 'crs': no .prj: set source.crs");
        layer("data/parcels.shp", ", crs: EPSG:4490");
        assertEquals(0, load().code());
    }

    @Test
    void aTruncatedShpIsRejected() throws Exception {
        parcels("", "-lco", "ENCODING=UTF-8", "-a_srs", "EPSG:4490");
        assertEquals(0, load().code());
        StoreSnapshot good = StoreSnapshot.read(url, ws.root);
        Path shp = ws.root.resolve("data/parcels.shp");
        byte[] b = Files.readAllBytes(shp);
        Files.write(shp, java.util.Arrays.copyOf(b, b.length - 30));
        assertRejected(load(), good, "data/parcels.shp#2: ");
    }

    @Test
    void largeShapefilesReportProgressAgainstTheirTotal() throws Exception {
        StringBuilder json = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [\n");
        for (int i = 0; i < 2500; i++) {
            double x = 113.6 + (i % 50) * 0.01;
            double y = 40.0 + (i / 50) * 0.005;
            json.append(i == 0 ? "" : ",\n").append(String.format(java.util.Locale.ROOT,
                    "{\"type\": \"Feature\", \"properties\": {\"name\": \"P%d\"}, \"geometry\": {\"type\": \"Polygon\", "
                            + "\"coordinates\": [[[%f, %f], [%f, %f], [%f, %f], [%f, %f]]]}}",
                    i, x, y, x + 0.004, y, x + 0.004, y + 0.004, x, y));
        }
        Files.writeString(ws.root.resolve("data/many.geojson"), json.append("\n]}\n"));
        ogr2ogr("-f", "ESRI Shapefile", "parcels.shp", "many.geojson", "-lco", "ENCODING=UTF-8", "-a_srs",
                "EPSG:4490");
        layer("data/parcels.shp", "");
        FixtureWorkspace.Run r = load();
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("parcels: 1000/2500 features (40%)\nparcels: 2000/2500 features (80%)\n"),
                r::toString);
        assertEquals(2500, loaded().size());
    }

    /** The 界址点坐标 fixture of the formats module: two parcels, the first with a hole. */
    static final String JZD = """
            [属性描述]
            格式版本号=1.01版本
            数据产生单位=阳高县自然资源局
            坐标系=2000国家大地坐标系
            几度分带=3
            投影类型=高斯克吕格
            计量单位=米
            带号=38
            [地块坐标]
            10,1.98,YG-001,东井集湿地修复,面,,生态修复,1101,@
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
            5,1.00,YG-002,南洋河岸坡,面,,,,@
            A1,1,4433000.000,38439000.000
            A2,1,4433000.000,38439100.000
            A3,1,4433100.000,38439100.000
            A4,1,4433100.000,38439000.000
            A1,1,4433000.000,38439000.000
            """;

    static final String JZD_YAML = """
            id: jzd
            title: {zh: 勘测定界, en: Surveyed parcels}
            abstract: {zh: 测试用界址点, en: Test parcels}
            store: plan
            geometry: {type: MultiPolygon, crs: EPSG:4490}
            source: {file: %s, format: %s}
            attributes:
              - {name: dkbh, type: string, required: true, alias: {zh: 地块编号, en: Parcel id}}
              - {name: dkmc, type: string, alias: {zh: 地块名称, en: Name}}
              - {name: dkmj, type: double, alias: {zh: 地块面积, en: Area (ha)}}
              - {name: txsx, type: string, alias: {zh: 图形属性, en: Shape}}
              - {name: tfh, type: string, alias: {zh: 图幅号, en: Sheet}}
              - {name: dkyt, type: string, alias: {zh: 地块用途, en: Use}}
              - {name: dlbm, type: string, alias: {zh: 地类编码, en: Land class}}
              - {name: name, type: string, alias: {zh: 名称, en: Name}}
              - {name: description, type: string, alias: {zh: 说明, en: Description}}
            styles: {default: fixture}
            metadata: {source: test fixture, licence: CC0-1.0, attribution: ecoplan tests, schematic: true, confidence: low, planSection: "0"}
            """;

    /** Validates and writes one layer whose source is the file in the given format, as its configuration says. */
    private CatalogValidation.Result loadAs(String file, String format) throws Exception {
        ws.write("layers/fixture/jzd.yaml", JZD_YAML.formatted(file, format));
        Catalog catalog = CatalogLoader.load(ws.root);
        LayerConfig as = catalog.layer("fixture:jzd").orElseThrow();
        assertEquals(format, as.source().format());
        StringWriter progress = new StringWriter();
        CatalogValidation.Result result = new CatalogValidation(catalog, false, new PrintWriter(progress), null)
                .run(List.of(as));
        if (result.clean()) {
            try (DataStore store = DataStores.open(url)) {
                StoreLoad.write(store, result.layers(), new PrintWriter(progress));
            }
        }
        return result;
    }

    @Test
    void aJzdFileWithAHole() throws Exception {
        ws.write("data/jzd.txt", JZD.getBytes(Charset.forName("GBK")));
        CatalogValidation.Result r = loadAs("data/jzd.txt", "jzd");
        assertTrue(r.clean(), () -> String.join("\n", r.report().lines()));
        List<Feature> f = StoreSnapshot.features(url, ws.root, "jzd");
        assertEquals(2, f.size());
        assertEquals("YG-001", f.get(0).get("dkbh"));
        assertEquals("东井集湿地修复", f.get(0).get("dkmc"));
        assertEquals(1.98, f.get(0).get("dkmj"));
        Polygon p = (Polygon) f.get(0).geometry().getGeometryN(0);
        assertEquals(1, p.getNumInteriorRing());
        // 38 438 000 E, 4 432 000 N in zone 38 (central meridian 114°E) lies west of it, near 40°N
        assertTrue(p.getCoordinate().x > 113.2 && p.getCoordinate().x < 113.4, p::toString);
        assertTrue(p.getCoordinate().y > 39.9 && p.getCoordinate().y < 40.1, p::toString);

        StoreSnapshot good = StoreSnapshot.read(url, ws.root);
        ws.write("data/jzd.txt", JZD.replace("J3,1,4432100.000", "J3,1,44321OO.000").getBytes(Charset.forName("GBK")));
        CatalogValidation.Result bad = loadAs("data/jzd.txt", "jzd");
        assertEquals(List.of("data/jzd.txt:13: X (northing) '44321OO.000' is not a number"), bad.report().lines());
        assertEquals(good, StoreSnapshot.read(url, ws.root));
    }

    @Test
    void aKmlFile() throws Exception {
        ws.write("data/a.kml",
                """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>
                          <Placemark><name>湿地</name><ExtendedData><Data name="dkbh"><value>K1</value></Data></ExtendedData>
                            <Polygon><outerBoundaryIs><LinearRing><coordinates>
                              113.5,40.0 113.6,40.0 113.6,40.1 113.5,40.1 113.5,40.0</coordinates></LinearRing></outerBoundaryIs>
                            <innerBoundaryIs><LinearRing><coordinates>113.52,40.02 113.52,40.05 113.55,40.05 113.52,40.02
                            </coordinates></LinearRing></innerBoundaryIs></Polygon></Placemark>
                        </Folder></Document></kml>
                        """);
        CatalogValidation.Result r = loadAs("data/a.kml", "kml");
        assertTrue(r.clean(), () -> String.join("\n", r.report().lines()));
        List<Feature> f = StoreSnapshot.features(url, ws.root, "jzd");
        assertEquals("K1", f.get(0).get("dkbh"));
        assertEquals("湿地", f.get(0).get("name"));
        assertEquals(1, ((Polygon) f.get(0).geometry().getGeometryN(0)).getNumInteriorRing());
        assertEquals(113.5, f.get(0).geometry().getEnvelopeInternal().getMinX(), 1e-9);
    }
}
