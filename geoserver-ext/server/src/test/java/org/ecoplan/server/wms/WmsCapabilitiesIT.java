package org.ecoplan.server.wms;

import static org.ecoplan.server.wms.WmsTestSupport.catalog;
import static org.ecoplan.server.wms.WmsTestSupport.schemaErrors;
import static org.ecoplan.server.wms.WmsTestSupport.wms;
import static org.ecoplan.server.wms.WmsTestSupport.xml;
import static org.ecoplan.server.wms.WmsTestSupport.xpath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** GetCapabilities over HTTP against the shipped plan data. */
class WmsCapabilitiesIT {
    private static final Map<String, String> CAPS_130 = Map.of("SERVICE", "WMS", "REQUEST", "GetCapabilities",
            "VERSION", "1.3.0");

    @Test
    void capabilities130IsValidAgainstTheWms130Schema() throws Exception {
        var r = wms(CAPS_130);
        assertEquals(200, r.statusCode());
        assertTrue(r.contentType().startsWith("text/xml"), r.contentType());
        byte[] body = r.asByteArray();
        List<String> errors = schemaErrors(body, "http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd",
                "http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd");
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    @Test
    void everyMapLayerAndGroupIsListedWithItsChineseTitle() throws Exception {
        Document d = xml(wms(CAPS_130).asByteArray());
        int mapLayers = 0;
        for (LayerConfig l : catalog().layers()) {
            String name = "//Layer[Name='" + l.id() + "']";
            if (!l.featureType().hasGeometry()) {
                assertEquals("0", xpath(d, "count(" + name + ")"), "table " + l.id() + " is not a WMS layer");
                continue;
            }
            mapLayers++;
            assertEquals("1", xpath(d, "count(" + name + ")"), l.id() + " listed once");
            assertTrue(xpath(d, name + "/Title").startsWith(l.title().zh()), l.id() + " zh title");
            assertEquals(l.queryable() ? "1" : "0", xpath(d, name + "/@queryable"), l.id());
            assertFalse(xpath(d, name + "/EX_GeographicBoundingBox/westBoundLongitude").isEmpty(),
                    l.id() + " has an extent");
            assertEquals(Integer.toString(l.styles().all().size()), xpath(d, "count(" + name + "/Style)"),
                    l.id() + " styles");
            assertTrue(xpath(d, name + "/Style[1]/LegendURL/OnlineResource/@href").contains("GetLegendGraphic"));
            assertFalse(xpath(d, name + "/MetadataURL/OnlineResource/@href").isEmpty());
        }
        assertTrue(mapLayers >= 5, "the plan has map layers: " + mapLayers);
        for (LayerGroupConfig g : catalog().groups()) {
            assertTrue(xpath(d, "//Layer[Name='" + g.id() + "']/Title").startsWith(g.title().zh()), "group " + g.id());
        }
        // the Yanggao extent: lon ~113.5..114.3, lat ~39.9..40.5; EPSG:4490 BoundingBox lat first in 1.3.0
        double west = Double.parseDouble(
                xpath(d, "/WMS_Capabilities/Capability/Layer/EX_GeographicBoundingBox/westBoundLongitude"));
        double minx4490 = Double
                .parseDouble(xpath(d, "/WMS_Capabilities/Capability/Layer/BoundingBox[@CRS='EPSG:4490']/@minx"));
        assertTrue(west > 113 && west < 114, "west " + west);
        assertTrue(minx4490 > 39 && minx4490 < 41, "EPSG:4490 minx is a latitude in 1.3.0: " + minx4490);
    }

    @Test
    void capabilities111AndUpdateSequence() throws Exception {
        var r = wms(Map.of("SERVICE", "WMS", "REQUEST", "GetCapabilities", "VERSION", "1.1.1"));
        assertTrue(r.contentType().startsWith("application/vnd.ogc.wms_xml"), r.contentType());
        Document d = xml(r.asByteArray());
        assertEquals("1.1.1", xpath(d, "/WMT_MS_Capabilities/@version"));
        double minx = Double
                .parseDouble(xpath(d, "/WMT_MS_Capabilities/Capability/Layer/BoundingBox[@SRS='EPSG:4490']/@minx"));
        assertTrue(minx > 113 && minx < 114, "1.1.1 BoundingBox is lon/lat: " + minx);

        String seq = xpath(xml(wms(CAPS_130).asByteArray()), "/WMS_Capabilities/@updateSequence");
        Document same = xml(
                wms(Map.of("SERVICE", "WMS", "REQUEST", "GetCapabilities", "VERSION", "1.3.0", "UPDATESEQUENCE", seq))
                        .asByteArray());
        assertEquals("CurrentUpdateSequence", xpath(same, "//ServiceException/@code"));
        Document newer = xml(wms(Map.of("SERVICE", "WMS", "REQUEST", "GetCapabilities", "VERSION", "1.3.0",
                "UPDATESEQUENCE", seq + "9")).asByteArray());
        assertEquals("InvalidUpdateSequence", xpath(newer, "//ServiceException/@code"));
    }

    @Test
    void metadataUrlAnswers() throws Exception {
        Document d = xml(wms(CAPS_130).asByteArray());
        String href = xpath(d, "(//Layer/MetadataURL/OnlineResource/@href)[1]");
        var r = io.restassured.RestAssured.given().urlEncodingEnabled(false).get(href);
        assertEquals(200, r.statusCode());
        assertTrue(r.contentType().startsWith("text/html"));
        assertTrue(new String(r.asByteArray(), StandardCharsets.UTF_8).contains("<dl>"));
    }
}
