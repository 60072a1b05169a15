package org.ecoplan.wfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ecoplan.testkit.OgcSchemas;
import org.ecoplan.testkit.Xml;
import org.junit.jupiter.api.Test;

/** GetFeature GML responses validated against the DescribeFeatureType schema and the OGC schemas. */
class GetFeatureGmlTest {
    private final TestService wfs = new TestService(10);

    private static final String DFT32 = "http://test.local/wfs?service=WFS&version=2.0.0&request=DescribeFeatureType"
            + "&typeNames=test:zones,test:targets&outputFormat=application/gml%2Bxml;%20version=3.2";

    @Test
    void gml32ValidatesAgainstDescribeFeatureType() throws Exception {
        TestService.Result dft = wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "DescribeFeatureType",
                "TYPENAMES", "test:zones,targets");
        assertEquals(200, dft.status());
        Xml schema = new Xml(dft.body());
        assertEquals("http://example.org/test", schema.s("/xs:schema/@targetNamespace"));
        assertEquals("gml:MultiSurfacePropertyType",
                schema.s("//xs:complexType[@name='zonesType']//xs:element[@name='geom']/@type"));
        assertEquals("xs:date", schema.s("//xs:complexType[@name='zonesType']//xs:element[@name='since']/@type"));
        assertEquals("", schema.s("//xs:complexType[@name='zonesType']//xs:element[@name='name']/@minOccurs"),
                "required");
        assertEquals("0", schema.s("//xs:complexType[@name='zonesType']//xs:element[@name='rank']/@minOccurs"));

