package org.ecoplan.server.workspaces;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.Test;

/**
 * Scripts and web maps written against a GeoServer reach the same services here: /geoserver/ows,
 * /geoserver/{ws}/wfs, GeoWebCache's /gwc/service/wmts and TMS 1.0.0 tiles (rows from the bottom),
 * and GeoServer's OGC API path /ogc/features/v1.
 */
class GeoServerPathsIT {
    private static String base() { return ServerFixture.baseUrl(); }

    @Test
    void owsPathsAnswerAsThePlainOnes() {
        Response wms = given().get(base() + "/geoserver/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities");
        assertEquals(200, wms.statusCode());
        assertEquals("WMS_Capabilities", wms.xmlPath().getString("WMS_Capabilities.name()"));
        Response virtual = given()
                .get(base() + "/geoserver/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities");
        Response plain = given().get(base() + "/yanggao/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities");
        assertEquals(200, virtual.statusCode());
        assertEquals(plain.xmlPath().getList("WFS_Capabilities.FeatureTypeList.FeatureType.Name"),
                virtual.xmlPath().getList("WFS_Capabilities.FeatureTypeList.FeatureType.Name"));
        Response wmts = given().get(base() + "/geoserver/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetCapabilities");
        assertEquals(200, wmts.statusCode());
        assertEquals("Capabilities", wmts.xmlPath().getString("Capabilities.name()"));
        assertEquals(200,
                given().get(base() + "/geoserver/yanggao/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetCapabilities")
                        .statusCode());
        assertEquals(404, given().get(base() + "/geoserver/web/").statusCode(), "no admin pages");
    }

    @Test
    void tmsTilesAreTheXyzTilesWithTheRowTurnedOver() {
        // level 10 of the Web Mercator grid has 1,024 rows: TMS row 637 is XYZ row 386
        byte[] xyz = given().get(base() + "/tiles/yanggao:restoration_zones/WebMercatorQuad/10/835/386.png")
                .asByteArray();
        Response tms = given().urlEncodingEnabled(false)
                .get(base()
                        + "/geoserver/gwc/service/tms/1.0.0/yanggao:restoration_zones@EPSG:900913@png/10/835/637.png");
        assertEquals(200, tms.statusCode());
        assertEquals("image/png", tms.contentType());
        assertArrayEquals(xyz, tms.asByteArray());
        Response inWorkspace = given().urlEncodingEnabled(false)
                .get(base()
                        + "/geoserver/yanggao/gwc/service/tms/1.0.0/restoration_zones@WebMercatorQuad@png/10/835/637.png");
        assertArrayEquals(xyz, inWorkspace.asByteArray());
        assertEquals(404, given().urlEncodingEnabled(false)
                .get(base() + "/geoserver/gwc/service/tms/1.0.0/yanggao:restoration_zones@NoGrid@png/10/835/637.png")
                .statusCode());
    }

    @Test
    void geoServersOgcApiPathIsTheOgcApi() {
        Response all = given().get(base() + "/geoserver/ogc/features/v1/collections");
        assertEquals(200, all.statusCode());
        assertTrue(all.jsonPath().getList("collections.id").contains("yanggao:townships"));
        Response items = given().get(base() + "/geoserver/yanggao/ogc/features/v1/collections/townships/items?limit=2");
        assertEquals(200, items.statusCode());
        assertEquals(2, items.jsonPath().getInt("numberReturned"));
    }
}
