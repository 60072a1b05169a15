package org.ecoplan.server.wfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.testkit.OgcSchemas;
import org.ecoplan.testkit.Xml;
import org.junit.jupiter.api.Test;

/** WFS capabilities of the running server over the shipped plan data. */
class WfsCapabilitiesIT {

    @Test
    void wfs20CapabilitiesAreSchemaValidAndListEveryLayer() throws Exception {
        var r = WfsSupport.get("REQUEST", "GetCapabilities");
        assertEquals(200, r.statusCode());
        byte[] body = r.asByteArray();
        assertEquals(List.of(),
                OgcSchemas.validate(body, List.of("http://schemas.opengis.net/wfs/2.0/wfs.xsd"), Map.of()));
        Xml x = new Xml(body);
        assertEquals(WfsSupport.layers().size(), x.n("//wfs:FeatureType"));
        for (LayerConfig l : WfsSupport.layers()) {
            String ft = "//wfs:FeatureType[wfs:Name='yanggao:" + l.id() + "']";
            assertEquals(1, x.n(ft), "missing " + l.id());
            assertEquals(l.title().zh(), x.s(ft + "/wfs:Title[@xml:lang='zh']"));
            if (l.featureType().hasGeometry()) {
                assertEquals("urn:ogc:def:crs:EPSG::4490", x.s(ft + "/wfs:DefaultCRS"));
                double minLon = Double.parseDouble(x.s(ft + "/ows:WGS84BoundingBox/ows:LowerCorner").split(" ")[0]);
                double minLat = Double.parseDouble(x.s(ft + "/ows:WGS84BoundingBox/ows:LowerCorner").split(" ")[1]);
                // Yanggao county lies around 113.5-114.2 E, 39.9-40.4 N
                assertTrue(minLon > 113 && minLon < 115 && minLat > 39 && minLat < 41,
                        l.id() + " box " + minLon + " " + minLat);
            } else {
                assertEquals(0, x.n(ft + "/ows:WGS84BoundingBox"), l.id() + " has no geometry, so no extent");
            }
        }
        assertEquals("TRUE", x.s("//ows:Constraint[@name='ImplementsBasicWFS']/ows:DefaultValue"));
        assertEquals("TRUE", x.s("//ows:Constraint[@name='ImplementsResultPaging']/ows:DefaultValue"));
        assertEquals("FALSE", x.s("//ows:Constraint[@name='ImplementsTransactionalWFS']/ows:DefaultValue"));
    }

    @Test
    void wfs11And10CapabilitiesAreSchemaValid() throws Exception {
        byte[] v11 = WfsSupport.get("VERSION", "1.1.0", "REQUEST", "GetCapabilities").asByteArray();
        assertEquals(List.of(),
                OgcSchemas.validate(v11, List.of("http://schemas.opengis.net/wfs/1.1.0/wfs.xsd"), Map.of()));
        byte[] v10 = WfsSupport.get("VERSION", "1.0.0", "REQUEST", "GetCapabilities").asByteArray();
        assertEquals(List.of(), OgcSchemas.validate(v10,
                List.of("http://schemas.opengis.net/wfs/1.0.0/WFS-capabilities.xsd"), Map.of()));
        assertEquals(WfsSupport.layers().size(), new Xml(v10).n("//wfs1:FeatureType"));
    }
}
