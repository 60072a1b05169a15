package org.ecoplan.server.processes;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.server.ClientCommands;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * The plan check for a site (OGC API – Processes, {@code /yanggao/ogcapi/processes/plan-check})
 * against the running server: a site drawn across the shared boundary of two restoration zones,
 * sent as GeoJSON, WKT, latitude-first GeoJSON, a 界址点坐标 text and a zipped Shapefile written
 * by GDAL, gives the same two zones with the areas shapely and pyproj compute independently
 * (within 0.1 %); sync and async execution, job list, results and dismissal; the map; the point
 * GET; and every kind of bad site answered with a 400 naming the input.
 */
class PlanCheckIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GF = new GeometryFactory();
    private static Polygon site;
    private static JsonNode zones;

    @TempDir
    Path dir;

    private static String api() { return ServerFixture.planUrl() + "/ogcapi"; }

    private static String execution() { return api() + "/processes/plan-check/execution"; }

    /** A square of about 400 m on the longest stretch of boundary two zones share, inside the county. */
    @BeforeAll
    static void drawASiteAcrossTwoZones() throws Exception {
        zones = JSON.readTree(given().get(api() + "/collections/restoration_zones/items?limit=100").asByteArray());
        JsonNode countyDoc = JSON.readTree(given().get(api() + "/collections/county_boundary/items").asByteArray());
        Geometry county = new GeoJsonReader().read(countyDoc.path("features").get(0).path("geometry").toString());
        List<Geometry> z = new ArrayList<>();
        for (JsonNode f : zones.path("features")) z.add(new GeoJsonReader().read(f.path("geometry").toString()));
        for (int i = 0; i < z.size() && site == null; i++) {
            for (int j = i + 1; j < z.size() && site == null; j++) {
                Geometry shared = z.get(i).intersection(z.get(j));
                for (int k = 0; k < shared.getNumGeometries() && site == null; k++) {
                    if (!(shared.getGeometryN(k) instanceof LineString line)) continue;
                    for (Coordinate c : line.getCoordinates()) {
                        Polygon square = square(c.x, c.y, 0.0025);
                        int touched = 0;
                        for (Geometry zone : z) if (zone.intersection(square).getArea() > 1e-9) touched++;
                        if (touched == 2 && county.contains(square)) {
                            site = square;
                            break;
                        }
                    }
                }
            }
        }
        assertNotNull(site, "two zones share a boundary inside the county");
    }

    private static Polygon square(double x, double y, double half) {
        return GF.createPolygon(new Coordinate[]{new Coordinate(x - half, y - half), new Coordinate(x + half, y - half),
                new Coordinate(x + half, y + half), new Coordinate(x - half, y + half),
                new Coordinate(x - half, y - half)});
    }

    private static JsonNode geoJson(Geometry g) throws Exception {
        GeoJsonWriter w = new GeoJsonWriter();
        w.setEncodeCRS(false);
        return JSON.readTree(w.write(g));
    }

    private static Response execute(Object inputs, Object outputs, String response) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.set("inputs", JSON.valueToTree(inputs));
        if (outputs != null) body.set("outputs", JSON.valueToTree(outputs));
        if (response != null) body.put("response", response);
        return given().contentType("application/json").body(JSON.writeValueAsBytes(body)).post(execution());
    }

    private static JsonNode report(Object inputs) throws Exception {
        Response r = execute(inputs, Map.of("report", Map.of()), null);
        assertEquals(200, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        return JSON.readTree(r.asByteArray());
    }

    /** Zone code → overlap m² in a report. */
    private static Map<String, Double> zoneAreas(JsonNode report) {
        Map<String, Double> out = new HashMap<>();
        for (JsonNode f : report.path("zones").get(0).path("features")) {
            out.put(f.path("id").asText(), f.path("overlap").path("areaM2").asDouble());
        }
        return out;
    }

    @Test
    void processIsListedDescribedAndDeclared() throws Exception {
        JsonNode landing = JSON.readTree(given().get(api() + "?f=json").asByteArray());
        assertTrue(landing.toString().contains("http://www.opengis.net/def/rel/ogc/1.0/processes"), landing.toString());
        JsonNode conf = JSON.readTree(given().get(api() + "/conformance").asByteArray());
        assertTrue(conf.toString().contains("ogcapi-processes-1/1.0/conf/core"), conf.toString());
        JsonNode list = JSON.readTree(given().get(api() + "/processes").asByteArray());
        assertEquals("plan-check", list.path("processes").get(0).path("id").asText());
        JsonNode d = JSON.readTree(given().get(api() + "/processes/plan-check").asByteArray());
        assertTrue(d.path("inputs").has("site") && d.path("inputs").has("crs"), d.toString());
        assertEquals("image/png", d.path("outputs").path("map").path("schema").path("contentMediaType").asText());
        assertTrue(d.path("jobControlOptions").toString().contains("async-execute"));
        // at the global endpoint the process is named by its workspace
        JsonNode global = JSON.readTree(given().get(ServerFixture.baseUrl() + "/ogcapi/processes").asByteArray());
        assertTrue(global.toString().contains("yanggao:plan-check"), global.toString());
        given().get(api() + "/processes/nothing").then().statusCode(404).contentType("application/problem+json");
        assertTrue(given().get(api() + "/processes/nothing").asString().contains("no-such-process"));
    }

    @Test
    void aSiteAcrossTwoZonesMatchesShapelyAndPyprojToOneInAThousand() throws Exception {
        JsonNode report = report(Map.of("site", geoJson(site)));
        assertEquals("EPSG:4547", report.path("site").path("areaCrs").asText(), report.toString());
        assertEquals(38, report.path("site").path("gaussKrugerZone").path("zone").asInt());
        assertTrue(report.path("plan").path("inside").asBoolean());
        Map<String, Double> areas = zoneAreas(report);
        assertEquals(2, areas.size(), report.path("zones").toString());
        double shares = 0;
        for (JsonNode f : report.path("zones").get(0).path("features")) {
            JsonNode o = f.path("overlap");
            shares += o.path("shareOfSite").asDouble();
            assertEquals(o.path("areaM2").asDouble() / 10_000, o.path("hectares").asDouble(), 1e-4);
            assertEquals(o.path("areaM2").asDouble() * 15 / 10_000, o.path("mu").asDouble(), 1e-3);
            // the plan text the zone carries is quoted, and the geometry's confidence named
            assertFalse(f.path("properties").path("plan_text").asText().isEmpty(), f.toString());
            assertEquals("low", f.path("confidence").asText());
        }
        assertEquals(1.0, shares, 2e-4);
        assertFalse(report.path("caveats").isEmpty());

        String python = ClientCommands.python("shapely, pyproj", dir);
        ClientCommands.require(python != null, "shapely and pyproj (python3-shapely, python3-pyproj)");
        ObjectNode in = JSON.createObjectNode();
        in.set("site", geoJson(site));
        in.set("features", zones);
        in.put("epsg", 4547);
        Path input = dir.resolve("oracle.json");
        Files.write(input, JSON.writeValueAsBytes(in));
        Path script = Path.of("src/test/resources/clients/plan_check_oracle.py").toAbsolutePath();
        ClientCommands.Result r = ClientCommands.run(List.of("sh", "-c", python + " " + script + " < " + input), dir);
        assertEquals(0, r.exit(), r.out());
        JsonNode oracle = JSON.readTree(r.out());
        assertEquals(oracle.path("site").asDouble(), report.path("site").path("areaM2").asDouble(),
                oracle.path("site").asDouble() * 1e-3);
        assertEquals(oracle.path("overlaps").size(), areas.size(), oracle.toString());
        for (Map.Entry<String, Double> e : areas.entrySet()) {
            double expected = oracle.path("overlaps").path(e.getKey()).asDouble(-1);
            assertTrue(expected > 0, e.getKey() + " in " + oracle);
            assertEquals(expected, e.getValue(), expected * 1e-3, e.getKey());
        }
    }

    @Test
    void everyInputFormOfTheSameSiteGivesTheSameZones() throws Exception {
        Map<String, Double> expected = zoneAreas(report(Map.of("site", geoJson(site))));
        // WKT, as a string and as a qualified value
        assertAreas(expected, report(Map.of("site", site.toText())));
        assertAreas(expected, report(Map.of("site", Map.of("value", site.toText(), "mediaType", "application/wkt"))));
        // a GeoJSON Feature with the coordinates latitude first, as EPSG:4490 orders them (OGC API Part 2)
        Geometry latLon = org.ecoplan.catalog.crs.AxisOrders.swapped(site);
        assertAreas(expected, report(Map.of("site", Map.of("type", "Feature", "properties", Map.of(),
                "geometry", geoJson(latLon)), "crs", "http://www.opengis.net/def/crs/EPSG/0/4490")));
        // 界址点坐标: X north, Y east with the zone number in front (EPSG:4526, zone 38)
        assertAreas(expected, report(Map.of("site", jzd(site))));
        assertAreas(expected, report(Map.of("site", Map.of("value", jzd(site), "mediaType", "text/x-jzd"))));
    }

    @Test
    void adjacentParcelsOfOneDeliveryAreOneSite() throws Exception {
        // two squares sharing an edge, as the parcels of one 报盘 file do: valid each, one site together
        Coordinate c = site.getCentroid().getCoordinate();
        Geometry west = square(c.x - 0.001, c.y, 0.001);
        Geometry east = square(c.x + 0.001, c.y, 0.001);
        Geometry both = GF.createMultiPolygon(new Polygon[]{(Polygon) west, (Polygon) east});
        JsonNode r = report(Map.of("site", geoJson(both)));
        assertTrue(r.path("notes").toString().contains("2 parts merged"), r.path("notes").toString());
        JsonNode one = report(Map.of("site", geoJson(square(c.x, c.y, 0.001).union(square(c.x, c.y, 0.001)))));
        assertTrue(Math.abs(r.path("site").path("areaM2").asDouble()
                - 2 * one.path("site").path("areaM2").asDouble()) < one.path("site").path("areaM2").asDouble() * 0.01,
                r.path("site") + " vs " + one.path("site"));
        assertEquals(200, given().get(api() + "/processes?limit=1").statusCode());
        assertProblem(given().get(api() + "/processes?limit=0"), 400, "limit", "whole number");
    }

    @Test
    void aZippedShapefileWrittenByGdalInGaussKrugerGivesTheSameZones() throws Exception {
        ClientCommands.require(ClientCommands.works(List.of("ogr2ogr", "--version"), dir), "ogr2ogr (GDAL)");
        Map<String, Double> expected = zoneAreas(report(Map.of("site", geoJson(site))));
        Path src = dir.resolve("site.geojson");
        Files.writeString(src, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"name\":\"地块一\"},\"geometry\":" + geoJson(site) + "}]}");
        Path shp = dir.resolve("shp");
        Files.createDirectories(shp);
        ClientCommands.Result r = ClientCommands.run(List.of("ogr2ogr", "-f", "ESRI Shapefile", "-s_srs",
                "EPSG:4490", "-t_srs", "EPSG:4526", "-lco", "ENCODING=GBK", shp.resolve("site.shp").toString(),
                src.toString()), dir);
        assertEquals(0, r.exit(), r.out());
        byte[] zip = zip(shp, true);
        assertAreas(expected, report(Map.of("site", Map.of("value", Base64.getEncoder().encodeToString(zip),
                "mediaType", "application/zip", "encoding", "base64"))));
        // without its .prj the Shapefile's CRS must be named
        byte[] noPrj = zip(shp, false);
        Response bad = execute(Map.of("site", Map.of("value", Base64.getEncoder().encodeToString(noPrj),
                "mediaType", "application/zip", "encoding", "base64")), null, null);
        assertProblem(bad, 400, "crs", "declares no CRS");
        assertAreas(expected, report(Map.of("site", Map.of("value", Base64.getEncoder().encodeToString(noPrj),
                "mediaType", "application/zip", "encoding", "base64"), "crs", "EPSG:4526")));
        // a damaged record length (the header claims 2 GiB, the first record 1 GiB) is a 400, not a 500 or a heap
        Path shpFile = shp.resolve("site.shp");
        byte[] b = Files.readAllBytes(shpFile);
        b[24] = 0x7F;
        b[25] = (byte) 0xFF;
        b[26] = (byte) 0xFF;
        b[27] = (byte) 0xFF;
        b[104] = 0x20;
        b[105] = 0;
        b[106] = 0;
        b[107] = 0;
        Files.write(shpFile, b);
        Response damaged = execute(Map.of("site", Map.of("value", Base64.getEncoder().encodeToString(zip(shp, true)),
                "mediaType", "application/zip", "encoding", "base64")), null, null);
        assertEquals(400, damaged.statusCode(), damaged.asString());
        assertTrue(damaged.asString().contains("shapefile"), damaged.asString());
    }

    private static byte[] zip(Path shp, boolean withPrj) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out); var files = Files.list(shp)) {
            for (Path f : files.sorted().toList()) {
                if (!withPrj && f.toString().endsWith(".prj")) continue;
                z.putNextEntry(new ZipEntry("delivery/" + f.getFileName()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String jzd(Geometry lonLat) {
        Geometry gk = new GeometryTransformer(CrsRegistry.CGCS2000, CrsRegistry.require("EPSG:4526")).transform(lonLat);
        Coordinate[] ring = gk.getCoordinates();
        StringBuilder s = new StringBuilder("[属性描述]\n格式版本号=1.01\n坐标系=2000国家大地坐标系\n几度分带=3\n"
                + "投影类型=高斯克吕格\n计量单位=米\n带号=38\n精度=0.001\n转换参数=,,,,,,\n[地块坐标]\n");
        s.append(ring.length).append(",").append(String.format("%.4f", gk.getArea() / 10_000))
                .append(",1,地块一,面,,建设用地,,@\n");
        for (int i = 0; i < ring.length; i++) {
            int n = i == ring.length - 1 ? 1 : i + 1;
            // X is the northing, Y the easting (here with the zone number 38 in front)
            s.append("J").append(n).append(",1,").append(String.format("%.3f", ring[i].y)).append(",")
                    .append(String.format("%.3f", ring[i].x)).append("\n");
        }
        return s.toString();
    }

    private static void assertAreas(Map<String, Double> expected, JsonNode report) {
        Map<String, Double> got = zoneAreas(report);
        assertEquals(expected.keySet(), got.keySet(), report.toString());
        for (var e : expected.entrySet())
            assertEquals(e.getValue(), got.get(e.getKey()), e.getValue() * 1e-3, e.getKey());
    }

    @Test
    void asynchronousExecutionMakesAJobWithResultsThatCanBeDismissed() throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.set("inputs", JSON.valueToTree(Map.of("site", geoJson(site))));
        body.set("outputs", JSON.valueToTree(Map.of("report", Map.of())));
        Response created = given().contentType("application/json").header("Prefer", "respond-async")
                .body(JSON.writeValueAsBytes(body)).post(execution());
        assertEquals(201, created.statusCode(), created.asString());
        String location = created.header("Location");
        assertTrue(location.matches(".*/yanggao/ogcapi/jobs/[0-9a-f-]{36}"), location);
        assertEquals("respond-async", created.header("Preference-Applied"));
        JsonNode status = JSON.readTree(created.asByteArray());
        String id = status.path("jobID").asText();
        assertEquals("plan-check", status.path("processID").asText());
        // poll until the job ends (bounded: the job's own request time limit ends it long before)
        for (int i = 0; i < 600 && !List.of("successful", "failed").contains(status.path("status").asText()); i++) {
            Thread.sleep(100);
            status = JSON.readTree(given().get(location).asByteArray());
        }
        assertEquals("successful", status.path("status").asText(), status.toString());
        assertTrue(status.toString().contains("http://www.opengis.net/def/rel/ogc/1.0/results"));
        JsonNode listed = JSON.readTree(given().get(api() + "/jobs?limit=5").asByteArray());
        assertTrue(listed.toString().contains(id), listed.toString());
        // the endpoint of another workspace does not see this workspace's job
        assertEquals(404, given().get(ServerFixture.baseUrl() + "/demo/ogcapi/jobs/" + id).statusCode());
        assertEquals(404, given().delete(ServerFixture.baseUrl() + "/demo/ogcapi/jobs/" + id).statusCode());
        JsonNode results = JSON.readTree(given().get(location + "/results").asByteArray());
        assertEquals(2, zoneAreas(results).size(), results.toString());
        // a browser may dismiss it: the preflight of a job allows DELETE, that of the process list does not
        Response preflight = given().header("Origin", "http://example.org")
                .header("Access-Control-Request-Method", "DELETE").options(location);
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("DELETE"), preflight.headers().toString());
        assertFalse(given().header("Origin", "http://example.org").header("Access-Control-Request-Method", "DELETE")
                .options(api() + "/processes").header("Access-Control-Allow-Methods").contains("DELETE"));
        assertEquals(405, given().put(location).statusCode());
        given().delete(location).then().statusCode(200);
        Response gone = given().get(location);
        assertEquals(404, gone.statusCode());
        assertTrue(gone.asString().contains("no-such-job"), gone.asString());
    }

    @Test
    void rawOutputsComeAsMultipartAndTheMapShowsTheSiteInRed() throws Exception {
        Response both = execute(Map.of("site", geoJson(site)), null, null);
        assertEquals(200, both.statusCode(), both.asString());
        assertTrue(both.contentType().startsWith("multipart/related"), both.contentType());
        String text = new String(both.asByteArray(), StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("Content-ID: <report>") && text.contains("Content-ID: <map>"), text.substring(0, 200));
        assertTrue(text.contains("\u0089PNG"));

        Response map = execute(Map.of("site", geoJson(site)), Map.of("map", Map.of()), null);
        assertEquals("image/png", map.contentType());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(map.asByteArray()));
        int red = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (((p >> 16) & 0xff) > 200 && ((p >> 8) & 0xff) < 40 && (p & 0xff) < 40) red++;
            }
        }
        assertTrue(red > 100, "the site's outline is drawn: " + red + " red pixels");

        Response doc = execute(Map.of("site", geoJson(site)), null, "document");
        JsonNode d = JSON.readTree(doc.asByteArray());
        assertEquals("application/json", d.path("report").path("mediaType").asText());
        assertEquals("base64", d.path("map").path("encoding").asText());
        byte[] png = Base64.getDecoder().decode(d.path("map").path("value").asText());
        assertNotNull(ImageIO.read(new ByteArrayInputStream(png)));
    }

    @Test
    void aPointIsCheckedWithAPlainGet() throws Exception {
        Coordinate c = site.getCentroid().getCoordinate();
        JsonNode inside = JSON.readTree(given().get(execution() + "?point=" + (c.x - 0.002) + "," + c.y).asByteArray());
        assertTrue(inside.path("plan").path("inside").asBoolean(), inside.toString());
        assertEquals(1, inside.path("zones").get(0).path("features").size(), inside.toString());
        assertTrue(
                inside.path("zones").get(0).path("features").get(0).path("overlap").path("containsSite").asBoolean());
        // latitude first in EPSG:4490, as that CRS orders its axes
        JsonNode sameAgain = JSON.readTree(given().get(execution() + "?point=" + c.y + "," + (c.x - 0.002)
                + "&crs=EPSG:4490").asByteArray());
        assertEquals(inside.path("zones"), sameAgain.path("zones"));
        JsonNode beijing = JSON.readTree(given().get(execution() + "?point=116.39,39.91").asByteArray());
        assertFalse(beijing.path("plan").path("inside").asBoolean());
        assertEquals(0, beijing.path("zones").get(0).path("features").size());
        assertProblem(given().get(execution()), 405, "point", "POST");
        assertProblem(given().get(execution() + "?point=abc"), 400, "point", "two numbers");
        assertProblem(given().get(execution() + "?point=1,2&bbox=1"), 400, "bbox", "Unknown");
    }

    @Test
    void aSiteGivenInTheWrongAxisOrderIsAnsweredWithAHint() throws Exception {
        // longitude first, but named EPSG:4490 (latitude first): a latitude of 113° is no place on earth
        assertProblem(execute(Map.of("site", geoJson(site), "crs", "EPSG:4490"), null, null), 400, "site",
                "axis order is north / latitude first");
        // latitude first without a CRS (CRS84, longitude first)
        Geometry latLon = org.ecoplan.catalog.crs.AxisOrders.swapped(site);
        assertProblem(execute(Map.of("site", geoJson(latLon)), null, null), 400, "site", "longitude first");
    }

    @Test
    void aSitePartlyOutsideTheCountySaysHowMuch() throws Exception {
        JsonNode countyDoc = JSON.readTree(given().get(api() + "/collections/county_boundary/items").asByteArray());
        Geometry county = new GeoJsonReader().read(countyDoc.path("features").get(0).path("geometry").toString());
        Coordinate west = null;
        for (Coordinate c : county.getCoordinates()) if (west == null || c.x < west.x) west = c;
        JsonNode r = report(Map.of("site", geoJson(square(west.x, west.y, 0.01))));
        double share = r.path("plan").path("shareOfSite").asDouble();
        assertTrue(share > 0 && share < 1, r.path("plan").toString());
        assertTrue(r.path("notes").toString().contains("outside"), r.path("notes").toString());
    }

    @Test
    void badSitesAreClearBadRequests() throws Exception {
        String bowtie = "POLYGON((113.9 40.3, 114.0 40.4, 114.0 40.3, 113.9 40.4, 113.9 40.3))";
        assertProblem(execute(Map.of("site", bowtie), null, null), 400, "site", "not valid");
        assertProblem(execute(Map.of("site", "POLYGON EMPTY"), null, null), 400, "site", "empty");
        assertProblem(execute(Map.of("site", "LINESTRING(113.9 40.3, 114 40.4)"), null, null), 400, "site", "polygon");
        assertProblem(execute(Map.of("site", "POLYGON((113.9 40.3, 114"), null, null), 400, "site", "WKT");
        assertProblem(execute(Map.of("site", site.toText(), "crs", "EPSG:99999"), null, null), 400, "crs", "Unknown");
        assertProblem(execute(Map.of("site", "POLYGON((10 40, 10.1 40, 10.1 40.1, 10 40))"), null, null), 400, "site",
                "Gauss-Krüger");
        assertProblem(execute(Map.of("site", "POLYGON((200 40, 201 40, 201 41, 200 40))"), null, null), 400, "site",
                "not on the earth");
        assertProblem(execute(Map.of("site", Map.of("href", "http://127.0.0.1:1/site.json")), null, null), 400, "site",
                "reference");
        assertProblem(execute(Map.of("site", Map.of("type", "Polygon", "coordinates", "x")), null, null), 400, "site",
                "GeoJSON");
        assertProblem(execute(Map.of("site", Map.of("value", "!!notbase64", "mediaType", "application/zip",
                "encoding", "base64")), null, null), 400, "site", "base64");
        assertProblem(execute(Map.of("site", Map.of("value", Base64.getEncoder().encodeToString(new byte[100]),
                "mediaType", "application/zip", "encoding", "base64")), null, null), 400, "site", "shapefile");
        String xian = "[属性描述]\n坐标系=1980西安坐标系\n几度分带=3\n带号=38\n[地块坐标]\n5,1,1,a,面,,,,@\n"
                + "J1,1,4470000,38500000\nJ2,1,4470000,38500100\nJ3,1,4470100,38500100\nJ4,1,4470100,38500000\n"
                + "J1,1,4470000,38500000\n";
        assertProblem(execute(Map.of("site", xian), null, null), 400, "site", "1980");
        String brokenJzd = "[属性描述]\n坐标系=2000国家大地坐标系\n几度分带=3\n带号=38\n[地块坐标]\n5,1,1,a,面,,,,@\n"
                + "J1,1,4470000,38500000\nJ2,1,north,38500100\n";
        assertProblem(execute(Map.of("site", brokenJzd), null, null), 400, "site", "line");
        assertProblem(execute(Map.of("nothing", 1), null, null), 400, "nothing", "Unknown input");
        assertProblem(execute(Map.of(), null, null), 400, "site", "required");
        assertProblem(execute(Map.of("site", site.toText()), Map.of("table", Map.of()), null), 400, "table",
                "Unknown output");
        assertProblem(execute(Map.of("site", site.toText()), null, "inline"), 400, "response", "raw or document");
        assertProblem(given().contentType("application/json").body("{\"inputs\": ").post(execution()), 400, "body",
                "not JSON");
        assertProblem(given().contentType("application/json").body("[1]").post(execution()), 400, "body", "object");
        assertProblem(given().contentType("application/json").body("[".repeat(5000)).post(execution()), 400, "body",
                "not JSON");
        assertProblem(given().contentType("text/xml").body("<a/>").post(execution()), 415, "Content-Type", "json");
        assertProblem(given().contentType("application/json").body("{\"inputs\":{}}").post(api() + "/processes"), 405,
                null, "POST");
        assertProblem(given().delete(api() + "/processes/plan-check"), 405, null, "DELETE");
    }

    private static void assertProblem(Response r, int status, String parameter, String words) {
        assertEquals(status, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType() + " " + r.asString());
        JsonNode p;
        try {
            p = JSON.readTree(r.asByteArray());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        if (parameter != null) assertEquals(parameter, p.path("parameter").asText(), p.toString());
        assertTrue(p.path("detail").asText().toLowerCase().contains(words.toLowerCase()), p.toString());
    }
}
