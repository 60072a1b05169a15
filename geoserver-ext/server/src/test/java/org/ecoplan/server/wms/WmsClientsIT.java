package org.ecoplan.server.wms;

import static org.ecoplan.server.wms.WmsTestSupport.catalog;
import static org.ecoplan.server.wms.WmsTestSupport.opaquePixels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.ecoplan.server.ClientCommands;
import org.ecoplan.server.ClientEndpoint;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real WMS clients against the server: GDAL's WMS driver (gdal_translate on a "WMS:" GetMap URL,
 * 1.1.1 lon/lat) and OWSLib (WebMapService 1.3.0: capabilities, GetMap of every layer and group,
 * GetFeatureInfo). The client's output is checked here (image size, painted pixels, feature
 * counts), at the workspace's virtual service and at the global one. A missing client fails the test when CI=true and skips it otherwise.
 */
class WmsClientsIT {
    private static final String OWSLIB_SCRIPT = """
            import sys, json, os
            from owslib.wms import WebMapService
            url, out, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
            wms = WebMapService(url, version='1.3.0')
            result = {"title": wms.identification.title, "layers": {}, "gfi": None}
            # the global service also lists the other workspaces' layers
            for name in [n for n in wms.contents if n.startswith(prefix)]:
                bb = wms[name].boundingBoxWGS84
                # x/y (lon/lat) order: OWSLib swaps it itself for CRSs whose axis order is lat/lon
                img = wms.getmap(layers=[name], styles=[''], srs='EPSG:4490', bbox=bb, size=(200, 160),
                                 format='image/png', transparent=True)
                path = os.path.join(out, name + '.png')
                with open(path, 'wb') as f:
                    f.write(img.read())
                result["layers"][name] = path
            zones = prefix + 'restoration_zones'
            bb = wms[zones].boundingBoxWGS84
            r = wms.getfeatureinfo(layers=[zones], srs='EPSG:4490', bbox=bb, size=(200, 160),
                                   format='image/png', query_layers=[zones],
                                   info_format='application/json', xy=(100, 80))
            result["gfi"] = json.loads(r.read())
            print(json.dumps(result, ensure_ascii=False))
            """;

    @TempDir
    Path dir;

    private String python() { return ClientCommands.python("owslib", dir); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecoplan.server.ClientEndpoint#both")
    void gdalTranslateReadsAGetMapSource(ClientEndpoint at) throws Exception {
        ClientCommands.require(ClientCommands.works(List.of("gdal_translate", "--version"), dir),
                "gdal_translate (GDAL)");
        String source = "WMS:" + at.base() + "/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS="
                + at.name("restoration_zones")
                + "&SRS=EPSG:4326&BBOX=113.45,39.85,114.35,40.55&FORMAT=image/png";
        Path out = dir.resolve("gdal.png");
        ClientCommands.Result r = ClientCommands
                .run(List.of("gdal_translate", "-of", "PNG", "-outsize", "256", "200", source, out.toString()), dir);
        assertEquals(0, r.exit(), r.out());
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(256, img.getWidth());
        assertEquals(200, img.getHeight());
        int painted = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) painted++;
        }
        assertTrue(painted > 256 * 200 / 10, "the zones cover a good part of the image: " + painted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecoplan.server.ClientEndpoint#both")
    void owslibCapabilitiesGetMapAndFeatureInfo(ClientEndpoint at) throws Exception {
        String python = python();
        ClientCommands.require(python != null, "python3 with OWSLib");
        Path script = dir.resolve("owslib_check.py");
        Files.writeString(script, OWSLIB_SCRIPT);
        ClientCommands.Result r = ClientCommands
                .run(List.of(python, script.toString(), at.base() + "/wms", dir.toString(), at.prefix()), dir);
        assertEquals(0, r.exit(), r.out());
        String json = r.out().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError(r.out()));
        JsonNode result = new ObjectMapper().readTree(json);
        assertTrue(result.get("title").asText().startsWith(at.title()), result.get("title").asText());
        long mapLayers = catalog().layers().stream().filter(l -> l.featureType().hasGeometry()).count();
        assertEquals(mapLayers + catalog().groups().size(), result.get("layers").size(),
                "OWSLib sees every layer and group");
        for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) result.get("layers")::fields) {
            BufferedImage img = ImageIO.read(Path.of(e.getValue().asText()).toFile());
            assertTrue(img != null, e.getKey() + " is a PNG");
            assertEquals(200, img.getWidth(), e.getKey());
            assertTrue(opaquePixels(img) > 0, e.getKey() + " has painted pixels over its own extent");
        }
        JsonNode gfi = result.get("gfi");
        assertEquals("FeatureCollection", gfi.get("type").asText());
        assertTrue(gfi.get("features").size() >= 1, "the centre of the county lies in a restoration zone: " + gfi);
    }
}
