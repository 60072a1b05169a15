package org.ecoplan.server.wms;

import static org.ecoplan.server.wms.WmsTestSupport.catalog;
import static org.ecoplan.server.wms.WmsTestSupport.image;
import static org.ecoplan.server.wms.WmsTestSupport.opaquePixels;
import static org.ecoplan.server.wms.WmsTestSupport.wms;
import static org.ecoplan.server.wms.WmsTestSupport.xml;
import static org.ecoplan.server.wms.WmsTestSupport.xpath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.ecoplan.catalog.config.LayerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** GetMap over HTTP for every layer of the plan, in three CRS / version combinations, and its exceptions. */
class WmsGetMapIT {
    private static Document caps;

    @BeforeAll
    static void capabilities() throws Exception {
        caps = xml(wms(Map.of("SERVICE", "WMS", "REQUEST", "GetCapabilities", "VERSION", "1.3.0")).asByteArray());
    }

    static Stream<String> mapLayers() {
        return catalog().layers().stream().filter(l -> l.featureType().hasGeometry()).map(LayerConfig::id);
    }

    /** The layer's lon/lat extent from the capabilities, padded by 5 %. */
    private static double[] lonLat(String layer) throws Exception {
        String p = "//Layer[Name='" + layer + "']/EX_GeographicBoundingBox/";
        double w = Double.parseDouble(xpath(caps, p + "westBoundLongitude"));
        double e = Double.parseDouble(xpath(caps, p + "eastBoundLongitude"));
        double s = Double.parseDouble(xpath(caps, p + "southBoundLatitude"));
        double n = Double.parseDouble(xpath(caps, p + "northBoundLatitude"));
        double dx = Math.max(0.01, (e - w) * 0.05);
        double dy = Math.max(0.01, (n - s) * 0.05);
        return new double[]{w - dx, s - dy, e + dx, n + dy};
    }

