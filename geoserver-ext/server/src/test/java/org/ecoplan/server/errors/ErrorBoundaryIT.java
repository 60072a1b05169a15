package org.ecoplan.server.errors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.ecoplan.server.EcoplanServer;
import org.ecoplan.server.ServerFixture;
import org.ecoplan.testkit.Xml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * The error boundary: a store that fails under a running server (a table dropped behind its back)
 * gives every route its protocol's error answer — WMS and WFS exception reports, the WMTS REST
 * OWS report, plain text for XYZ and vector tiles — with HTTP 500, no internals (no store message,
 * no class name), exactly one ERROR log line with the request path, and one access log line.
 */
class ErrorBoundaryIT {
    private static final String LAYER = "townships";

    @TempDir
    static Path dir;
    static EcoplanServer server;
    static ListAppender<ILoggingEvent> log;

    @BeforeAll
    static void startAndBreakTheStore() throws Exception {
        Path gpkg = dir.resolve("plan.gpkg");
        server = ServerFixture.startOnOwnPlanStore(gpkg, Map.of());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + LAYER);
        }
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
        ((Logger) LoggerFactory.getLogger("ecoplan.access")).addAppender(log);
    }

    @AfterAll
    static void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        ((Logger) LoggerFactory.getLogger("ecoplan.access")).detachAppender(log);
        if (server != null) server.close();
    }

    @BeforeEach
    void clearLog() {
        synchronized (log) {
            log.list.clear();
        }
    }

    /** The events so far; the appender appends under its own lock (AppenderBase.doAppend). */
    private static List<ILoggingEvent> snapshot() {
        synchronized (log) {
            return List.copyOf(log.list);
        }
    }

    /** Jetty writes the access line once the exchange is complete, which can be just after the client has the answer. */
    private static List<ILoggingEvent> accessLines(String path) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<ILoggingEvent> lines = snapshot().stream()
                    .filter(e -> e.getLoggerName().equals("ecoplan.access")).toList();
            if (!lines.isEmpty()) return lines;
            Thread.sleep(50);
        }
        return List.of();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            WMS GetMap          | /wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=townships&STYLES=&CRS=CRS:84&BBOX=113.5,39.9,114.5,40.6&WIDTH=64&HEIGHT=64&FORMAT=image/png | text/xml       | /ogc:ServiceExceptionReport/ogc:ServiceException/@code
            WMS GetFeatureInfo  | /wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=townships&QUERY_LAYERS=townships&STYLES=&CRS=CRS:84&BBOX=113.5,39.9,114.5,40.6&WIDTH=64&HEIGHT=64&I=30&J=30&INFO_FORMAT=text/plain | text/xml | /ogc:ServiceExceptionReport/ogc:ServiceException/@code
            WFS GetFeature      | /wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=townships | application/xml | /ows:ExceptionReport/ows:Exception/@exceptionCode
            WMTS REST tile      | /wmts/rest/townships/default/WebMercatorQuad/10/386/835.png | application/xml | /ows:ExceptionReport/ows:Exception/@exceptionCode
            XYZ tile            | /tiles/townships/WebMercatorQuad/10/835/386.png | text/plain | -
            vector tile         | /vtiles/townships/WebMercatorQuad/10/835/386.mvt | text/plain | -
            """)
    void aFailingStoreGivesTheRoutesErrorFormatAndOneLogLine(String what, String path, String type, String codeXPath)
            throws Exception {
        Response r = given().urlEncodingEnabled(false).get("http://localhost:" + server.port() + path);
        assertEquals(500, r.statusCode(), what + ": " + r.asString());
        assertTrue(r.contentType().startsWith(type), what + " answered " + r.contentType());
        String body = r.asString();
        assertFalse(Pattern.compile("(?i)sqlite|sql|exception:|\\.java|org\\.ecoplan").matcher(body).find(),
                what + " leaks internals: " + body);
        if (!codeXPath.equals("-")) assertEquals("NoApplicableCode", new Xml(r.asByteArray()).s(codeXPath), body);

        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        List<ILoggingEvent> errors = snapshot().stream()
                .filter(e -> e.getLevel() == Level.ERROR && e.getFormattedMessage().contains(pathOnly)).toList();
        assertEquals(1, errors.size(), what + " should be logged once as an error: " + snapshot());
        assertTrue(errors.get(0).getThrowableProxy() != null, "the error log line carries the cause");
        List<ILoggingEvent> access = accessLines(pathOnly);
        assertEquals(1, access.size(), "one access log line per request: " + access);
        assertTrue(Pattern.compile("^\\S+Z \\S+ GET " + Pattern.quote(pathOnly) + "\\S* 500 \\d+ \\d+ms$")
                .matcher(access.get(0).getFormattedMessage()).matches(), access.get(0).getFormattedMessage());
    }

    @Test
    void healthSaysWhichStoreCannotBeRead() {
        io.restassured.response.Response health = io.restassured.RestAssured.given()
                .baseUri("http://localhost:" + server.port()).get("/health");
        assertEquals(503, health.statusCode(), health.asString());
        assertEquals("DOWN", health.jsonPath().getString("status"));
        assertTrue(health.jsonPath().getList("unreadableStores").contains(ServerFixture.PLAN + ":plan"),
                health.asString());
        // readiness is the same check; liveness only says the process answers, so a supervisor does not
        // restart a server whose database is down
        io.restassured.response.Response ready = io.restassured.RestAssured.given()
                .baseUri("http://localhost:" + server.port()).get("/health/ready");
        assertEquals(503, ready.statusCode(), ready.asString());
        io.restassured.response.Response live = io.restassured.RestAssured.given()
                .baseUri("http://localhost:" + server.port()).get("/health/live");
        assertEquals(200, live.statusCode(), live.asString());
        assertEquals("UP", live.jsonPath().getString("status"));
    }
}
