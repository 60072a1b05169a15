package org.ecoplan.server.wms;

import static org.ecoplan.server.wms.WmsTestSupport.catalog;
import static org.ecoplan.server.wms.WmsTestSupport.schemaErrors;
import static org.ecoplan.server.wms.WmsTestSupport.wms;
import static org.ecoplan.server.wms.WmsTestSupport.xml;
import static org.ecoplan.server.wms.WmsTestSupport.xpath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.config.LayerConfig;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** DescribeLayer: from a map layer to the WFS feature types behind it, in both WMS versions. */
class WmsDescribeLayerIT {
    private static Map<String, String> describe(String version, String layers) {
        return Map.of("SERVICE", "WMS", "REQUEST", "DescribeLayer", "VERSION", version, "LAYERS", layers);
    }

    @Test
    void wms13AnswersTheSld11ResponseNamingTheWfsTypes() throws Exception {
        String group = catalog().groups().get(0).id();
        List<LayerConfig> members = catalog().expand(group).stream().filter(l -> l.featureType().hasGeometry())
                .toList();
        var r = wms(describe("1.3.0", "restoration_zones," + group));
        assertEquals(200, r.statusCode());
        assertTrue(r.contentType().startsWith("text/xml"), r.contentType());
        byte[] body = r.asByteArray();
        assertEquals(List.of(), schemaErrors(body, "http://schemas.opengis.net/sld/1.1.0/DescribeLayer.xsd"));
        Document d = xml(body);
        assertEquals("2",
                xpath(d, "count(/*[local-name()='DescribeLayerResponse']/*[local-name()='LayerDescription'])"));
        assertEquals("wfs", xpath(d, "//*[local-name()='LayerDescription'][1]/*[local-name()='owsType']"));
        assertEquals("yanggao:restoration_zones",
                xpath(d, "//*[local-name()='LayerDescription'][1]//*[local-name()='FeatureTypeName']"));
        assertEquals(Integer.toString(members.size()),
                xpath(d, "count(//*[local-name()='LayerDescription'][2]//*[local-name()='FeatureTypeName'])"));
        String href = xpath(d,
                "//*[local-name()='LayerDescription'][1]/*[local-name()='OnlineResource']/@*[local-name()='href']");
        assertTrue(href.endsWith("/wfs?"), href);
        // the description leads to the data: the named WFS knows the named type
        var dft = io.restassured.RestAssured.given().urlEncodingEnabled(true)
                .get(href
                        + "SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=yanggao:restoration_zones");
        assertEquals(200, dft.statusCode());
        assertTrue(dft.asString().contains("restoration_zones"));
    }

    @Test
    void wms111AnswersTheSld10Response() throws Exception {
        var r = wms(describe("1.1.1", "restoration_zones"));
        assertEquals("application/vnd.ogc.wms_xml", r.contentType());
        Document d = xml(r.asByteArray());
        assertEquals("1.1.1", xpath(d, "/WMS_DescribeLayerResponse/@version"));
        assertEquals("restoration_zones", xpath(d, "/WMS_DescribeLayerResponse/LayerDescription/@name"));
        assertEquals("WFS", xpath(d, "/WMS_DescribeLayerResponse/LayerDescription/@owsType"));
        assertTrue(xpath(d, "/WMS_DescribeLayerResponse/LayerDescription/@owsURL").endsWith("/wfs?"));
        assertEquals("yanggao:restoration_zones",
                xpath(d, "/WMS_DescribeLayerResponse/LayerDescription/Query/@typeName"));
    }

    @Test
    void unknownOrMissingLayersAreOgcExceptions() throws Exception {
        Document unknown = xml(wms(describe("1.3.0", "restoration_zones,no_such_layer")).asByteArray());
        assertEquals("LayerNotDefined", xpath(unknown, "//*[local-name()='ServiceException']/@code"));
        assertEquals("LAYERS", xpath(unknown, "//*[local-name()='ServiceException']/@locator"));
        Document missing = xml(
                wms(Map.of("SERVICE", "WMS", "REQUEST", "DescribeLayer", "VERSION", "1.3.0")).asByteArray());
        assertEquals("MissingParameterValue", xpath(missing, "//*[local-name()='ServiceException']/@code"));
    }

    @Test
    void capabilitiesOfferDescribeLayerInBothVersions() throws Exception {
        Document c13 = xml(
                wms(Map.of("SERVICE", "WMS", "REQUEST", "GetCapabilities", "VERSION", "1.3.0")).asByteArray());
        assertEquals("text/xml",
                xpath(c13, "//*[local-name()='Request']/*[local-name()='DescribeLayer']/*[local-name()='Format']"));
        Document c111 = xml(
                wms(Map.of("SERVICE", "WMS", "REQUEST", "GetCapabilities", "VERSION", "1.1.1")).asByteArray());
        assertEquals("GetLegendGraphic", xpath(c111, "local-name(//Request/DescribeLayer/following-sibling::*[1])"),
                "the 1.1.1 DTD order");
    }
}
