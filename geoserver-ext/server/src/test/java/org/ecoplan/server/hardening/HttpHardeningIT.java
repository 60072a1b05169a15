package org.ecoplan.server.hardening;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.server.EcoplanServer;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The HTTP exchange of a public server (issue: hardening): only GET/HEAD/POST are served, OPTIONS
 * answers a CORS preflight, a configured public base URL replaces the Host header, a body that
 * trickles in is cut off, and read errors (too large, bad encoding, control characters) are
 * answered in the format of the service asked, well-formed, with their HTTP status.
 */
class HttpHardeningIT {
    private static final String PUBLIC = "https://maps.example.org/ecoplan";
    static EcoplanServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ServerFixture.startPrivate(ServerFixture.workspace(),
                Map.of("ECOPLAN_PUBLIC_URL", PUBLIC, "ECOPLAN_MIN_REQUEST_BYTES_PER_S", "2000",
                        "ECOPLAN_MAX_REQUESTS_PER_CLIENT", "2", "ECOPLAN_QUEUE_TIMEOUT_MS", "300", "ECOPLAN_SLD_BODY",
                        "false", "ECOPLAN_CORS_ORIGINS", "https://a.example, https://b.example"),
                ServerSettings.fromEnvironment());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    private static String base() { return "http://localhost:" + server.port(); }

    private static Document xml(byte[] body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    @Test
    void onlyGetHeadAndPostAreServed() throws Exception {
        for (String method : new String[]{"PUT", "DELETE", "PATCH"}) {
            Response wfs = given().baseUri(base()).request(method, "/wfs?SERVICE=WFS&REQUEST=GetCapabilities");
            assertEquals(405, wfs.statusCode(), method);
            assertTrue(wfs.header("Allow").contains("GET"), method);
            assertEquals("ExceptionReport", xml(wfs.asByteArray()).getDocumentElement().getLocalName(), method);
            Response wms = given().baseUri(base()).request(method, "/wms?SERVICE=WMS&REQUEST=GetCapabilities");
            assertEquals(405, wms.statusCode(), method);
            assertEquals("ServiceExceptionReport", xml(wms.asByteArray()).getDocumentElement().getLocalName());
        }
        Response preflight = given().baseUri(base()).header("Origin", "https://other.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/yanggao/wfs");
        assertEquals(204, preflight.statusCode());
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("POST"));
        assertEquals("content-type", preflight.header("Access-Control-Allow-Headers"));
        // this server names its CORS origins: only those are echoed
        assertEquals(null, preflight.header("Access-Control-Allow-Origin"));
        Response fromB = given().baseUri(base()).header("Origin", "https://b.example").get("/health");
        assertEquals("nosniff", fromB.header("X-Content-Type-Options"));
        assertEquals(null, fromB.header("Server"), "no server name and version");
        assertEquals("https://b.example", fromB.header("Access-Control-Allow-Origin"));
        assertTrue(fromB.header("Vary").contains("Origin"));
    }

    @Test
    void sldBodyCanBeSwitchedOff() throws Exception {
        String sld = "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\"><NamedLayer>"
                + "<Name>townships</Name><UserStyle><FeatureTypeStyle><Rule><PointSymbolizer/></Rule>"
                + "</FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>";
        Response r = given().baseUri(base()).queryParam("SLD_BODY", sld).get("/yanggao/wms?SERVICE=WMS&VERSION=1.3.0"
                + "&REQUEST=GetMap&CRS=CRS:84&BBOX=113.5,39.9,114.4,40.5&WIDTH=20&HEIGHT=20&FORMAT=image/png");
        Document d = xml(r.asByteArray());
        assertEquals("ServiceExceptionReport", d.getDocumentElement().getLocalName());
        assertTrue(r.asString().contains("SLD_BODY is switched off"), r.asString());
    }

    @Test
    void linksUseThePublicUrlNotTheHostHeader() {
        Response caps = given().baseUri(base()).header("Host", "evil.example")
                .get("/yanggao/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0");
        assertEquals(200, caps.statusCode());
        String text = caps.asString();
        assertFalse(text.contains("evil.example"), "the Host header is not echoed");
        assertTrue(text.contains(PUBLIC + "/yanggao/wms?"), "links start at the public URL");
        Response wfs = given().baseUri(base()).header("Host", "evil.example")
                .get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=yanggao:townships&COUNT=2");
        assertFalse(wfs.asString().contains("evil.example"), "nor in WFS paging links");
        assertTrue(wfs.asString().contains(PUBLIC + "/wfs?"), wfs.asString());
    }

