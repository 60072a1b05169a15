package org.ecoplan.wms;

import static org.ecoplan.wms.TestWorkspace.body;
import static org.ecoplan.wms.TestWorkspace.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.ecoplan.catalog.config.ContactInfo;
import org.ecoplan.map.MapCore;
import org.ecoplan.map.tiles.TileCache;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.testkit.OgcSchemas;
import org.ecoplan.testkit.TestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** In-process tests of every WMS operation over the {@link TestWorkspace} fixture. */
class WmsServiceTest {
    @TempDir
    Path dir;
    WmsService wms;
    org.ecoplan.testkit.TestContext context;

    @BeforeEach
    void setUp() throws Exception {
        context = TestWorkspace.create(dir);
        wms = new WmsService(context);
    }

    private OwsResponse call(OwsRequest r) {
        try {
            return wms.handle(r);
        } catch (ServiceException e) {
            return wms.exception(e, r);
        }
    }

    private static Document xml(byte[] b) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(b));
    }

    private static String xpath(Document d, String expr) throws Exception {
        XPath x = XPathFactory.newInstance().newXPath();
        return (String) x.evaluate(expr, d, XPathConstants.STRING);
    }

    private static BufferedImage image(OwsResponse r) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(body(r)));
        assertNotNull(img, "not a decodable image: " + r.contentType());
        return img;
    }

    private static int rgb(BufferedImage img, int x, int y) { return img.getRGB(x, y) & 0xFFFFFF; }

    @Test
    void capabilities130IsSchemaValidAndListsLayersAndGroups() throws Exception {
        OwsResponse r = call(get("SERVICE=WMS", "REQUEST=GetCapabilities", "VERSION=1.3.0"));
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("text/xml"));
        byte[] b = body(r);
        List<String> errors = OgcSchemas.validate(b, "http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd",
                "http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd");
        assertTrue(errors.isEmpty(), String.join("\n", errors) + "\n" + new String(b, StandardCharsets.UTF_8));
        Document d = xml(b);
        assertEquals("42", xpath(d, "/WMS_Capabilities/@updateSequence"));
        assertEquals("2000", xpath(d, "//Service/MaxWidth"));
        assertEquals("修复分区 / Restoration zones", xpath(d, "//Layer[Name='zones']/Title"));
        assertEquals("修复分区图 / Restoration zoning map", xpath(d, "//Layer[Name='plan_zones']/Title"));
        assertEquals("", xpath(d, "//Layer[Name='targets']/Name"), "tables are not WMS layers");
        assertEquals("1", xpath(d, "//Layer[Name='zones']/@queryable"));
        assertEquals("0", xpath(d, "//Layer[Name='sites']/@queryable"));
        assertEquals("6", xpath(d, "count(/WMS_Capabilities/Capability/Layer/CRS)"));
        // EPSG:4490 BoundingBox in lat/lon order (1.3.0), CRS:84 in lon/lat
        assertEquals("40", xpath(d, "//Layer[Name='zones']/BoundingBox[@CRS='EPSG:4490']/@minx"));
        assertEquals("113.6", xpath(d, "//Layer[Name='zones']/BoundingBox[@CRS='EPSG:4490']/@miny"));
        assertEquals("113.6", xpath(d, "//Layer[Name='zones']/BoundingBox[@CRS='CRS:84']/@minx"));
        assertEquals("113.6", xpath(d, "//Layer[Name='zones']/EX_GeographicBoundingBox/westBoundLongitude"));
        assertEquals("2", xpath(d, "count(//Layer[Name='zones']/Style)"));
        assertTrue(xpath(d, "//Layer[Name='zones']/Style[Name='zones']/LegendURL/OnlineResource/@href")
                .contains("REQUEST=GetLegendGraphic"));
        assertEquals("© test zones", xpath(d, "//Layer[Name='zones']/Attribution/Title"));
        assertEquals("1000", xpath(d, "//Layer[Name='sites']/MinScaleDenominator"));
        assertEquals("5000000", xpath(d, "//Layer[Name='sites']/MaxScaleDenominator"));
        assertEquals("", xpath(d, "//Layer[Name='zones']/MinScaleDenominator"));
        assertEquals("http://localhost:8080/test/wms?", xpath(d, "//GetMap/DCPType/HTTP/Get/OnlineResource/@href"));
        assertEquals("zones", xpath(d, "(//Layer/Name)[1]"), "map layers come before groups");
        double minx = Double.parseDouble(xpath(d, "//Layer[Name='sites']/BoundingBox[@CRS='CRS:84']/@minx"));
        double maxx = Double.parseDouble(xpath(d, "//Layer[Name='sites']/BoundingBox[@CRS='CRS:84']/@maxx"));
        assertTrue(minx < 113.75 && maxx > 113.75 && maxx - minx < 0.001,
                "a one-point layer gets a small, non-empty box");
    }

    @Test
    void schemaCheckCatchesInvalidDocuments() throws Exception {
        byte[] bad = "<WMS_Capabilities xmlns=\"http://www.opengis.net/wms\" version=\"1.3.0\"><Bogus/></WMS_Capabilities>"
                .getBytes(StandardCharsets.UTF_8);
        assertFalse(OgcSchemas.validate(bad, "http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd").isEmpty());
    }

    @Test
    void capabilities111UsesSrsAndLonLat() throws Exception {
        OwsResponse r = call(get("SERVICE=WMS", "REQUEST=GetCapabilities", "VERSION=1.1.1"));
        assertTrue(r.contentType().startsWith("application/vnd.ogc.wms_xml"));
        Document d = xml(body(r));
        assertEquals("1.1.1", xpath(d, "/WMT_MS_Capabilities/@version"));
        assertEquals("OGC:WMS", xpath(d, "//Service/Name"));
        assertEquals("113.6", xpath(d, "//Layer[Name='zones']/BoundingBox[@SRS='EPSG:4490']/@minx"));
        assertEquals("113.6", xpath(d, "//Layer[Name='zones']/LatLonBoundingBox/@minx"));
        assertEquals("application/vnd.ogc.se_inimage", xpath(d, "//Exception/Format[2]"));
        assertEquals("1", xpath(d, "count(//Request/GetLegendGraphic)"));
        // scale range 1:1000 - 1:5,000,000 as pixel-diagonal ground sizes (0.28 mm pixels)
        assertEquals(0.39598, Double.parseDouble(xpath(d, "//Layer[Name='sites']/ScaleHint/@min")), 1e-4);
        assertEquals(1979.899, Double.parseDouble(xpath(d, "//Layer[Name='sites']/ScaleHint/@max")), 1e-2);
        assertEquals("0", xpath(d, "count(//Layer[Name='zones']/ScaleHint)"));
    }

    @Test
    void capabilities111IsValidAgainstTheWms111Dtd() throws Exception {
        String doc = new String(body(call(get("SERVICE=WMS", "REQUEST=GetCapabilities", "VERSION=1.1.1"))),
                StandardCharsets.UTF_8);
        String withDoctype = doc.replaceFirst("\\?>", "?><!DOCTYPE WMT_MS_Capabilities SYSTEM \"urn:wms111dtd\">");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setValidating(true);
        f.setNamespaceAware(false);
        var builder = f.newDocumentBuilder();
        builder.setEntityResolver((publicId, systemId) -> new org.xml.sax.InputSource(
                getClass().getClassLoader().getResourceAsStream("ogc/wms/1.1.1/capabilities_1_1_1.dtd")));
        List<String> errors = new java.util.ArrayList<>();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) { errors.add(e.getMessage()); }
        });
        builder.parse(new ByteArrayInputStream(withDoctype.getBytes(StandardCharsets.UTF_8)));
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    @Test
    void negotiatesVersionForCapabilities() throws Exception {
        Document d = xml(body(call(get("SERVICE=WMS", "REQUEST=GetCapabilities", "VERSION=1.2.0"))));
        assertEquals("1.1.1", xpath(d, "/WMT_MS_Capabilities/@version"));
        d = xml(body(call(get("SERVICE=WMS", "REQUEST=GetCapabilities", "VERSION=9.0.0"))));
        assertEquals("1.3.0", xpath(d, "/WMS_Capabilities/@version"));
        d = xml(body(call(get("SERVICE=WMS", "REQUEST=GetCapabilities", "WMTVER=1.0.0"))));
        assertEquals("1.1.1", xpath(d, "/WMT_MS_Capabilities/@version"));
    }

    @Test
    void updateSequenceRules() throws Exception {
        Document d = xml(
                body(call(get("SERVICE=WMS", "REQUEST=GetCapabilities", "VERSION=1.3.0", "UPDATESEQUENCE=42"))));
        assertEquals("CurrentUpdateSequence", xpath(d, "/ServiceExceptionReport/ServiceException/@code"));
        d = xml(body(call(get("SERVICE=WMS", "REQUEST=GetCapabilities", "VERSION=1.3.0", "UPDATESEQUENCE=43"))));
        assertEquals("InvalidUpdateSequence", xpath(d, "/ServiceExceptionReport/ServiceException/@code"));
        d = xml(body(call(get("SERVICE=WMS", "REQUEST=GetCapabilities", "VERSION=1.3.0", "UPDATESEQUENCE=41"))));
        assertEquals("1.3.0", xpath(d, "/WMS_Capabilities/@version"));
    }

    private OwsRequest map130(String layers, String... extra) {
        List<String> p = new java.util.ArrayList<>(
                List.of("SERVICE=WMS", "VERSION=1.3.0", "REQUEST=GetMap", "LAYERS=" + layers,
                        "STYLES=", "CRS=EPSG:4490", "BBOX=39.9,113.5,40.4,114.2", "WIDTH=700", "HEIGHT=500",
                        "FORMAT=image/png"));
        p.addAll(List.of(extra));
        return get(p.toArray(String[]::new));
    }

    @Test
    void getMap130LatLonDrawsFeaturesWhereTheyAre() throws Exception {
        OwsResponse r = call(map130("zones"));
        assertEquals("image/png", r.contentType());
        BufferedImage img = image(r);
        assertEquals(700, img.getWidth());
        assertEquals(500, img.getHeight());
        assertEquals(0x00AA00, rgb(img, 200, 200), "forest zone (lon 113.7, lat 40.2)");
        assertEquals(0x0000CC, rgb(img, 500, 300), "grass zone by ElseFilter (lon 114.0, lat 40.1)");
        assertEquals(0xFFFFFF, rgb(img, 50, 50), "background outside the zones");
    }

    @Test
    void getMap111LonLatGivesTheSameImage() throws Exception {
        BufferedImage a = image(call(map130("zones")));
        BufferedImage b = image(call(get("SERVICE=WMS", "VERSION=1.1.1", "REQUEST=GetMap", "LAYERS=zones", "STYLES=",
                "SRS=EPSG:4326", "BBOX=113.5,39.9,114.2,40.4", "WIDTH=700", "HEIGHT=500", "FORMAT=image/png")));
        for (int[] p : new int[][]{{200, 200}, {500, 300}, {50, 50}})
            assertEquals(rgb(a, p[0], p[1]), rgb(b, p[0], p[1]));
    }

    @Test
    void getMapWebMercatorAndGroupAndStyles() throws Exception {
        // EPSG:3857 box around the forest zone only
        OwsResponse r = call(
                get("SERVICE=WMS", "VERSION=1.3.0", "REQUEST=GetMap", "LAYERS=zones", "STYLES=zones_outline",
                        "CRS=EPSG:3857", "BBOX=12640000,4870000,12660000,4890000", "WIDTH=100", "HEIGHT=100",
                        "FORMAT=image/png",
                        "TRANSPARENT=TRUE"));
        BufferedImage img = image(r);
        assertEquals(0, img.getRGB(50, 50) >>> 24, "outline style leaves the inside transparent");
        BufferedImage group = image(call(map130("plan_zones")));
        assertEquals(0xFF00FF, rgb(group, 250, 250), "the group draws the site point over the zones");
        assertEquals(0x00AA00, rgb(group, 200, 200));
    }

    @Test
    void otherFormatsDecode() throws Exception {
        for (String f : List.of("image/jpeg", "image/gif", "image/png; mode=8bit")) {
            OwsResponse r = call(map130("zones", "FORMAT=" + f));
            assertEquals(f, r.contentType());
            BufferedImage img = image(r);
            assertEquals(700, img.getWidth());
            int c = rgb(img, 200, 200);
            assertTrue(Math.abs(((c >> 8) & 255) - 0xAA) < 12 && (c >> 16 & 255) < 12,
                    f + " keeps the green: " + Integer.toHexString(c));
        }
        BufferedImage png8 = image(call(map130("zones", "FORMAT=image/png8", "TRANSPARENT=TRUE")));
        assertEquals(0, png8.getRGB(50, 50) >>> 24, "png8 keeps transparency");
        assertEquals(0xFF, png8.getRGB(200, 200) >>> 24);
    }

    @Test
    void sldBodyRestylesALayer() throws Exception {
        String sld = "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\"><NamedLayer><Name>zones</Name>"
                + "<UserStyle><FeatureTypeStyle><Rule><PolygonSymbolizer><Fill><CssParameter name=\"fill\">#FFFF00</CssParameter>"
                + "</Fill></PolygonSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>";
        BufferedImage img = image(
                call(get("SERVICE=WMS", "VERSION=1.3.0", "REQUEST=GetMap", "SLD_BODY=" + sld, "CRS=EPSG:4490",
                        "BBOX=39.9,113.5,40.4,114.2", "WIDTH=700", "HEIGHT=500", "FORMAT=image/png")));
        assertEquals(0xFFFF00, rgb(img, 200, 200));
        Document d = xml(
                body(call(get("SERVICE=WMS", "VERSION=1.3.0", "REQUEST=GetMap", "SLD_BODY=<nope", "CRS=EPSG:4490",
                        "BBOX=39.9,113.5,40.4,114.2", "WIDTH=7", "HEIGHT=5", "FORMAT=image/png"))));
        assertEquals("SLD_BODY", xpath(d, "//ServiceException/@locator"));
    }

    @Test
    void headChecksTheRequestButDrawsNothing() throws Exception {
        org.ecoplan.testkit.MemoryFeatureSource zones = (org.ecoplan.testkit.MemoryFeatureSource) context
                .featureSource(context.catalog().view("test").layer("zones")
                        .orElseThrow());
        int before = zones.queries();
        OwsRequest get = get("SERVICE=WMS", "VERSION=1.3.0", "REQUEST=GetMap", "LAYERS=zones", "STYLES=",
                "CRS=EPSG:4490", "BBOX=39.9,113.5,40.4,114.2", "WIDTH=70", "HEIGHT=50", "FORMAT=image/png");
        OwsRequest head = new OwsRequest("HEAD", get.path(), get.params(), null, null, get.baseUrl(), get.headers(),
                get.workspace());
        OwsResponse answer = wms.handle(head);
        assertEquals(200, answer.status());
        assertEquals("image/png", answer.contentType());
        assertEquals(before, zones.queries(), "no feature was read for a HEAD");
        wms.handle(get);
        assertEquals(before + 1, zones.queries(), "a GET draws");
        OwsRequest badHead = new OwsRequest("HEAD", get.path(), kvpWith(get, "LAYERS", "nope"), null, null,
                get.baseUrl(), get.headers(), get.workspace());
        assertThrows(ServiceException.class, () -> wms.handle(badHead), "a HEAD is checked like a GET");
    }

    private static org.ecoplan.ows.KvpMap kvpWith(OwsRequest r, String key, String value) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String k : new String[]{"SERVICE", "VERSION", "REQUEST", "LAYERS", "STYLES", "CRS", "BBOX", "WIDTH",
                "HEIGHT", "FORMAT"})
            m.put(k, r.params().value(k));
        m.put(key, value);
        return new org.ecoplan.ows.KvpMap(m);
    }

    @Test
    void anSldNamingMoreLayersThanTheLimitIsRefused() throws Exception {
        String layer = "<NamedLayer><Name>zones</Name><UserStyle><FeatureTypeStyle><Rule><PolygonSymbolizer/>"
                + "</Rule></FeatureTypeStyle></UserStyle></NamedLayer>";
        String sld = "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\">"
                + layer.repeat(WmsService.LAYER_LIMIT + 1) + "</StyledLayerDescriptor>";
        Document d = xml(body(call(get("SERVICE=WMS", "VERSION=1.3.0", "REQUEST=GetMap", "SLD_BODY=" + sld,
                "CRS=EPSG:4490", "BBOX=39.9,113.5,40.4,114.2", "WIDTH=70", "HEIGHT=50", "FORMAT=image/png"))));
        assertEquals("SLD_BODY", xpath(d, "//ServiceException/@locator"));
        assertTrue(xpath(d, "//ServiceException").contains("the limit is " + WmsService.LAYER_LIMIT));
    }

    @Test
    void exceptionsInEveryFormat() throws Exception {
        OwsResponse xml = call(map130("nothere"));
        assertEquals(200, xml.status());
        assertTrue(xml.contentType().startsWith("text/xml"));
        byte[] b = body(xml);
        assertTrue(OgcSchemas.validate(b, "http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd").isEmpty());
        assertEquals("LayerNotDefined", xpath(xml(b), "//ServiceException/@code"));

        OwsResponse r111 = call(
                get("SERVICE=WMS", "VERSION=1.1.1", "REQUEST=GetMap", "LAYERS=zones", "STYLES=", "SRS=EPSG:9999",
                        "BBOX=1,2,3,4", "WIDTH=10", "HEIGHT=10", "FORMAT=image/png"));
        assertTrue(r111.contentType().startsWith("application/vnd.ogc.se_xml"));
        Document d = xml(body(r111));
        assertEquals("1.1.1", xpath(d, "/ServiceExceptionReport/@version"));
        assertEquals("InvalidSRS", xpath(d, "//ServiceException/@code"));

        BufferedImage inimage = image(call(map130("nothere", "EXCEPTIONS=INIMAGE")));
        assertEquals(700, inimage.getWidth());
        boolean dark = false;
        for (int y = 0; y < 30 && !dark; y++)
            for (int x = 0; x < 200 && !dark; x++) dark = rgb(inimage, x, y) < 0x404040;
        assertTrue(dark, "the message is drawn");
        BufferedImage blank = image(call(map130("nothere", "EXCEPTIONS=BLANK", "BGCOLOR=0x123456")));
        assertEquals(0x123456, rgb(blank, 10, 10));
        assertEquals(0x123456, rgb(blank, 600, 400));

        assertCode("StyleNotDefined", call(map130("zones", "STYLES=nope")));
        assertCode("InvalidFormat", call(map130("zones", "FORMAT=image/bmp")));
        assertCode("InvalidCRS", call(map130("zones", "CRS=EPSG:2000")));
        assertCode("OperationNotSupported", call(get("SERVICE=WMS", "VERSION=1.3.0", "REQUEST=DescribeEverything")));
        assertCode("MissingParameterValue", call(get("SERVICE=WMS", "VERSION=1.3.0")));
        assertCode("LayerNotDefined", call(map130("targets")));
        assertCode("InvalidParameterValue", call(map130("zones", "WIDTH=5000")));
    }

    private static void assertCode(String code, OwsResponse r) throws Exception {
        assertEquals(code, xpath(xml(body(r)), "//ServiceException/@code"));
    }

    private OwsRequest gfi(String i, String j, String format, String... extra) {
        List<String> p = new java.util.ArrayList<>(List.of("SERVICE=WMS", "VERSION=1.3.0", "REQUEST=GetFeatureInfo",
                "LAYERS=zones", "QUERY_LAYERS=zones", "STYLES=", "CRS=EPSG:4490", "BBOX=39.9,113.5,40.4,114.2",
                "WIDTH=700", "HEIGHT=500", "INFO_FORMAT=" + format, "I=" + i, "J=" + j));
        p.addAll(List.of(extra));
        return get(p.toArray(String[]::new));
    }

    @Test
    void featureInfoJsonHitAndMiss() throws Exception {
        OwsResponse hit = call(gfi("200", "200", "application/json"));
        assertEquals("application/json", hit.contentType());
        JsonNode j = new ObjectMapper().readTree(body(hit));
        assertEquals("FeatureCollection", j.get("type").asText());
        assertEquals(1, j.get("features").size());
        JsonNode f = j.get("features").get(0);
        assertEquals("zones.1", f.get("id").asText());
        assertEquals("forest", f.get("properties").get("kind").asText());
        assertEquals(113.6, f.get("geometry").get("coordinates").get(0).get(0).get(0).asDouble(), 1e-9, "lon first");

        JsonNode miss = new ObjectMapper().readTree(body(call(gfi("50", "50", "application/json"))));
        assertEquals("FeatureCollection", miss.get("type").asText());
        assertEquals(0, miss.get("features").size());

        JsonNode two = new ObjectMapper().readTree(body(call(get("SERVICE=WMS", "VERSION=1.1.1",
                "REQUEST=GetFeatureInfo",
                "LAYERS=zones", "QUERY_LAYERS=zones", "STYLES=", "SRS=EPSG:4326", "BBOX=113.5,39.9,114.2,40.4",
                "WIDTH=700", "HEIGHT=500", "INFO_FORMAT=application/json", "X=400", "Y=250", "FEATURE_COUNT=5"))));
        assertEquals(2, two.get("features").size(), "the shared edge at lon 113.9 touches both zones");
    }

    @Test
    void featureInfoTextHtmlGml() throws Exception {
        String text = new String(body(call(gfi("200", "200", "text/plain"))), StandardCharsets.UTF_8);
        assertTrue(text.contains("kind = forest"), text);
        String html = new String(body(call(gfi("200", "200", "text/html"))), StandardCharsets.UTF_8);
        assertTrue(html.contains("<th title=\"Name (name)\">名称</th>"), html);
        assertTrue(html.contains("东部林地 &lt;A&amp;B&gt;"), "values are escaped: " + html);
        for (String f : List.of("application/vnd.ogc.gml", "text/xml")) {
            Document d = xml(body(call(gfi("200", "200", f))));
            assertEquals("1", xpath(d, "count(//*[local-name()='featureMember'])"), f);
            assertEquals("forest", xpath(d, "//*[local-name()='kind']"), f);
        }
    }

    @Test
    void featureInfoErrors() throws Exception {
        assertCode("InvalidPoint", call(gfi("700", "10", "text/plain")));
        assertCode("InvalidPoint", call(gfi("-1", "10", "text/plain")));
        assertCode("InvalidFormat", call(gfi("1", "1", "image/png")));
        assertCode("LayerNotQueryable", call(gfi("1", "1", "text/plain", "LAYERS=sites", "QUERY_LAYERS=sites")));
        assertCode("LayerNotDefined", call(gfi("1", "1", "text/plain", "QUERY_LAYERS=nothere")));
        assertCode("LayerNotDefined", call(gfi("1", "1", "text/plain", "LAYERS=sites", "QUERY_LAYERS=zones")));
        assertEquals(1, new ObjectMapper().readTree(body(call(gfi("200", "200", "application/json",
                "LAYERS=plan_zones", "QUERY_LAYERS=plan_zones")))).get("features").size(),
                "groups query their queryable members");
    }

    @Test
    void legendGraphic() throws Exception {
        OwsResponse r = call(
                get("SERVICE=WMS", "REQUEST=GetLegendGraphic", "VERSION=1.3.0", "LAYER=zones", "FORMAT=image/png"));
        assertEquals("image/png", r.contentType());
        BufferedImage all = image(r);
        BufferedImage one = image(call(get("SERVICE=WMS", "REQUEST=GetLegendGraphic", "LAYER=zones", "RULE=forest",
                "WIDTH=30", "HEIGHT=30")));
        assertTrue(all.getHeight() > one.getHeight() - 12, "two rules are taller than one");
        assertEquals(0x00AA00, rgb(one, 17, 17), "the forest icon is green");
        assertCode("StyleNotDefined",
                call(get("SERVICE=WMS", "REQUEST=GetLegendGraphic", "LAYER=zones", "STYLE=nope")));
        assertCode("LayerNotDefined", call(get("SERVICE=WMS", "REQUEST=GetLegendGraphic", "LAYER=nope")));
        assertCode("InvalidParameterValue",
                call(get("SERVICE=WMS", "REQUEST=GetLegendGraphic", "LAYER=zones", "RULE=nope")));
    }

    @Test
    void metadataPage() throws Exception {
        OwsResponse r = call(get("SERVICE=WMS", "REQUEST=GetMetadata", "LAYER=zones"));
        String html = new String(body(r), StandardCharsets.UTF_8);
        assertTrue(r.contentType().startsWith("text/html"));
        assertTrue(html.contains("CC-BY-4.0") && html.contains("修复分区"), html);
        assertFalse(html.contains("<script"));
    }

    @Test
    void versionRulesForGetMap() throws Exception {
        OwsRequest noVersion = get("SERVICE=WMS", "REQUEST=GetMap", "LAYERS=zones", "STYLES=", "CRS=EPSG:4490",
                "BBOX=39.9,113.5,40.4,114.2", "WIDTH=70", "HEIGHT=50", "FORMAT=image/png");
        Document d = xml(body(call(noVersion)));
        assertEquals("MissingParameterValue", xpath(d, "//ServiceException/@code"));
        assertEquals("VERSION", xpath(d, "//ServiceException/@locator"));
        OwsResponse srsOnly = call(get("SERVICE=WMS", "REQUEST=GetMap", "LAYERS=zones", "STYLES=", "SRS=EPSG:4326",
                "BBOX=113.5,39.9,114.2,40.4", "WIDTH=70", "HEIGHT=50", "FORMAT=image/png"));
        assertEquals(0x00AA00, rgb(image(srsOnly), 20, 20), "no VERSION with SRS is read as 1.1.1 (lon/lat)");
    }

    @Test
    void updateSequenceInExponentForm() throws Exception {
        Document d = xml(
                body(call(get("SERVICE=WMS", "REQUEST=GetCapabilities", "VERSION=1.3.0", "UPDATESEQUENCE=4.3E1"))));
        assertEquals("InvalidUpdateSequence", xpath(d, "//ServiceException/@code"));
        d = xml(body(call(get("SERVICE=WMS", "REQUEST=GetCapabilities", "VERSION=1.3.0", "UPDATESEQUENCE=4.2E1"))));
        assertEquals("CurrentUpdateSequence", xpath(d, "//ServiceException/@code"));
    }

    @Test
    void xmlFeatureInfoIsLabelledAsRequestedAndCapabilitiesHaveContactAndGroupMetadata() throws Exception {
        assertEquals("text/xml", call(gfi("200", "200", "text/xml")).contentType());
        assertEquals("application/vnd.ogc.gml", call(gfi("200", "200", "application/vnd.ogc.gml")).contentType());
        Document d = xml(body(call(get("SERVICE=WMS", "REQUEST=GetCapabilities", "VERSION=1.3.0"))));
        assertFalse(xpath(d, "//Service/ContactInformation/ContactPersonPrimary/ContactOrganization").isEmpty());
        String href = xpath(d, "//Layer[Name='plan_zones']/MetadataURL/OnlineResource/@href");
        assertTrue(href.endsWith("LAYER=plan_zones"), href);
        String html = new String(body(call(get("SERVICE=WMS", "REQUEST=GetMetadata", "LAYER=plan_zones"))),
                StandardCharsets.UTF_8);
        assertTrue(html.contains("修复分区图") && html.contains("(zones)"), html);
    }

    @Test
    void aConfiguredContactAddressIsSchemaValid() throws Exception {
        // a partial address: the parts the configuration leaves empty are written empty, as the schema requires them
        ContactInfo contact = new ContactInfo("运维 / Ops", "县局 / County bureau", null, "postal", "1 Example Road",
                "示例市", null, null, null, null, "ops@example.org");
        TestContext configured = TestWorkspace.builder(dir.resolve("contact"), ServerSettings.defaults())
                .contact(contact).build();
        configured.components().register(MapCore.class,
                MapCore.create(configured, new TileCache(1 << 20, null), 0));
        byte[] b = body(new WmsService(configured).handle(get("SERVICE=WMS", "REQUEST=GetCapabilities",
                "VERSION=1.3.0")));
        assertTrue(OgcSchemas.validate(b, "http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd",
                "http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd").isEmpty());
        Document d = xml(b);
        assertEquals("1 Example Road", xpath(d, "//ContactInformation/ContactAddress/Address"));
        assertEquals("示例市", xpath(d, "//ContactInformation/ContactAddress/City"));
        assertEquals("ops@example.org", xpath(d, "//ContactInformation/ContactElectronicMailAddress"));
        assertEquals("县局 / County bureau", xpath(d, "//ContactPersonPrimary/ContactOrganization"));
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
