package org.ecoplan.wfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ecoplan.testkit.OgcSchemas;
import org.ecoplan.testkit.Xml;
import org.junit.jupiter.api.Test;

class GetCapabilitiesTest {
    private final TestService wfs = new TestService();

    @Test
    void wfs20IsSchemaValidAndHonest() throws Exception {
        TestService.Result r = wfs.get("SERVICE", "WFS", "REQUEST", "GetCapabilities");
        assertEquals(200, r.status());
        List<String> errors = OgcSchemas.validate(r.body(), List.of("http://schemas.opengis.net/wfs/2.0/wfs.xsd"),
                Map.of());
        assertEquals(List.of(), errors);
        Xml x = new Xml(r.body());
        assertEquals("2.0.0", x.s("/wfs:WFS_Capabilities/@version"));
        assertEquals("TRUE", x.s("//ows:Constraint[@name='ImplementsBasicWFS']/ows:DefaultValue"));
        assertEquals("FALSE", x.s("//ows:Constraint[@name='ImplementsTransactionalWFS']/ows:DefaultValue"));
        assertEquals("TRUE", x.s("//ows:Constraint[@name='ImplementsResultPaging']/ows:DefaultValue"));
        assertEquals("FALSE", x.s("//ows:Constraint[@name='ImplementsStandardJoins']/ows:DefaultValue"));
        assertEquals("4", x.s("//ows:Constraint[@name='CountDefault']/ows:DefaultValue"));
        assertEquals(2, x.n("//wfs:FeatureType"));
        assertEquals("test:zones", x.s("//wfs:FeatureType[1]/wfs:Name"));
        assertEquals("修复分区", x.s("//wfs:FeatureType[1]/wfs:Title[@xml:lang='zh']"));
        assertEquals("urn:ogc:def:crs:EPSG::4490", x.s("//wfs:FeatureType[1]/wfs:DefaultCRS"));
        assertTrue(x.n("//wfs:FeatureType[1]/wfs:OtherCRS[.='urn:ogc:def:crs:EPSG::4547']") == 1);
        assertEquals("113.6 40", x.s("//wfs:FeatureType[1]/ows:WGS84BoundingBox/ows:LowerCorner"));
        assertEquals("urn:ogc:def:crs:EPSG::4490", x.s("//wfs:FeatureType[2]/wfs:DefaultCRS"),
                "table without geometry");
        assertEquals(0, x.n("//wfs:FeatureType[2]/wfs:OtherCRS | //wfs:FeatureType[2]/ows:WGS84BoundingBox"));
        assertEquals("TRUE", x.s("//fes:Constraint[@name='ImplementsSorting']/ows:DefaultValue"));
        assertEquals("FALSE", x.s("//fes:Constraint[@name='ImplementsFunctions']/ows:DefaultValue"));
        assertEquals(1, x.n("//fes:SpatialOperator[@name='DWithin']"));
        assertTrue(x.n("//ows:Operation[@name='GetFeature']//ows:Value[.='application/json']") == 1);
    }

    @Test
    void wfs11AndWfs10AreSchemaValid() throws Exception {
        TestService.Result r11 = wfs.get("SERVICE", "WFS", "REQUEST", "GetCapabilities", "ACCEPTVERSIONS", "1.1.0");
        assertEquals(List.of(),
                OgcSchemas.validate(r11.body(), List.of("http://schemas.opengis.net/wfs/1.1.0/wfs.xsd"), Map.of()));
        assertEquals("1.1.0", new Xml(r11.body()).s("/wfs1:WFS_Capabilities/@version"));
        TestService.Result r10 = wfs.get("SERVICE", "WFS", "REQUEST", "GetCapabilities", "VERSION", "1.0.0");
        assertEquals(List.of(), OgcSchemas.validate(r10.body(),
                List.of("http://schemas.opengis.net/wfs/1.0.0/WFS-capabilities.xsd"), Map.of()));
        assertEquals("EPSG:4490", new Xml(r10.body()).s("//wfs1:FeatureType[1]/wfs1:SRS"));
    }

    @Test
    void versionNegotiation() throws Exception {
        assertEquals("1.1.0",
                new Xml(wfs.get("SERVICE", "WFS", "REQUEST", "GetCapabilities", "ACCEPTVERSIONS", "1.1.0,1.0.0").body())
                        .s("/*/@version"));
        TestService.Result bad = wfs.get("SERVICE", "WFS", "REQUEST", "GetCapabilities", "ACCEPTVERSIONS", "3.0.0");
        assertEquals(400, bad.status());
        assertEquals("VersionNegotiationFailed", new Xml(bad.body()).s("//ows:Exception/@exceptionCode"));
        assertEquals("1.1.0",
                new Xml(wfs.get("SERVICE", "WFS", "REQUEST", "GetCapabilities", "VERSION", "1.5.0").body())
                        .s("/*/@version"),
                "legacy VERSION: highest version below the one asked for");
    }

    @Test
    void sectionsSelectParts() throws Exception {
        Xml x = new Xml(wfs.get("SERVICE", "WFS", "REQUEST", "GetCapabilities", "SECTIONS", "FeatureTypeList").body());
        assertEquals(1, x.n("//wfs:FeatureTypeList"));
        assertEquals(0, x.n("//ows:OperationsMetadata"));
    }

    @Test
    void xmlPostGetCapabilities() throws Exception {
        TestService.Result r = wfs.post("<GetCapabilities xmlns='http://www.opengis.net/wfs/2.0' service='WFS'>"
                + "<AcceptVersions xmlns='http://www.opengis.net/ows/1.1'><Version>2.0.0</Version></AcceptVersions></GetCapabilities>");
        assertEquals(200, r.status(), r.text());
        assertEquals("2.0.0", new Xml(r.body()).s("/*/@version"));
    }
}
