package org.ecoplan.formats;

import static org.ecoplan.formats.Gdal.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.io.WKTReader;

/** KML 2.2: Placemarks at any depth with their data and geometries; malformed XML and DTDs refused. */
class KmlReaderTest {
    static final String KML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2">
              <Document>
                <name>阳高县</name>
                <Schema name="zones" id="zones"><SimpleField name="code" type="string"/></Schema>
                <Placemark>
                  <name>泉</name>
                  <ExtendedData><Data name="kind"><displayName>类</displayName><value>spring</value></Data></ExtendedData>
                  <Point><coordinates>113.5,40.0,1000</coordinates></Point>
                </Placemark>
                <Folder><name>zones</name><Folder>
                  <Placemark>
                    <name>湿地</name>
                    <description><![CDATA[<b>保护</b>]]></description>
                    <ExtendedData><SchemaData schemaUrl="#zones"><SimpleData name="code">Z1</SimpleData></SchemaData></ExtendedData>
                    <Polygon>
                      <outerBoundaryIs><LinearRing><coordinates>
                        113.5,40.0 113.6,40.0 113.6,40.1 113.5,40.1 113.5,40.0
                      </coordinates></LinearRing></outerBoundaryIs>
                      <innerBoundaryIs><LinearRing><coordinates>113.52,40.02 113.52,40.05 113.55,40.05 113.52,40.02</coordinates></LinearRing></innerBoundaryIs>
                    </Polygon>
                  </Placemark>
                  <Placemark>
                    <name>两河</name>
                    <MultiGeometry>
                      <LineString><coordinates>113.5,40.0 113.6,40.1</coordinates></LineString>
                      <LineString><tessellate>1</tessellate><coordinates>113.7,40.0 113.8,40.1</coordinates></LineString>
                    </MultiGeometry>
                  </Placemark>
                </Folder></Folder>
              </Document>
            </kml>
            """;

    @TempDir
    Path tmp;

    private List<FormatRecord> read(String text) throws Exception {
        Path f = Files.writeString(tmp.resolve("a.kml"), text);
        try (FeatureFileReader r = FeatureFiles.kml(f, "data/a.kml")) {
            assertEquals(Optional.of("CRS:84"), r.crs());
            return readAll(r);
        }
    }

    @Test
    void placemarksAtAnyDepth() throws Exception {
        List<FormatRecord> all = read(KML);
        assertEquals(3, all.size());
        WKTReader wkt = new WKTReader();
        assertEquals("泉", all.get(0).properties().get("name"));
        assertEquals("spring", all.get(0).properties().get("kind"));
        assertEquals(1000.0, all.get(0).geometry().getCoordinate().getZ());
        assertEquals("Z1", all.get(1).properties().get("code"));
        assertEquals("<b>保护</b>", all.get(1).properties().get("description"));
        Gdal.assertGeometry(wkt.read("POLYGON ((113.5 40, 113.6 40, 113.6 40.1, 113.5 40.1, 113.5 40), "
                + "(113.52 40.02, 113.52 40.05, 113.55 40.05, 113.52 40.02))"), all.get(1).geometry(), 1e-12);
        Gdal.assertGeometry(wkt.read("MULTILINESTRING ((113.5 40, 113.6 40.1), (113.7 40, 113.8 40.1))"),
                all.get(2).geometry(), 1e-12);
        assertEquals(12, all.get(1).line());
    }

    @Test
    void malformedXmlHasLineAndColumn() {
        FormatException e = assertThrows(FormatException.class,
                () -> read(KML.replace("</Placemark>\n      <Placemark>", "</Placemark>\n      <Placemark")));
        assertTrue(e.location().matches("data/a\\.kml:\\d+:\\d+"), e.getMessage());
        assertTrue(e.reason().startsWith("malformed XML"), e.getMessage());
    }

    @Test
    void aDtdIsRefusedAndItsEntitiesNeverExpanded() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE kml [<!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY lol "lollollol">]>
                <kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&secret;&lol;</name>
                <Point><coordinates>1,2</coordinates></Point></Placemark></kml>
                """;
        FormatException e = assertThrows(FormatException.class, () -> read(xxe));
        assertTrue(e.location().startsWith("data/a.kml:"), e.getMessage());
        assertTrue(!e.getMessage().contains("root:") && !e.getMessage().contains("lollollol"), e.getMessage());
    }

    @Test
    void anUnreadableGeometryIsAProblemOfItsPlacemark() throws Exception {
        List<FormatRecord> all = read(KML.replace("113.5,40.0,1000", "east,north"));
        assertEquals(null, all.get(0).geometry());
        assertEquals("geometry", all.get(0).problems().get(0).field());
        assertEquals(3, all.size());
    }
}
