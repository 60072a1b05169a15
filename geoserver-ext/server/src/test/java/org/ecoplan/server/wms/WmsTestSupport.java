package org.ecoplan.server.wms;

import static io.restassured.RestAssured.given;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.server.ServerFixture;
import org.ecoplan.testkit.OgcSchemas;
import org.w3c.dom.Document;

/**
 * Shared helpers of the WMS integration tests: HTTP GETs against the fixture server, XPath on
 * namespace-unaware DOMs, image decoding, and offline schema validation (testkit's OgcSchemas).
 */
final class WmsTestSupport {
    private WmsTestSupport() {}

    /** The plan workspace's own endpoints (its virtual services publish its layers unqualified). */
    static String base() {
        return ServerFixture.planUrl();
    }

    static String wmsUrl() { return base() + "/wms"; }

    static CatalogView catalog() { return ServerFixture.plan(); }

    /** GET /wms with the parameters (values are URL-encoded by RestAssured). */
    static io.restassured.response.Response wms(Map<String, ?> params) {
        return given().urlEncodingEnabled(true).queryParams(params).when().get(wmsUrl()).then().extract().response();
    }

    static Document xml(byte[] b) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(b));
    }

    static String xpath(Document d, String expr) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(expr, d, XPathConstants.STRING);
    }

    static BufferedImage image(byte[] b) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(b));
        if (img == null)
            throw new AssertionError(
                    "not a decodable image: " + new String(b, 0, Math.min(400, b.length), StandardCharsets.UTF_8));
        return img;
    }

    /** Pixels that are not fully transparent. */
    static int opaquePixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) >>> 24) > 0) n++;
        return n;
    }

    /** Validation errors of a document against OGC schemas (http://schemas.opengis.net/... URLs), offline. */
    static List<String> schemaErrors(byte[] xml, String... schemaUrls) throws Exception {
        return OgcSchemas.validate(xml, schemaUrls);
    }
}
