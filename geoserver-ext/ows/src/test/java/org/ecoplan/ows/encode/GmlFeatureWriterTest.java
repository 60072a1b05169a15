package org.ecoplan.ows.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.ecoplan.catalog.crs.AxisOrder;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class GmlFeatureWriterTest {

    private static Document write(GmlVersion v, AxisOrder order, org.ecoplan.catalog.Feature f, List<String> props)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument();
        GmlFeatureWriter writer = new GmlFeatureWriter(v, new AppNamespace("t", "http://example.org/test"),
                new GmlGeometryWriter(v, order, new CoordinatePrecision(8)), "urn:ogc:def:crs:EPSG::4490");
        writer.writeRoot(w, f,
                new FeatureStream(TestFeatures.ZONES, props, true, java.util.Collections.emptyIterator()), null);
        w.writeEndDocument();
        w.close();
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void gml32SingleCoordinatesLatLonWithIdsAndPromotedMulti() throws Exception {
        var f = TestFeatures.zone(1, "a & <b>", "POLYGON((113.5 40.0, 113.6 40.0, 113.6 40.1, 113.5 40.0))");
        Document d = write(GmlVersion.GML32, AxisOrder.NORTH_EAST, f, null);
        Element root = d.getDocumentElement();
        assertEquals("zones", root.getLocalName());
        assertEquals("http://example.org/test", root.getNamespaceURI());
        assertEquals("zones.1", root.getAttributeNS(GmlVersion.GML32.namespace(), "id"));
        assertEquals("a & <b>",
                d.getElementsByTagNameNS("http://example.org/test", "name").item(0).getTextContent());
        Element multi = (Element) d.getElementsByTagNameNS(GmlVersion.GML32.namespace(), "MultiSurface").item(0);
        assertEquals("zones.1.geom", multi.getAttributeNS(GmlVersion.GML32.namespace(), "id"));
        Element polygon = (Element) d.getElementsByTagNameNS(GmlVersion.GML32.namespace(), "Polygon").item(0);
        assertEquals("zones.1.geom.1", polygon.getAttributeNS(GmlVersion.GML32.namespace(), "id"));
        String pos = d.getElementsByTagNameNS(GmlVersion.GML32.namespace(), "posList").item(0).getTextContent();
        assertTrue(pos.startsWith("40 113.5 40 113.6 "), pos);
    }

    @Test
    void gml2UsesCoordinatesXyAndFid() throws Exception {
        var f = TestFeatures.zone(2, "x", "POINT(113.75 40.125)");
        Document d = write(GmlVersion.GML2, AxisOrder.EAST_NORTH, f, List.of("rank"));
        assertEquals("zones.2", d.getDocumentElement().getAttribute("fid"));
        assertEquals("113.75,40.125",
                d.getElementsByTagNameNS("http://www.opengis.net/gml", "coordinates").item(0).getTextContent());
        assertEquals(0, d.getElementsByTagNameNS("http://example.org/test", "name").getLength(), "not selected");
        assertEquals("2", d.getElementsByTagNameNS("http://example.org/test", "rank").item(0).getTextContent());
    }

    @Test
    void valueTextAndXmlCleaning() {
        assertEquals("12.5", ValueText.of(12.5));
        assertEquals("3.0", ValueText.of(3.0));
        assertEquals("2021-01-01", ValueText.of(java.time.LocalDate.of(2021, 1, 1)));
        assertEquals("a\uFFFDb", XmlText.clean("a\u0001b"));
        assertEquals("𝄞", XmlText.clean("𝄞"));
    }

    @Test
    void csvQuotesAndWkt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvEncoder().writeCollection(out,
                CollectionMetadata.of(org.ecoplan.catalog.crs.CrsRegistry.CGCS2000, null, null),
                List.of(FeatureStream.all(TestFeatures.ZONES,
                        List.of(TestFeatures.zone(1, "a,\"b\"", "POINT(113.123456789 40)")).iterator())));
        String[] lines = out.toString(StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n");
        assertEquals("FID,name,rank,area_km2,active,since,geom", lines[0]);
        assertEquals("zones.1,\"a,\"\"b\"\"\",1,12.5,true,2021-01-01,POINT (113.12345679 40)", lines[1]);
    }
}
