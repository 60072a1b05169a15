package org.ecoplan.server.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.server.EcoplanServer;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin REST API in GeoServer's shape against a server of its own over a copy of the data
 * directory: only the administrator gets in (401 with the challenge, 403 for another user);
 * workspaces are listed, created (and survive a restart) and deleted; a style is uploaded as SLD,
 * made a layer's default and then draws in WMS; a broken SLD, a style the layer's attributes do
 * not fit, a workspace name with path characters, malformed JSON and the removal of the default
 * workspace are refused with nothing changed on disk or in service; every change is in the audit log.
 */
class RestApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dataDir;
    private static Path security;
    private static Path auditLog;
    private static EcoplanServer server;
    private static String rest;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("ecoplan-rest");
        for (String d : new String[]{"layers", "styles", "data"})
            copy(ServerFixture.workspace().resolve(d), dataDir.resolve(d));
        security = Files.createTempDirectory("ecoplan-rest-security");
        auditLog = security.resolve("audit.log");
        Files.writeString(security.resolve("users.yaml"), "users:\n"
                + "  - {name: admin, password: \"" + hash("admin-pass") + "\", roles: [ADMIN]}\n"
                + "  - {name: planner, password: \"" + hash("planner-pass") + "\", roles: [PLANNER]}\n");
        server = startServer();
        rest = "http://localhost:" + server.port() + "/rest";
    }

    private static EcoplanServer startServer() throws Exception {
        return ServerFixture.startPrivate(dataDir, Map.of("ECOPLAN_SECURITY_DIR", security.toString(),
                "ECOPLAN_AUDIT_LOG", auditLog.toString()), ServerSettings.fromEnvironment());
    }

    private static String hash(String password) {
        return new String(BCrypt.withDefaults().hashToChar(10, password.toCharArray()));
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    private static RequestSpecification admin() { return given().auth().preemptive().basic("admin", "admin-pass"); }

    @Test
    void onlyTheAdministratorGetsIn() throws Exception {
        Response anonymous = given().get(rest + "/workspaces.json");
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.header("WWW-Authenticate").startsWith("Basic"));
        assertEquals(403, given().auth().preemptive().basic("planner", "planner-pass").get(rest + "/workspaces.json")
                .statusCode());
        JsonNode ws = JSON.readTree(admin().get(rest + "/workspaces.json").asByteArray());
        assertTrue(ws.path("workspaces").path("workspace").toString().contains("\"name\":\"yanggao\""), ws.toString());
        String xml = admin().get(rest + "/workspaces.xml").asString();
        assertTrue(xml.contains("<workspaces") && xml.contains("<name>yanggao</name>"), xml);
        JsonNode about = JSON.readTree(admin().get(rest + "/about/version.json").asByteArray());
        assertEquals("ecoplan", about.path("about").path("resource").get(0).path("@name").asText());
        // GeoServer's own spelling of the path
        assertEquals(200, admin().get("http://localhost:" + server.port() + "/geoserver/rest/workspaces.json")
                .statusCode());
        JsonNode layers = JSON.readTree(admin().get(rest + "/workspaces/yanggao/layers.json").asByteArray());
        assertTrue(layers.toString().contains("yanggao:restoration_zones"));
        assertEquals(404, admin().get(rest + "/workspaces/nowhere.json").statusCode());
    }

    @Test
    void aWorkspaceIsCreatedServedPersistedAndDeleted() throws Exception {
        Response created = admin().contentType("application/json").body("{\"workspace\": {\"name\": \"county2\"}}")
                .post(rest + "/workspaces");
        assertEquals(201, created.statusCode(), created.asString());
        assertTrue(created.header("Location").endsWith("/rest/workspaces/county2"));
        assertTrue(Files.isRegularFile(dataDir.resolve("layers/county2/workspace.yaml")));
        assertEquals(200, given().get("http://localhost:" + server.port()
                + "/county2/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities").statusCode());
        assertEquals(409, admin().contentType("application/json").body("{\"workspace\": {\"name\": \"county2\"}}")
                .post(rest + "/workspaces").statusCode());
        // a restart reads it from the files
        EcoplanServer again = startServer();
        try {
            assertTrue(given().auth().preemptive().basic("admin", "admin-pass").get("http://localhost:" + again.port()
                    + "/rest/workspaces.json").asString().contains("county2"));
        } finally {
            again.close();
        }
        assertEquals(200, admin().delete(rest + "/workspaces/county2").statusCode());
        assertFalse(Files.exists(dataDir.resolve("layers/county2")));
        assertEquals(404, admin().get(rest + "/workspaces/county2.json").statusCode());
        assertTrue(Files.readString(auditLog).contains("\"user\":\"admin\",\"request\":\"POST /rest/workspaces\""),
                Files.readString(auditLog));
    }

    @Test
    void badChangesAreRefusedWithNothingLeftBehind() throws Exception {
        for (String name : new String[]{"../evil", "a/b", "x y", "1abc"}) {
            Response r = admin().contentType("application/json").body(JSON.writeValueAsString(
                    Map.of("workspace", Map.of("name", name)))).post(rest + "/workspaces");
            assertEquals(400, r.statusCode(), name + ": " + r.asString());
        }
        assertFalse(Files.exists(dataDir.resolve("evil")) || Files.exists(dataDir.resolve("layers/a")));
        assertEquals(400, admin().contentType("application/json").body("{\"workspace\": ").post(rest + "/workspaces")
                .statusCode());
        // the default workspace cannot go: the catalog would not validate, so every file is put back
        assertEquals(403, admin().delete(rest + "/workspaces/yanggao").statusCode());
        Response refused = admin().delete(rest + "/workspaces/yanggao?recurse=true");
        assertEquals(400, refused.statusCode(), refused.asString());
        assertTrue(refused.asString().contains("defaultWorkspace"), refused.asString());
        assertTrue(Files.isRegularFile(dataDir.resolve("layers/yanggao/workspace.yaml")));
        assertTrue(Files.isRegularFile(dataDir.resolve("styles/yanggao/restoration_zones.sld")));
        assertEquals(200, given().get("http://localhost:" + server.port()
                + "/yanggao/ogcapi/collections/restoration_zones/items?limit=1").statusCode());
        assertTrue(Files.readString(auditLog).contains("refused"));
    }

    /** Zips the files of a directory (optionally under a folder, optionally leaving some out). */
    private static byte[] zip(Path dir, String folder, String... leaveOut) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out);
                Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                if (java.util.Arrays.stream(leaveOut).anyMatch(x -> f.toString().endsWith(x))) continue;
                z.putNextEntry(new java.util.zip.ZipEntry(folder + f.getFileName()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static Response upload(String ds, byte[] zip, String query) {
        return admin().contentType("application/zip").body(zip)
                .put(rest + "/workspaces/yanggao/datastores/" + ds + "/file.shp" + query);
    }

    @Test
    void aZippedGbkShapefileIsPublishedAndBadUploadsLeaveNothing() throws Exception {
        org.ecoplan.server.ClientCommands.require(org.ecoplan.server.ClientCommands.works(
                java.util.List.of("ogr2ogr", "--version"), dataDir), "ogr2ogr (GDAL)");
        Path work = Files.createTempDirectory("ecoplan-upload");
        Path src = work.resolve("parcels.geojson");
        Files.writeString(src, "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"dkmc\":\"地块一\",\"mj\":1.5},\"geometry\":{\"type\":"
                + "\"Polygon\",\"coordinates\":[[[113.90,40.30],[113.91,40.30],[113.91,40.31],[113.90,40.31],[113.90,40.30]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"dkmc\":\"地块二\",\"mj\":2.25},\"geometry\":{\"type\":"
                + "\"Polygon\",\"coordinates\":[[[113.92,40.30],[113.93,40.30],[113.93,40.31],[113.92,40.31],[113.92,40.30]]]}}]}");
        Path shp = work.resolve("shp");
        Files.createDirectories(shp);
        var r = org.ecoplan.server.ClientCommands.run(java.util.List.of("ogr2ogr", "-f", "ESRI Shapefile", "-s_srs",
                "EPSG:4490", "-t_srs", "EPSG:4526", "-lco", "ENCODING=GBK", shp.resolve("parcels.shp").toString(),
                src.toString()), work);
        assertEquals(0, r.exit(), r.out());
        long zonesBefore = JSON.readTree(given().get("http://localhost:" + server.port()
                + "/yanggao/ogcapi/collections/restoration_zones/items").asByteArray()).path("numberMatched").asLong();

        // bad uploads: each a clear 400, nothing written
        Response noCpg = upload("up1", zip(shp, "", ".cpg"), "");
        assertEquals(400, noCpg.statusCode(), noCpg.asString());
        assertTrue(noCpg.asString().toLowerCase().contains("encoding") || noCpg.asString().contains("UTF-8"),
                noCpg.asString());
        Response noPrj = upload("up1", zip(shp, "", ".prj"), "");
        assertEquals(400, noPrj.statusCode());
        assertTrue(noPrj.asString().contains(".prj"), noPrj.asString());
        Path xian = Files.createTempDirectory("ecoplan-xian");
        for (String ext : new String[]{".shp", ".shx", ".dbf", ".cpg"}) {
            Files.copy(shp.resolve("parcels" + ext), xian.resolve("parcels" + ext));
        }
        Files.writeString(xian.resolve("parcels.prj"),
                "PROJCS[\"Xian_1980_3_Degree_GK_Zone_38\",GEOGCS[\"GCS_Xian_1980\","
                        + "DATUM[\"D_Xian_1980\",SPHEROID[\"Xian_1980\",6378140.0,298.257]],PRIMEM[\"Greenwich\",0.0],"
                        + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\","
                        + "38500000.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",114.0],"
                        + "PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]");
        Response unknownCrs = upload("up1", zip(xian, ""), "");
        assertEquals(400, unknownCrs.statusCode(), unknownCrs.asString());
        assertTrue(unknownCrs.asString().contains("does not recognise"), unknownCrs.asString());
        java.io.ByteArrayOutputStream slip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(slip)) {
            z.putNextEntry(new java.util.zip.ZipEntry("../../evil.shp"));
            z.write(Files.readAllBytes(shp.resolve("parcels.shp")));
            z.closeEntry();
        }
        assertEquals(400, upload("up1", slip.toByteArray(), "").statusCode());
        java.io.ByteArrayOutputStream bomb = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bomb)) {
            for (String ext : new String[]{".shx", ".prj", ".cpg"}) {
                z.putNextEntry(new java.util.zip.ZipEntry("bomb" + ext));
                z.write(Files.readAllBytes(shp.resolve("parcels" + ext)));
                z.closeEntry();
            }
            z.putNextEntry(new java.util.zip.ZipEntry("bomb.shp"));
            z.write(Files.readAllBytes(shp.resolve("parcels.shp")));
            z.closeEntry();
            z.putNextEntry(new java.util.zip.ZipEntry("bomb.dbf"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) z.write(zeros);
            z.closeEntry();
        }
        assertTrue(bomb.size() < 2_000_000, "a small zip: " + bomb.size());
        Response bombed = upload("up1", bomb.toByteArray(), "");
        assertEquals(400, bombed.statusCode(), bombed.asString());
        assertEquals(400, admin().contentType("application/zip").body(zip(shp, ""))
                .put(rest + "/workspaces/yanggao/datastores/a..b/file.shp").statusCode());
        assertFalse(Files.exists(dataDir.resolve("layers/yanggao/stores/up1.yaml")));
        assertFalse(Files.exists(dataDir.resolve("layers/yanggao/parcels.yaml")));
        assertFalse(Files.exists(dataDir.resolve("data/yanggao/uploads/up1")));
        assertFalse(Files.exists(dataDir.resolve("var/uploads/yanggao/up1.gpkg")));
        try (Stream<Path> all = Files.walk(dataDir.getParent(), 1)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().startsWith("evil")), "zip slip");
        }

        // the good one, in a folder of the zip, its .dbf in GBK with its .cpg
        Response ok = upload("up1", zip(shp, "delivery/"), "?charset=GBK");
        assertEquals(201, ok.statusCode(), ok.asString());
        JsonNode fts = JSON.readTree(admin().get(rest + "/workspaces/yanggao/datastores/up1/featuretypes.json")
                .asByteArray());
        assertTrue(fts.toString().contains("\"parcels\""), fts.toString());
        JsonNode ft = JSON.readTree(admin().get(rest + "/workspaces/yanggao/datastores/up1/featuretypes/parcels.json")
                .asByteArray());
        assertEquals("EPSG:4526", ft.path("featureType").path("srs").asText(), ft.toString());
        JsonNode items = JSON.readTree(given().get("http://localhost:" + server.port()
                + "/yanggao/ogcapi/collections/parcels/items").asByteArray());
        assertEquals(2, items.path("numberMatched").asInt(), items.toString());
        assertTrue(items.toString().contains("地块一") && items.toString().contains("地块二"), items.toString());
        // served in CRS84 where the source was: the Gauss-Krüger coordinates came back to 113.90 E
        assertTrue(items.toString().contains("113.9"), items.toString());
        Response map = given().get("http://localhost:" + server.port() + "/yanggao/wms?SERVICE=WMS&VERSION=1.3.0"
                + "&REQUEST=GetMap&LAYERS=parcels&STYLES=&CRS=CRS:84&BBOX=113.89,40.29,113.94,40.32&WIDTH=50&HEIGHT=30"
                + "&FORMAT=image/png");
        assertEquals("image/png", map.contentType());
        assertEquals(409, upload("up1", zip(shp, ""), "?charset=GBK").statusCode(), "the layer exists");
        // a store another layer reads from (here: the same file under another name) takes no upload
        assertEquals(201, admin().contentType("application/json").body("{\"dataStore\": {\"name\": \"alias\", "
                + "\"connectionParameters\": {\"entry\": [{\"@key\": \"dbtype\", \"$\": \"geopkg\"}, "
                + "{\"@key\": \"database\", \"$\": \"var/uploads/yanggao/up1.gpkg\"}]}}}")
                .post(rest + "/workspaces/yanggao/datastores").statusCode());
        assertEquals(409, upload("alias", zip(shp, ""), "?charset=GBK").statusCode());
        assertEquals(200, admin().delete(rest + "/workspaces/yanggao/datastores/alias").statusCode());
        assertEquals(zonesBefore, JSON.readTree(given().get("http://localhost:" + server.port()
                + "/yanggao/ogcapi/collections/restoration_zones/items").asByteArray()).path("numberMatched").asLong());
        JsonNode store = JSON.readTree(admin().get(rest + "/workspaces/yanggao/datastores/up1.json").asByteArray());
        assertTrue(store.toString().contains("geopkg"), store.toString());
        // and it goes again, with its layer
        assertEquals(403, admin().delete(rest + "/workspaces/yanggao/datastores/up1").statusCode());
        assertEquals(200, admin().delete(rest + "/workspaces/yanggao/datastores/up1?recurse=true").statusCode());
        assertEquals(404, given().get("http://localhost:" + server.port() + "/yanggao/ogcapi/collections/parcels")
                .statusCode());
    }

    @Test
    void aGeoPackageUploadPublishesItsFeatureTables() throws Exception {
        org.ecoplan.server.ClientCommands.require(org.ecoplan.server.ClientCommands.works(
                java.util.List.of("ogr2ogr", "--version"), dataDir), "ogr2ogr (GDAL)");
        Path work = Files.createTempDirectory("ecoplan-gpkg");
        Path src = work.resolve("wells.geojson");
        Files.writeString(src, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"label\":\"井一\",\"depth\":12.5},\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[113.9,40.3]}}]}");
        Path gpkg = work.resolve("delivery.gpkg");
        var r = org.ecoplan.server.ClientCommands.run(java.util.List.of("ogr2ogr", "-f", "GPKG", gpkg.toString(),
                src.toString(), "-nln", "gp_wells", "-a_srs", "EPSG:4490"), work);
        assertEquals(0, r.exit(), r.out());
        assertEquals(400, admin().contentType("application/geopackage+sqlite3").body(("not a geopackage at all, "
                + "just text long enough to pass the first length check of the upload, really").repeat(2)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put(rest + "/workspaces/yanggao/datastores/gp1/file.gpkg").statusCode());
        assertFalse(Files.exists(dataDir.resolve("layers/yanggao/stores/gp1.yaml")));
        Response up = admin().contentType("application/geopackage+sqlite3").body(Files.readAllBytes(gpkg))
                .put(rest + "/workspaces/yanggao/datastores/gp1/file.gpkg");
        assertEquals(201, up.statusCode(), up.asString());
        assertTrue(up.asString().contains("gp_wells"));
        JsonNode items = JSON.readTree(given().get("http://localhost:" + server.port()
                + "/yanggao/ogcapi/collections/gp_wells/items").asByteArray());
        assertEquals(1, items.path("numberMatched").asInt(), items.toString());
        assertTrue(items.toString().contains("井一"));
        assertEquals(409, admin().contentType("application/geopackage+sqlite3").body(Files.readAllBytes(gpkg))
                .put(rest + "/workspaces/yanggao/datastores/gp1/file.gpkg").statusCode());
        assertEquals(200, admin().delete(rest + "/workspaces/yanggao/datastores/gp1?recurse=true").statusCode());
        assertFalse(Files.exists(dataDir.resolve("data/yanggao/uploads/gp1.gpkg")),
                "the uploaded file goes with its store");
    }

    @Test
    void xmlBodiesAsGeoServerAcceptsThem() throws Exception {
        Response created = admin().contentType("application/xml").body("<workspace><name>xmlws</name></workspace>")
                .post(rest + "/workspaces");
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals(200, admin().delete(rest + "/workspaces/xmlws").statusCode());
        assertEquals(400, admin().contentType("application/xml").body("<workspace><name>x</workspace>")
                .post(rest + "/workspaces").statusCode());
        Response dtd = admin().contentType("application/xml").body("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY e "
                + "SYSTEM \"file:///etc/passwd\">]><workspace><name>&e;</name></workspace>").post(rest + "/workspaces");
        assertEquals(400, dtd.statusCode());
        assertFalse(dtd.asString().contains("root:"), "no entity is expanded");
    }

    @Test
    void aDatastoreThatCannotBeOpenedIsRefused() throws Exception {
        Response r = admin().contentType("application/json").body("{\"dataStore\": {\"name\": \"pg1\", "
                + "\"connectionParameters\": {\"entry\": [{\"@key\": \"dbtype\", \"$\": \"postgis\"}, "
                + "{\"@key\": \"host\", \"$\": \"127.0.0.1\"}, {\"@key\": \"port\", \"$\": \"1\"}, "
                + "{\"@key\": \"database\", \"$\": \"nothing\"}, {\"@key\": \"user\", \"$\": \"u\"}, "
                + "{\"@key\": \"passwd\", \"$\": \"s3cret-pw\"}]}}}")
                .post(rest + "/workspaces/yanggao/datastores");
        assertEquals(400, r.statusCode(), r.asString());
        assertFalse(r.asString().contains("s3cret-pw"), "the password is not echoed: " + r.asString());
        assertFalse(Files.exists(dataDir.resolve("layers/yanggao/stores/pg1.yaml")));
        assertFalse(Files.readString(auditLog).contains("s3cret-pw"));
        assertEquals(400, admin().contentType("application/json").body("{\"dataStore\": {\"name\": \"g1\", "
                + "\"connectionParameters\": {\"entry\": [{\"@key\": \"dbtype\", \"$\": \"geopkg\"}, "
                + "{\"@key\": \"database\", \"$\": \"../../etc/x.gpkg\"}]}}}")
                .post(rest + "/workspaces/yanggao/datastores").statusCode());
    }

    @Test
    void usersRolesTokensAndDataRulesAreManagedThroughTheApi() throws Exception {
        String base = "http://localhost:" + server.port();
        String sec = rest + "/security";
        assertEquals(400, admin().contentType("application/json").body("{\"user\": {\"userName\": \"analyst\", "
                + "\"password\": \"short\"}}").post(sec + "/usergroup/users.json").statusCode());
        assertEquals(201, admin().contentType("application/json").body("{\"user\": {\"userName\": \"analyst\", "
                + "\"password\": \"analyst-pass-1\", \"enabled\": true}}").post(sec + "/usergroup/users.json")
                .statusCode());
        String usersXml = admin().get(sec + "/usergroup/users.xml").asString();
        assertTrue(usersXml.contains("<users") && usersXml.contains("<userName>analyst</userName>"), usersXml);
        String users = admin().get(sec + "/usergroup/users.json").asString();
        assertTrue(users.contains("\"userName\":\"analyst\"") && !users.contains("$2"), users);
        assertFalse(Files.readString(security.resolve("users.yaml")).contains("analyst-pass-1"),
                "only the hash is kept");
        RequestSpecification analyst = given().auth().preemptive().basic("analyst", "analyst-pass-1");
        assertEquals(200, analyst.get(base + "/yanggao/ogcapi").statusCode());
        assertEquals(403, given().auth().preemptive().basic("analyst", "analyst-pass-1").get(rest + "/workspaces.json")
                .statusCode());

        // a data rule through the API: plan_targets for planners only, then the analyst becomes one
        assertEquals(201, admin().contentType("application/json").body("{\"yanggao.plan_targets.r\": \"PLANNER\"}")
                .post(sec + "/acl/layers.json").statusCode());
        String targets = base + "/yanggao/ogcapi/collections/plan_targets/items";
        assertEquals(404, given().get(targets).statusCode());
        assertEquals(404, given().auth().preemptive().basic("analyst", "analyst-pass-1").get(targets).statusCode());
        assertEquals(201, admin().post(sec + "/roles/role/PLANNER/user/analyst").statusCode());
        assertEquals(200, given().auth().preemptive().basic("analyst", "analyst-pass-1").get(targets).statusCode());
        assertTrue(admin().get(sec + "/roles.json").asString().contains("PLANNER"));

        // a token for another system: shown once, kept as its hash, revoked
        Response created = admin().contentType("application/json").body("{\"token\": {\"name\": \"forestry\", "
                + "\"roles\": [\"PLANNER\"]}}").post(sec + "/tokens.json");
        assertEquals(201, created.statusCode(), created.asString());
        String token = JSON.readTree(created.asByteArray()).path("token").path("value").asText();
        assertEquals(64, token.length());
        assertFalse(Files.readString(security.resolve("users.yaml")).contains(token));
        assertFalse(admin().get(sec + "/tokens.json").asString().contains(token));
        assertEquals(200, given().header("Authorization", "Bearer " + token).get(targets).statusCode());
        assertEquals(200, admin().delete(sec + "/tokens/forestry").statusCode());
        assertEquals(401, given().header("Authorization", "Bearer " + token).get(targets).statusCode());

        // a disabled account signs in no more; the rule goes, and anyone reads again
        assertEquals(200, admin().contentType("application/json").body("{\"user\": {\"enabled\": false}}")
                .post(sec + "/usergroup/user/analyst").statusCode());
        assertEquals(401, given().auth().preemptive().basic("analyst", "analyst-pass-1").get(targets).statusCode());
        assertEquals(200, admin().delete(sec + "/acl/layers/yanggao.plan_targets.r").statusCode());
        assertEquals(200, given().get(targets).statusCode());
        assertEquals(200, admin().delete(sec + "/usergroup/user/analyst").statusCode());
        assertFalse(admin().get(sec + "/usergroup/users.json").asString().contains("analyst"));
        // changes at once are applied one after the other, none lost
        java.util.List<java.util.concurrent.CompletableFuture<Integer>> made = new java.util.ArrayList<>();
        for (String u : new String[]{"alice", "bob", "carol"}) {
            made.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> admin().contentType("application/json")
                    .body("{\"user\": {\"userName\": \"" + u + "\", \"password\": \"pass-" + u + "-123\"}}")
                    .post(sec + "/usergroup/users.json").statusCode()));
        }
        for (var f : made) assertEquals(201, f.get(2, java.util.concurrent.TimeUnit.MINUTES));
        String all = admin().get(sec + "/usergroup/users.json").asString();
        assertTrue(all.contains("alice") && all.contains("bob") && all.contains("carol"), all);
        for (String u : new String[]{"alice", "bob", "carol"}) {
            assertEquals(200, admin().delete(sec + "/usergroup/user/" + u).statusCode());
        }
        // a rule naming a layer that does not exist is refused by the start-up check, and nothing changes
        Response unknown = admin().contentType("application/json").body("{\"yanggao.lakes.r\": \"PLANNER\"}")
                .post(sec + "/acl/layers.json");
        assertEquals(400, unknown.statusCode(), unknown.asString());
        assertFalse(Files.exists(security.resolve("layers.properties"))
                && Files.readString(security.resolve("layers.properties")).contains("lakes"));
    }

    @Test
    void theTileCacheIsSeededAndTruncatedThroughGeoWebCachesApi() throws Exception {
        String gwc = "http://localhost:" + server.port() + "/geoserver/gwc/rest";
        assertEquals(401, given().get(gwc + "/seed/yanggao:restoration_zones.json").statusCode());
        Response seed = admin().contentType("application/json").body("{\"seedRequest\": {\"name\": "
                + "\"yanggao:restoration_zones\", \"gridSetId\": \"WebMercatorQuad\", \"zoomStart\": 7, "
                + "\"zoomStop\": 8, \"format\": \"image/png\", \"type\": \"seed\", \"threadCount\": 1}}")
                .post(gwc + "/seed/yanggao:restoration_zones.json");
        assertEquals(200, seed.statusCode(), seed.asString());
        // poll until the task is no longer listed (bounded; the seed of two levels takes a moment)
        JsonNode tasks = null;
        for (int i = 0; i < 600; i++) {
            tasks = JSON.readTree(admin().get(gwc + "/seed/yanggao:restoration_zones.json").asByteArray());
            if (tasks.path("long-array-array").isEmpty()) break;
            Thread.sleep(100);
        }
        assertTrue(tasks.path("long-array-array").isEmpty(), tasks.toString());
        Path cache = dataDir.resolve("var/tiles");
        long files;
        try (Stream<Path> all = Files.walk(cache)) {
            files = all.filter(Files::isRegularFile).count();
        }
        assertTrue(files > 0, "seeded tiles in " + cache);
        Response truncate = admin().contentType("text/xml")
                .body("<truncateLayer><layerName>yanggao:restoration_zones</layerName></truncateLayer>")
                .post(gwc + "/masstruncate");
        assertEquals(200, truncate.statusCode(), truncate.asString());
        assertTrue(truncate.asString().matches("(?s)[1-9]\\d* tiles removed.*"), truncate.asString());
        assertEquals(404, admin().contentType("text/xml").body("<truncateLayer><layerName>nothing</layerName>"
                + "</truncateLayer>").post(gwc + "/masstruncate").statusCode());
    }

    /** geoserver-node-client, the npm package written for GeoServer's REST API, drives this one unchanged. */
    @Test
    void geoserverNodeClientDrivesTheApi() throws Exception {
        Path frontend = ServerFixture.workspace().resolve("geoserver-ext/viewer/frontend");
        boolean ready = new ProcessBuilder("sh", "-c", "command -v node").start().waitFor() == 0
                && Files.isDirectory(frontend.resolve("node_modules/geoserver-node-client"));
        org.ecoplan.server.ClientCommands.require(ready, "node and geoserver-node-client (viewer frontend npm ci)");
        org.ecoplan.server.ClientCommands.require(org.ecoplan.server.ClientCommands.works(
                java.util.List.of("ogr2ogr", "--version"), dataDir), "ogr2ogr (GDAL)");
        // a GeoPackage another tool wrote (GDAL: fid and geom columns), for the client to publish a table of
        Path src = Files.createTempFile("ncdemo", ".geojson");
        Files.writeString(src, "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"a\"},\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[113.9,40.3]}},{\"type\":\"Feature\",\"properties\":{\"name\":\"b\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[113.95,40.32]}}]}");
        var gdal = org.ecoplan.server.ClientCommands.run(java.util.List.of("ogr2ogr", "-f", "GPKG", dataDir.resolve(
                "data/ncdemo.gpkg").toString(), src.toString(), "-nln", "nc_parcels", "-a_srs", "EPSG:4490"), dataDir);
        assertEquals(0, gdal.exit(), gdal.out());
        ProcessBuilder pb = new ProcessBuilder("node", "test/geoserver-rest-client.test.mjs")
                .directory(frontend.toFile())
                .redirectErrorStream(true);
        pb.environment().put("REST_URL", rest + "/");
        pb.environment().put("BASE_URL", "http://localhost:" + server.port() + "/yanggao");
        pb.environment().put("USER", "admin");
        pb.environment().put("PASSWORD", "admin-pass");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("\"ok\":true"), out);
        // what the client made is in the files: the new default style and the group
        assertTrue(Files.readString(dataDir.resolve("layers/yanggao/restoration_zones.yaml"))
                .contains("default: nc_zones"));
        assertTrue(Files.isRegularFile(dataDir.resolve("layers/yanggao/groups/nc_group.yaml")));
        assertFalse(Files.exists(dataDir.resolve("layers/nodeclient")));
    }

    private static final String RED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" version="1.0.0">
              <NamedLayer><Name>restoration_zones</Name><UserStyle><Name>zones_red</Name><FeatureTypeStyle><Rule>
                %s
                <PolygonSymbolizer><Fill><CssParameter name="fill">#FF0000</CssParameter></Fill></PolygonSymbolizer>
              </Rule></FeatureTypeStyle></UserStyle></NamedLayer>
            </StyledLayerDescriptor>
            """;

    @Test
    void anUploadedStyleBecomesALayersDefaultAndDraws() throws Exception {
        // a cached tile of the layer before: after the change the same URL must give the new drawing
        String tile = "http://localhost:" + server.port()
                + "/yanggao/tiles/restoration_zones/WebMercatorQuad/8/209/96.png";
        byte[] before = given().get(tile).asByteArray();
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(given().get(tile).asByteArray()),
                "cached");
        String sld = RED.formatted("");
        Response up = admin().contentType("application/vnd.ogc.sld+xml").body(sld)
                .post(rest + "/workspaces/yanggao/styles?name=zones_red");
        assertEquals(201, up.statusCode(), up.asString());
        assertEquals(sld, admin().get(rest + "/workspaces/yanggao/styles/zones_red.sld").asString());
        // a broken SLD is refused with its line, and the style stays as it was
        Response broken = admin().contentType("application/vnd.ogc.sld+xml")
                .body("<StyledLayerDescriptor>\n<NamedLayer>")
                .put(rest + "/workspaces/yanggao/styles/zones_red");
        assertEquals(400, broken.statusCode());
        assertTrue(broken.asString().contains("line"), broken.asString());
        assertEquals(sld, admin().get(rest + "/workspaces/yanggao/styles/zones_red.sld").asString());
        assertEquals(415, admin().contentType("application/json").body("{}")
                .post(rest + "/workspaces/yanggao/styles?name=x").statusCode());

        Response assign = admin().contentType("application/json")
                .body("{\"layer\": {\"defaultStyle\": {\"name\": \"yanggao:zones_red\"}}}")
                .put(rest + "/layers/yanggao:restoration_zones");
        assertEquals(200, assign.statusCode(), assign.asString());
        JsonNode layer = JSON.readTree(admin().get(rest + "/layers/yanggao:restoration_zones.json").asByteArray());
        assertEquals("yanggao:zones_red", layer.path("layer").path("defaultStyle").path("name").asText());
        JsonNode zones = JSON.readTree(given().get("http://localhost:" + server.port()
                + "/yanggao/ogcapi/collections/restoration_zones/items/restoration_zones.2").asByteArray());
        org.locationtech.jts.geom.Geometry g = new org.locationtech.jts.io.geojson.GeoJsonReader()
                .read(zones.path("geometry").toString());
        org.locationtech.jts.geom.Point inside = g.getInteriorPoint();
        double x = inside.getX();
        double y = inside.getY();
        byte[] png = given().get("http://localhost:" + server.port() + "/yanggao/wms?SERVICE=WMS&VERSION=1.3.0"
                + "&REQUEST=GetMap&LAYERS=restoration_zones&STYLES=&CRS=CRS:84&BBOX=" + (x - 0.001) + "," + (y - 0.001)
                + "," + (x + 0.001) + "," + (y + 0.001) + "&WIDTH=8&HEIGHT=8&FORMAT=image/png").asByteArray();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(0xFFFF0000, img.getRGB(4, 4), "the new default style draws");
        byte[] after = given().get(tile).asByteArray();
        assertFalse(java.util.Arrays.equals(before, after), "the change invalidated the layer's cached tiles");

        // a style whose filter names an attribute the layer lacks is refused at the reload; all is put back
        Response unfit = admin().contentType("application/vnd.ogc.sld+xml").body(RED.formatted(
                "<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>colour</ogc:PropertyName><ogc:Literal>x"
                        + "</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>"))
                .put(rest + "/workspaces/yanggao/styles/zones_red");
        assertEquals(400, unfit.statusCode(), unfit.asString());
        assertTrue(unfit.asString().contains("colour"), unfit.asString());
        assertEquals(sld, Files.readString(dataDir.resolve("styles/yanggao/zones_red.sld")));
        // in use: not deleted
        assertEquals(403, admin().delete(rest + "/workspaces/yanggao/styles/zones_red").statusCode());
        // an OGC API job outlives a reload: its id still answers
        Response job = given().contentType("application/json").header("Prefer", "respond-async")
                .body("{\"inputs\": {\"site\": \"POINT(" + x + " " + y + ")\"}, \"outputs\": {\"report\": {}}}")
                .post("http://localhost:" + server.port() + "/yanggao/ogcapi/processes/plan-check/execution");
        assertEquals(201, job.statusCode(), job.asString());
        assertEquals(200, admin().post(rest + "/reload").statusCode());
        assertEquals(200, given().get(job.header("Location")).statusCode(), "the job survived the reload");
        JsonNode acl = JSON.readTree(admin().get(rest + "/security/acl/layers.json").asByteArray());
        assertTrue(acl.isObject());
    }
}