    @Test
    void readErrorsAnswerInTheFormatOfTheServiceAsked() throws Exception {
        // HTTP clients refuse to send a malformed escape, so this one goes over a plain socket
        String[] badEncoding = rawGet("/wfs?SERVICE=WFS&REQUEST=GetCapabilities&X=%ZZ");
        assertEquals("400", badEncoding[0], badEncoding[1]);
        assertEquals("ExceptionReport",
                xml(badEncoding[1].getBytes(StandardCharsets.UTF_8)).getDocumentElement().getLocalName());
        byte[] big = new byte[ServerSettings.fromEnvironment().maxRequestBytes() + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        Response tooLarge = given().baseUri(base()).contentType("application/xml").body(big).post("/wfs");
        assertEquals(413, tooLarge.statusCode());
        assertEquals("ExceptionReport", xml(tooLarge.asByteArray()).getDocumentElement().getLocalName());
        // a NUL echoed back from the request must not make the report unparseable
        Response nul = given().baseUri(base()).urlEncodingEnabled(false).get(
                "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=townships&STYLES=&CRS=EPSG:4490"
                        + "&BBOX=1,2,3,%00&WIDTH=10&HEIGHT=10&FORMAT=image/png");
        Document d = xml(nul.asByteArray());
        assertNotNull(d.getDocumentElement());
        assertEquals("ServiceExceptionReport", d.getDocumentElement().getLocalName());
    }

    /** A GET over a plain socket: {status, body}. */
    private static String[] rawGet(String pathAndQuery) throws Exception {
        try (Socket s = new Socket("localhost", server.port())) {
            s.setSoTimeout(30_000);
            s.getOutputStream()
                    .write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String status = answer.substring(9, 12);
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            if (answer.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) body = unchunk(body);
            return new String[]{status, body};
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", i);
            int size = Integer.parseInt(chunked.substring(i, eol).trim(), 16);
            if (size == 0) return out.toString();
            // sizes count bytes; the reports here are ASCII apart from their text, which this test does not read
            byte[] bytes = chunked.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(java.util.Arrays.copyOf(bytes, size), StandardCharsets.UTF_8);
            out.append(chunk);
            i = eol + 2 + chunk.length() + 2;
        }
    }

    @Test
    void oneClientCannotTakeEveryWorker() throws Exception {
        Socket[] held = new Socket[2];
        try {
            for (int i = 0; i < held.length; i++) {
                // a request whose body never comes holds its turn until the data rate cuts it off (2 s)
                held[i] = new Socket("localhost", server.port());
                held[i].getOutputStream().write(("POST /wfs HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/xml\r\nContent-Length: 1000\r\n\r\n<")
                        .getBytes(StandardCharsets.US_ASCII));
                held[i].getOutputStream().flush();
            }
            Thread.sleep(300);
            Response refused = given().baseUri(base()).get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0");
            assertEquals(503, refused.statusCode(), refused.asString());
            assertEquals("5", refused.header("Retry-After"));
            assertEquals("ServiceExceptionReport", xml(refused.asByteArray()).getDocumentElement().getLocalName());
            given().baseUri(base()).get("/health").then().statusCode(200);
        } finally {
            for (Socket s : held) if (s != null) s.close();
        }
        Thread.sleep(500);
        given().baseUri(base()).get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").then().statusCode(200);
    }

    @Test
    void aTrickledBodyIsCutOff() throws Exception {
        long t0 = System.nanoTime();
        try (Socket s = new Socket("localhost", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /wfs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/xml\r\n"
                    + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            s.setSoTimeout(500);
            boolean cut = false;
            // one byte per half second, far below the configured 2000 bytes/s, for at most 20 s: less than the
            // 30 s idle timeout, so only the data rate can end the exchange
            for (int i = 0; i < 40 && !cut; i++) {
                try {
                    out.write('<');
                    out.flush();
                    in.read(); // an answer (408) or the end of the stream: either way the server gave up
                    cut = true;
                } catch (SocketTimeoutException stillWaiting) {
                    // the server is still reading
                } catch (SocketException closed) {
                    cut = true;
                }
            }
            assertTrue(cut, "the server ended the exchange while the body was still trickling in");
            System.out.println("trickled body cut off after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
        given().baseUri(base()).get("/health").then().statusCode(200);
    }
}