        TestService.Result gf = wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature",
                "TYPENAMES", "test:zones,test:targets");
        assertEquals(200, gf.status());
        assertTrue(gf.contentType().startsWith("application/gml+xml; version=3.2"), gf.contentType());
        Xml x = new Xml(gf.body());
        assertEquals("8", x.s("/wfs:FeatureCollection/@numberMatched"));
        assertEquals("8", x.s("/wfs:FeatureCollection/@numberReturned"));
        assertEquals(5, x.n("//wfs:member/test:zones"));
        assertEquals(3, x.n("//wfs:member/test:targets"));
        // default CRS in URN form: latitude first
        assertEquals("urn:ogc:def:crs:EPSG::4490",
                x.s("//test:zones[@gml:id='zones.1']/test:geom/gml:MultiSurface/@srsName"));
        assertTrue(x.s("//test:zones[@gml:id='zones.1']//gml:posList").startsWith("40 113.6 40 113.65"),
                x.s("//test:zones[@gml:id='zones.1']//gml:posList"));
        assertEquals("北部 <防风> & \"固沙\"", x.s("//test:zones[@gml:id='zones.3']/test:name"));
        assertEquals(0, x.n("//test:zones[@gml:id='zones.5']/test:since"), "null optional values are left out");

        List<String> errors = OgcSchemas.validate(gf.body(),
                List.of("http://schemas.opengis.net/wfs/2.0/wfs.xsd", DFT32),
                Map.of(DFT32, dft.body()));
        assertEquals(List.of(), errors);
        assertTrue(x.s("/wfs:FeatureCollection/@*[local-name()='schemaLocation']")
                .contains(DFT32.replace("test:zones,test:targets", "test:zones,test:targets")));
    }

    @Test
    void gml311AndGml2ValidateToo() throws Exception {
        String dft11 = "http://test.local/wfs?service=WFS&version=1.1.0&request=DescribeFeatureType&typeName=test:zones"
                + "&outputFormat=text/xml;%20subtype=gml/3.1.1";
        TestService.Result schema11 = wfs.get("SERVICE", "WFS", "VERSION", "1.1.0", "REQUEST", "DescribeFeatureType",
                "TYPENAME", "test:zones");
        TestService.Result gf11 = wfs.get("SERVICE", "WFS", "VERSION", "1.1.0", "REQUEST", "GetFeature", "TYPENAME",
                "test:zones",
                "SRSNAME", "EPSG:4326");
        Xml x11 = new Xml(gf11.body());
        assertEquals("5", x11.s("/wfs1:FeatureCollection/@numberOfFeatures"));
        assertTrue(x11.s("(//gml3:posList)[1]").startsWith("113.6 40 "), "EPSG:n short form is x/y in WFS 1.1");
        assertEquals(List.of(),
                OgcSchemas.validate(gf11.body(), List.of("http://schemas.opengis.net/wfs/1.1.0/wfs.xsd", dft11),
                        Map.of(dft11, schema11.body())));

        String dft10 = "http://test.local/wfs?service=WFS&version=1.0.0&request=DescribeFeatureType&typeName=test:zones&outputFormat=XMLSCHEMA";
        TestService.Result schema10 = wfs.get("SERVICE", "WFS", "VERSION", "1.0.0", "REQUEST", "DescribeFeatureType",
                "TYPENAME", "test:zones");
        TestService.Result gf10 = wfs.get("SERVICE", "WFS", "VERSION", "1.0.0", "REQUEST", "GetFeature", "TYPENAME",
                "test:zones",
                "MAXFEATURES", "2");
        Xml x10 = new Xml(gf10.body());
        assertEquals(2, x10.n("//gml3:featureMember"));
        assertEquals("http://www.opengis.net/gml/srs/epsg.xml#4490", x10.s("(//gml3:MultiPolygon)[1]/@srsName"));
        assertTrue(x10.s("(//gml3:coordinates)[1]").startsWith("113.6,40 113.65,40"), x10.s("(//gml3:coordinates)[1]"));
        assertEquals(List.of(),
                OgcSchemas.validate(gf10.body(), List.of("http://schemas.opengis.net/wfs/1.0.0/WFS-basic.xsd", dft10),
                        Map.of(dft10, schema10.body())));
    }

    @Test
    void srsNameFormsDecideAxisOrder() throws Exception {
        Xml urn = new Xml(
                wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature", "TYPENAMES", "test:zones",
                        "RESOURCEID", "zones.1", "SRSNAME", "urn:ogc:def:crs:EPSG::4326").body());
        assertTrue(urn.s("//gml:posList").startsWith("40 113.6 "), urn.s("//gml:posList"));
        Xml shortForm = new Xml(
                wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature", "TYPENAMES", "test:zones",
                        "RESOURCEID", "zones.1", "SRSNAME", "EPSG:4490").body());
        assertTrue(shortForm.s("//gml:posList").startsWith("113.6 40 "), shortForm.s("//gml:posList"));
        Xml gk = new Xml(
                wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature", "TYPENAMES", "test:zones",
                        "RESOURCEID", "zones.1", "SRSNAME", "urn:ogc:def:crs:EPSG::4547").body());
        String[] c = gk.s("//gml:posList").split(" ");
        // CGCS2000 / 3-degree GK CM 114E: northing (~4.43e6) first, easting (~466 km) second
        double north = Double.parseDouble(c[0]);
        double east = Double.parseDouble(c[1]);
        assertTrue(north > 4.4e6 && north < 4.5e6, "northing first: " + north);
        assertTrue(east > 400_000 && east < 500_000, "easting second: " + east);
        assertEquals("urn:ogc:def:crs:EPSG::4547", gk.s("//gml:MultiSurface/@srsName"));
    }

    @Test
    void getPropertyValueAndStoredQueries() throws Exception {
        TestService.Result pv = wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetPropertyValue",
                "TYPENAMES", "test:zones", "VALUEREFERENCE", "test:name", "SORTBY", "rank ASC");
        Xml x = new Xml(pv.body());
        assertEquals("5", x.s("/wfs:ValueCollection/@numberMatched"));
        assertEquals("zone 5", x.s("/wfs:ValueCollection/wfs:member[1]"));
        assertEquals(List.of(),
                OgcSchemas.validate(pv.body(), List.of("http://schemas.opengis.net/wfs/2.0/wfs.xsd"), Map.of()));
        TestService.Result xpath = wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetPropertyValue",
                "TYPENAMES", "test:zones", "VALUEREFERENCE", "//*[1]");
        assertEquals(400, xpath.status());
        assertEquals("valueReference", new Xml(xpath.body()).s("//ows:Exception/@locator"));

        Xml ids = new Xml(wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetPropertyValue",
                "TYPENAMES", "test:zones", "VALUEREFERENCE", "@gml:id", "COUNT", "2").body());
        assertEquals("zones.1", ids.s("/wfs:ValueCollection/wfs:member[1]"));
        assertEquals(2, ids.n("//wfs:member"));
        TestService.Result empty = wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetPropertyValue",
                "TYPENAMES", "test:zones", "VALUEREFERENCE", "");
        assertEquals("InvalidParameterValue", new Xml(empty.body()).s("//ows:Exception/@exceptionCode"));

        TestService.Result list = wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "ListStoredQueries");
        assertEquals(List.of(),
                OgcSchemas.validate(list.body(), List.of("http://schemas.opengis.net/wfs/2.0/wfs.xsd"), Map.of()));
        TestService.Result desc = wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "DescribeStoredQueries");
        assertEquals(List.of(),
                OgcSchemas.validate(desc.body(), List.of("http://schemas.opengis.net/wfs/2.0/wfs.xsd"), Map.of()));

        TestService.Result byId = wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature",
                "STOREDQUERY_ID", "urn:ogc:def:query:OGC-WFS::GetFeatureById", "ID", "zones.2");
        assertEquals(200, byId.status());
        Xml f = new Xml(byId.body());
        assertEquals("zones.2", f.s("/test:zones/@gml:id"));
        TestService.Result missing = wfs.get("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature",
                "STOREDQUERY_ID", "urn:ogc:def:query:OGC-WFS::GetFeatureById", "ID", "zones.99");
        assertEquals(404, missing.status());
        assertEquals("NotFound", new Xml(missing.body()).s("//ows:Exception/@exceptionCode"));
    }
}
