package org.ecoplan.server.wms;

import static io.restassured.RestAssured.given;
import static org.ecoplan.server.wms.WmsTestSupport.base;
import static org.ecoplan.server.wms.WmsTestSupport.image;
import static org.ecoplan.server.wms.WmsTestSupport.opaquePixels;
import static org.ecoplan.server.wms.WmsTestSupport.schemaErrors;
import static org.ecoplan.server.wms.WmsTestSupport.wms;
import static org.ecoplan.server.wms.WmsTestSupport.wmsUrl;
import static org.ecoplan.server.wms.WmsTestSupport.xml;
import static org.ecoplan.server.wms.WmsTestSupport.xpath;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GetMap in its XML encoding (sld:GetMap, SLD 1.1) answers as the same request in KVP does. */
class WmsGetMapXmlIT {
    /** EPSG:4490 in WMS 1.3.0: latitude first, in BBOX and in ows:LowerCorner alike. */
    private static final String LOWER = "39.9 113.6";
    private static final String UPPER = "40.3 114.0";

    private static String getMap(String layerContent, String output) {
        return "<sld:GetMap version=\"1.3.0\" xmlns:sld=\"http://www.opengis.net/sld\" xmlns:se=\"http://www.opengis.net/se\""
                + " xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:ows=\"http://www.opengis.net/ows\" xmlns:wms=\"http://www.opengis.net/wms\">"
                + "<sld:StyledLayerDescriptor version=\"1.1.0\"><sld:NamedLayer><se:Name>restoration_zones</se:Name>"
                + layerContent
                + "</sld:NamedLayer></sld:StyledLayerDescriptor>"
                + "<sld:CRS>EPSG:4490</sld:CRS>"
                + "<sld:BoundingBox><ows:LowerCorner>" + LOWER + "</ows:LowerCorner><ows:UpperCorner>" + UPPER
                + "</ows:UpperCorner></sld:BoundingBox>"
                + output + "</sld:GetMap>";
    }

    private static final String OUTPUT = "<sld:Output><sld:Size><sld:Width>256</sld:Width><sld:Height>200</sld:Height></sld:Size>"
            + "<wms:Format>image/png</wms:Format><sld:Transparent>true</sld:Transparent></sld:Output>";

    private static final String RED_FILL = "<sld:UserStyle><se:FeatureTypeStyle><se:Rule><se:PolygonSymbolizer><se:Fill>"
            + "<se:SvgParameter name=\"fill\">#ff0000</se:SvgParameter></se:Fill></se:PolygonSymbolizer></se:Rule>"
            + "</se:FeatureTypeStyle></sld:UserStyle>";

    private static byte[] post(String url, String xml) {
        return given().contentType("application/xml").body(xml.getBytes(StandardCharsets.UTF_8)).post(url).then()
                .extract().asByteArray();
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void theRequestsHereAreValidSld11GetMapDocuments() throws Exception {
        for (String xml : List.of(getMap("", OUTPUT), getMap(RED_FILL, OUTPUT))) {
            assertEquals(List.of(), schemaErrors(xml.getBytes(StandardCharsets.UTF_8),
                    "http://schemas.opengis.net/sld/1.1.0/GetMap.xsd"));
        }
    }

    @Test
    void postedGetMapDrawsWhatTheKvpRequestDraws() throws Exception {
        BufferedImage posted = image(post(wmsUrl(), getMap("", OUTPUT)));
        Map<String, String> same = new java.util.LinkedHashMap<>(Map.of("SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST",
                "GetMap",
                "LAYERS", "restoration_zones", "STYLES", "", "CRS", "EPSG:4490", "BBOX", "39.9,113.6,40.3,114.0"));
        same.putAll(Map.of("WIDTH", "256", "HEIGHT", "200", "FORMAT", "image/png", "TRANSPARENT", "TRUE"));
        BufferedImage kvp = image(wms(same).asByteArray());
        assertEquals(256, posted.getWidth());
        assertEquals(200, posted.getHeight());
        assertTrue(opaquePixels(posted) > 1000, "zones drawn");
        assertArrayEquals(pixels(kvp), pixels(posted));
        // the same document posted to /ows without SERVICE goes to the WMS by its namespace
        assertArrayEquals(pixels(posted), pixels(image(post(base() + "/ows", getMap("", OUTPUT)))));
    }

    @Test
    void aUserStyleInThePostedSldIsUsed() throws Exception {
        BufferedImage red = image(post(wmsUrl(), getMap(RED_FILL, OUTPUT)));
        int reds = 0;
        for (int p : pixels(red)) if ((p >>> 24) == 255 && (p & 0xFFFFFF) == 0xFF0000) reds++;
        assertTrue(reds > 1000, "red fill from the posted UserStyle: " + reds + " pixels");
    }

    @Test
    void aGetMapWithoutOutputIsAMissingParameter() throws Exception {
        var d = xml(post(wmsUrl(), getMap("", "")));
        assertEquals("MissingParameterValue", xpath(d, "//*[local-name()='ServiceException']/@code"));
        assertEquals("Output", xpath(d, "//*[local-name()='ServiceException']/@locator"));
    }
}
