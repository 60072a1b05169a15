package org.ecoplan.server.hardening;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ecoplan.server.ClientCommands;
import org.ecoplan.server.EcoplanServer;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed in the middle of a transaction on the served GeoPackage (as {@code kill -9} of
 * the data-loader mid-commit does) leaves a hot rollback journal. The server must roll it back and
 * go on serving the data as it was before the transaction, and {@code /health} must say whether
 * the stores can be read.
 */
class KilledWriterIT {
    /** Deletes every township and spills the change into the file (a one-page cache), then dies without committing. */
    private static final String KILLED_WRITER = """
            import os, sqlite3, sys
            con = sqlite3.connect(sys.argv[1], isolation_level=None)
            con.execute('PRAGMA journal_mode=DELETE')
            con.execute('PRAGMA cache_size=1')
            con.execute('BEGIN IMMEDIATE')
            con.execute('DELETE FROM townships')
            con.execute('CREATE TABLE filler(x)')
            for i in range(2000):
                con.execute('INSERT INTO filler VALUES (randomblob(1000))')
            os.kill(os.getpid(), 9)
            """;

    @TempDir
    static Path dir;
    static Path gpkg;
    static EcoplanServer server;

    @BeforeAll
    static void start() throws Exception {
        gpkg = dir.resolve("plan.gpkg");
        server = ServerFixture.startOnOwnPlanStore(gpkg, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    private static long townships() {
        Response r = given().baseUri("http://localhost:" + server.port()).get(
                "/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=yanggao:townships&RESULTTYPE=hits");
        assertEquals(200, r.statusCode(), r.asString());
        return Long.parseLong(r.xmlPath().getString("**.find { it.name() == 'FeatureCollection' }.@numberMatched"));
    }

    @Test
    void aHotJournalIsRolledBackAndServingGoesOn() throws Exception {
        long before = townships();
        assertTrue(before > 0);
        Path script = dir.resolve("killed_writer.py");
        Files.writeString(script, KILLED_WRITER);
        String python = ClientCommands.python("sqlite3", dir);
        ClientCommands.require(python != null, "python3 with sqlite3");
        Process p = new ProcessBuilder(List.of(python, script.toString(), gpkg.toString())).inheritIO().start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the writer ran");
        assertEquals(137, p.exitValue(), "the writer was killed, not finished");
        Path journal = dir.resolve("plan.gpkg-journal");
        assertTrue(Files.size(journal) > 0, "a hot journal was left behind");

        given().baseUri("http://localhost:" + server.port()).get("/health").then().statusCode(200);
        assertEquals(before, townships(), "the uncommitted delete is rolled back");
        Response map = given().baseUri("http://localhost:" + server.port()).get("/yanggao/wms?SERVICE=WMS&VERSION=1.3.0"
                + "&REQUEST=GetMap&LAYERS=townships&STYLES=&CRS=CRS:84&BBOX=113.5,39.9,114.4,40.5&WIDTH=200&HEIGHT=150"
                + "&FORMAT=image/png");
        assertEquals(200, map.statusCode());
        assertEquals("image/png", map.contentType());
        assertTrue(!Files.exists(journal) || Files.size(journal) == 0, "the journal is gone");
    }
}
