package org.ecoplan.map.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ecoplan.ows.ResponseEncoder;
import org.ecoplan.ows.ResponseEncoders;
import org.junit.jupiter.api.Test;

/** The feature info formats are registered encoders; WMS and WMTS choose among the same ones. */
class FeatureInfoEncodersTest {
    private final ResponseEncoders encoders = ResponseEncoders.load(getClass().getClassLoader());

    private List<String> advertised(String service, String version) {
        return encoders.offered(FeatureInfo.class, service, version).stream().map(e -> e.names().get(0)).toList();
    }

    @Test
    void wmsOffersEveryFormatAndWmtsThoseOfItsRestBinding() {
        assertEquals(List.of("text/plain", "text/html", "application/json", "application/vnd.ogc.gml", "text/xml"),
                advertised("WMS", "1.3.0"));
        assertEquals(List.of("text/plain", "text/html", "application/json"), advertised("WMTS", "1.0.0"));
        assertTrue(encoders.find(FeatureInfo.class, "application/vnd.ogc.gml", "WMTS", "1.0.0").isEmpty());
    }

    @Test
    void parametersAreIgnoredExceptTheGmlSubtype() {
        ResponseEncoder<FeatureInfo> html = encoders.find(FeatureInfo.class, "text/html; charset=UTF-8", "WMS", "1.3.0")
                .orElseThrow();
        assertEquals("text/html; charset=UTF-8", html.contentType("text/html"));
        ResponseEncoder<FeatureInfo> gml2 = encoders
                .find(FeatureInfo.class, "text/xml; subtype=gml/2.1.2", "WMS", "1.1.1").orElseThrow();
        assertEquals("application/vnd.ogc.gml", gml2.names().get(0));
        assertEquals("text/xml; subtype=gml/2.1.2", gml2.contentType("text/xml; subtype=gml/2.1.2"),
                "a GML answer is labelled as asked");
        assertTrue(encoders.find(FeatureInfo.class, "text/xml; subtype=gml/9", "WMS", "1.3.0").isEmpty());
        assertEquals("json", encoders.byExtension(FeatureInfo.class, "json", "WMTS", "1.0.0").orElseThrow()
                .extension());
    }
}
