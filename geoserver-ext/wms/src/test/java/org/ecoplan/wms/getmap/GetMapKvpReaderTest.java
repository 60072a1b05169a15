package org.ecoplan.wms.getmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.ResponseEncoders;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.wms.ExceptionFormat;
import org.ecoplan.wms.MapFormats;
import org.ecoplan.wms.NameList;
import org.ecoplan.wms.WmsVersion;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class GetMapKvpReaderTest {
    private final GetMapKvpReader reader = new GetMapKvpReader(
            new ServerSettings(1000, 800, 1000, 2, 10, 1000, 1000),
            List.of("EPSG:4490", "EPSG:4326", "CRS:84", "EPSG:3857"),
            new MapFormats(ResponseEncoders.load(GetMapKvpReaderTest.class.getClassLoader())));

    private static KvpMap kvp(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return new KvpMap(m);
    }

    private static String[] base130(String... extra) {
        List<String> l = new java.util.ArrayList<>(List.of("LAYERS", "zones,sites", "STYLES", "", "CRS", "EPSG:4490",
                "BBOX", "39.9,113.5,40.4,114.2", "WIDTH", "400", "HEIGHT", "300", "FORMAT", "image/png"));
        l.addAll(List.of(extra));
        return l.toArray(String[]::new);
    }

    @Test
    void readsEveryParameter130() {
        GetMapRequest r = reader.read(
                kvp(base130("TRANSPARENT", "true", "BGCOLOR", "0x112233", "EXCEPTIONS", "INIMAGE")),
                WmsVersion.V_1_3_0);
        assertEquals(List.of("zones", "sites"), r.layers());
        assertTrue(r.styles().isEmpty());
        assertEquals("EPSG:4490", r.crs().crs().id());
        assertEquals(new Envelope(113.5, 114.2, 39.9, 40.4), r.bbox());
        assertEquals(400, r.width());
        assertEquals(300, r.height());
        assertEquals(ImageFormat.PNG, r.format());
        assertTrue(r.transparent());
        assertEquals(new Color(0x112233), r.background());
        assertEquals(ExceptionFormat.INIMAGE, r.exceptions());
        assertNull(r.sldBody());
    }

    @Test
    void reads111WithSrsInLonLat() {
        GetMapRequest r = reader.read(kvp("LAYERS", "zones", "STYLES", "zones_outline", "SRS", "EPSG:4326",
                "BBOX", "113.5,39.9,114.2,40.4", "WIDTH", "10", "HEIGHT", "10", "FORMAT", "image/png; mode=8bit",
                "EXCEPTIONS", "application/vnd.ogc.se_blank"), WmsVersion.V_1_1_1);
        assertEquals(new Envelope(113.5, 114.2, 39.9, 40.4), r.bbox());
        assertEquals(List.of("zones_outline"), r.styles());
        assertEquals(ImageFormat.PNG8, r.format());
        assertEquals(ExceptionFormat.BLANK, r.exceptions());
        assertFalse(r.transparent());
    }

    @Test
    void errorsNameTheParameter() {
        assertError("MissingParameterValue", "LAYERS", kvp("CRS", "EPSG:4490"));
        assertError("StyleNotDefined", "STYLES", kvp(base130("STYLES", "a,b,c")));
        assertError("InvalidParameterValue", "WIDTH", kvp(base130("WIDTH", "1001")));
        assertError("InvalidParameterValue", "HEIGHT", kvp(base130("HEIGHT", "-1")));
        assertError("InvalidFormat", "FORMAT", kvp(base130("FORMAT", "image/bmp")));
        assertError("InvalidCRS", "CRS", kvp(base130("CRS", "EPSG:2000")));
        assertError("InvalidParameterValue", "TRANSPARENT", kvp(base130("TRANSPARENT", "yes")));
        assertError("InvalidParameterValue", "BGCOLOR", kvp(base130("BGCOLOR", "red")));
        assertError("InvalidParameterValue", "SLD", kvp(base130("SLD", "http://example.com/x.sld")));
    }

    private void assertError(String code, String locator, KvpMap params) {
        ServiceException e = assertThrows(ServiceException.class, () -> reader.read(params, WmsVersion.V_1_3_0));
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(locator, e.locator(), e.getMessage());
    }

    /** A format of a plug-in: the class and its registration are all it takes. */
    static final class Raw extends ImageFormat {
        Raw() {
            super("image/x-raw", "raw", true, List.of("image/x-raw", "raw"));
        }

        @Override
        public void write(org.ecoplan.map.image.MapImage result, java.io.OutputStream out) throws java.io.IOException {
            out.write(result.image().getWidth());
        }
    }

    @Test
    void aRegisteredImageFormatIsOfferedAndChosen() {
        java.util.List<org.ecoplan.ows.ResponseEncoder<?>> all = new java.util.ArrayList<>(ImageFormat.BUILT_IN);
        all.add(new Raw());
        MapFormats formats = new MapFormats(new ResponseEncoders(all));
        assertEquals(List.of("image/png", "image/png; mode=8bit", "image/jpeg", "image/gif", "image/x-raw"),
                formats.advertised());
        assertEquals("image/x-raw", formats.require("RAW", "FORMAT").mime());
        ServiceException e = assertThrows(ServiceException.class, () -> formats.require("image/tiff", "FORMAT"));
        assertEquals("InvalidFormat", e.code());
        assertTrue(e.getMessage().contains("image/x-raw"), e.getMessage());
    }

    @Test
    void formatsAndNames() {
        assertEquals(ImageFormat.PNG8, ImageFormat.find("image/png8").orElseThrow());
        assertEquals(ImageFormat.JPEG, ImageFormat.find("image/jpeg").orElseThrow());
        assertEquals(ImageFormat.GIF, ImageFormat.find("image/gif").orElseThrow());
        assertTrue(ImageFormat.find("image/tiff").isEmpty());
        assertEquals(List.of("a", "", "b"), NameList.parse("a,,b"));
        assertEquals(ExceptionFormat.XML, ExceptionFormat.of("application/vnd.ogc.se_xml"));
    }

    @Test
    void imageMemoryIsCheckedBeforeAllocating() {
        ServiceException e = assertThrows(ServiceException.class, () -> GetMap.checkMemory(200_000, 200_000));
        assertEquals("ServiceUnavailable", e.code());
        GetMap.checkMemory(256, 256);
    }
}