    private static Map<String, String> map(String version, String layer, String crs, String bbox) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("SERVICE", "WMS");
        m.put("VERSION", version);
        m.put("REQUEST", "GetMap");
        m.put("LAYERS", layer);
        m.put("STYLES", "");
        m.put(version.equals("1.3.0") ? "CRS" : "SRS", crs);
        m.put("BBOX", bbox);
        m.put("WIDTH", "256");
        m.put("HEIGHT", "256");
        m.put("FORMAT", "image/png");
        m.put("TRANSPARENT", "TRUE");
        return m;
    }

    private static void assertMap(Map<String, String> params, String what) throws Exception {
        var r = wms(params);
        assertEquals(200, r.statusCode(), what);
        assertEquals("image/png", r.contentType(),
                what + ": " + r.asString().substring(0, Math.min(300, r.asString().length())));
        BufferedImage img = image(r.asByteArray());
        assertEquals(256, img.getWidth(), what);
        assertEquals(256, img.getHeight(), what);
        assertTrue(opaquePixels(img) > 0, what + " draws something where the layer is");
    }

    @ParameterizedTest
    @MethodSource("mapLayers")
    void epsg4490LatLon130(String layer) throws Exception {
        double[] b = lonLat(layer);
        assertMap(map("1.3.0", layer, "EPSG:4490", String.format(Locale.ROOT, "%f,%f,%f,%f", b[1], b[0], b[3], b[2])),
                layer + " 4490");
    }

    @ParameterizedTest
    @MethodSource("mapLayers")
    void epsg4326LonLat111(String layer) throws Exception {
        double[] b = lonLat(layer);
        assertMap(map("1.1.1", layer, "EPSG:4326", String.format(Locale.ROOT, "%f,%f,%f,%f", b[0], b[1], b[2], b[3])),
                layer + " 1.1.1");
    }

    @ParameterizedTest
    @MethodSource("mapLayers")
    void epsg3857(String layer) throws Exception {
        double[] b = lonLat(layer);
        double[] lo = mercator(b[0], b[1]);
        double[] hi = mercator(b[2], b[3]);
        assertMap(
                map("1.3.0", layer, "EPSG:3857", String.format(Locale.ROOT, "%f,%f,%f,%f", lo[0], lo[1], hi[0], hi[1])),
                layer + " 3857");
    }

    private static double[] mercator(double lon, double lat) {
        double r = 6378137;
        return new double[]{Math.toRadians(lon) * r, r * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2))};
    }

    @Test
    void groupsDraw() throws Exception {
        for (var g : catalog().groups()) {
            assertMap(map("1.3.0", g.id(), "EPSG:4490", "39.85,113.45,40.55,114.35"), "group " + g.id());
        }
    }

    @Test
    void exceptionCodes() throws Exception {
        String layer = mapLayers().findFirst().orElseThrow();
        Map<String, String> ok = map("1.3.0", layer, "EPSG:4490", "39.85,113.45,40.55,114.35");
        assertCode("LayerNotDefined", with(ok, "LAYERS", "no_such_layer"));
        assertCode("StyleNotDefined", with(ok, "STYLES", "no_such_style"));
        assertCode("InvalidFormat", with(ok, "FORMAT", "image/bmp"));
        assertCode("InvalidCRS", with(ok, "CRS", "EPSG:2000"));
        assertCode("InvalidParameterValue", with(ok, "BBOX", "1,2,3"));
        assertCode("InvalidParameterValue", with(ok, "WIDTH", "100000"));
        assertCode("MissingParameterValue", without(ok, "BBOX"));
        assertCode("OperationNotSupported", with(ok, "REQUEST", "GetNothing"));
        Map<String, String> v111 = map("1.1.1", layer, "EPSG:9999", "113.45,39.85,114.35,40.55");
        var r = wms(v111);
        assertTrue(r.contentType().startsWith("application/vnd.ogc.se_xml"), r.contentType());
        assertEquals("InvalidSRS", xpath(xml(r.asByteArray()), "//ServiceException/@code"));
        var inimage = wms(with(with(ok, "LAYERS", "no_such_layer"), "EXCEPTIONS", "INIMAGE"));
        assertEquals("image/png", inimage.contentType());
        assertEquals(256, image(inimage.asByteArray()).getWidth());
        var blank = wms(with(with(with(ok, "LAYERS", "no_such_layer"), "EXCEPTIONS", "BLANK"), "TRANSPARENT", "TRUE"));
        assertEquals(0, opaquePixels(image(blank.asByteArray())), "BLANK with TRANSPARENT is empty");
    }

    @Test
    void sldBodyNamingAnUnknownPropertyIsRefused() throws Exception {
        Map<String, String> ok = map("1.3.0", "restoration_zones", "EPSG:4490", "39.85,113.45,40.55,114.35");
        String sld = "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\">"
                + "<NamedLayer><Name>restoration_zones</Name><UserStyle><FeatureTypeStyle><Rule><ogc:Filter><ogc:PropertyIsEqualTo>"
                + "<ogc:PropertyName>no_such_property</ogc:PropertyName><ogc:Literal>1</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>"
                + "<PolygonSymbolizer/></Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>";
        var r = wms(with(ok, "SLD_BODY", sld));
        var d = xml(r.asByteArray());
        assertEquals("InvalidParameterValue", xpath(d, "//*[local-name()='ServiceException']/@code"));
        assertEquals("SLD_BODY", xpath(d, "//*[local-name()='ServiceException']/@locator"));
    }

    private static Map<String, String> with(Map<String, String> m, String k, String v) {
        Map<String, String> c = new LinkedHashMap<>(m);
        c.put(k, v);
        return c;
    }

    private static Map<String, String> without(Map<String, String> m, String k) {
        Map<String, String> c = new LinkedHashMap<>(m);
        c.remove(k);
        return c;
    }

    private static void assertCode(String code, Map<String, String> params) throws Exception {
        var r = wms(params);
        assertEquals(200, r.statusCode());
        assertTrue(r.contentType().startsWith("text/xml"), r.contentType());
        Document d = xml(r.asByteArray());
        assertEquals(code, xpath(d, "/ServiceExceptionReport/ServiceException/@code"), params.toString());
        assertTrue(WmsTestSupport
                .schemaErrors(r.asByteArray(), "http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd").isEmpty());
    }

    static List<String> formats() { return List.of("image/jpeg", "image/gif", "image/png; mode=8bit"); }

    @ParameterizedTest
    @MethodSource("formats")
    void otherFormats(String format) throws Exception {
        String layer = mapLayers().findFirst().orElseThrow();
        var r = wms(with(map("1.3.0", layer, "EPSG:4490", "39.85,113.45,40.55,114.35"), "FORMAT", format));
        assertEquals(format, r.contentType());
        assertEquals(256, image(r.asByteArray()).getWidth());
    }
}
