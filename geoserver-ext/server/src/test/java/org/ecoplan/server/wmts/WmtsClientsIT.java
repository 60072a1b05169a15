package org.ecoplan.server.wmts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.ecoplan.map.tiles.TileMatrix;
import org.ecoplan.map.tiles.TileMatrixSets;
import org.ecoplan.server.ClientCommands;
import org.ecoplan.server.ClientEndpoint;
import org.ecoplan.server.wmts.WmtsTestSupport.Pixel;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Real WMTS clients against the server: GDAL's WMTS driver (gdalinfo on the capabilities with a
 * layer and tile matrix set, gdal_translate of a window over the county) and OWSLib's
 * WebMapTileService (capabilities, tile matrix sets, gettile), at the workspace's virtual service and
 * at the global one. Their output is checked here.
 * A missing client fails the test when CI=true and skips it otherwise.
 */
class WmtsClientsIT {
    private static final String LAYER = "restoration_zones";
    private static final String OWSLIB_SCRIPT = """
            import sys, json
            from owslib.wmts import WebMapTileService
            url, layer, out, row, col = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
            wmts = WebMapTileService(url)
            result = {"title": wmts.identification.title, "layers": sorted(wmts.contents.keys()),
                      "sets": sorted(wmts.tilematrixsets.keys())}
            tms = wmts.tilematrixsets["CGCS2000Quad"]
            result["c_level1"] = {"scale": tms.tilematrix["1"].scaledenominator,
                                  "topleft": list(tms.tilematrix["1"].topleftcorner),
                                  "width": tms.tilematrix["1"].matrixwidth}
            tile = wmts.gettile(layer=layer, tilematrixset="WebMercatorQuad", tilematrix="11", row=row, column=col,
                                format="image/png")
            with open(out, "wb") as f:
                f.write(tile.read())
            print(json.dumps(result, ensure_ascii=False))
            """;

    @TempDir
    Path dir;

    private String python() { return ClientCommands.python("owslib.wmts", dir); }

    private static String wmtsSource(ClientEndpoint at, String set) {
        return "WMTS:" + at.base() + "/wmts?SERVICE=WMTS&REQUEST=GetCapabilities,layer=" + at.name(LAYER)
                + ",tilematrixset=" + set;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecoplan.server.ClientEndpoint#both")
    void gdalReadsTheCapabilitiesAndTranslatesAWindow(ClientEndpoint at) throws Exception {
        ClientCommands.require(ClientCommands.works(List.of("gdalinfo", "--version"), dir), "gdalinfo (GDAL)");
        for (String set : List.of("WebMercatorQuad", "CGCS2000Quad")) {
            ClientCommands.Result info = ClientCommands.run(List.of("gdalinfo", wmtsSource(at, set)), dir);
            assertEquals(0, info.exit(), info.out());
            assertTrue(info.out().contains("Driver: WMTS"), info.out());
            assertTrue(info.out().contains("Band 4"), "RGBA: " + info.out());
            Envelope county = WmtsTestSupport.bounds(LAYER);
            Path out = dir.resolve("gdal-" + set + ".png");
            List<String> cmd = new ArrayList<>(List.of("gdal_translate", "-of", "PNG", "-outsize", "256", "256"));
            if (set.equals("CGCS2000Quad")) {
                cmd.addAll(List.of("-projwin", num(county.getMinX()), num(county.getMaxY()), num(county.getMaxX()),
                        num(county.getMinY())));
            } else {
                cmd.addAll(
                        List.of("-projwin_srs", "EPSG:4326", "-projwin", num(county.getMinX()), num(county.getMaxY()),
                                num(county.getMaxX()), num(county.getMinY())));
            }
            cmd.add(wmtsSource(at, set));
            cmd.add(out.toString());
            ClientCommands.Result r = ClientCommands.run(cmd, dir);
            assertEquals(0, r.exit(), r.out());
            BufferedImage img = ImageIO.read(out.toFile());
            assertEquals(256, img.getWidth());
            int opaque = WmtsTestSupport.opaquePixels(img);
            assertTrue(opaque > 256 * 256 / 3, set + ": the zones cover the county window: " + opaque);
        }
    }

    private static String num(double v) { return String.format(Locale.ROOT, "%.6f", v); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecoplan.server.ClientEndpoint#both")
    void owslibReadsCapabilitiesAndFetchesATile(ClientEndpoint at) throws Exception {
        String python = python();
        ClientCommands.require(python != null, "python3 with OWSLib");
        Coordinate inside = WmtsTestSupport.interiorPoint(LAYER);
        TileMatrix m = TileMatrixSets.WEB_MERCATOR_QUAD.matrix("11").orElseThrow();
        Pixel p = WmtsTestSupport.pixel(TileMatrixSets.WEB_MERCATOR_QUAD, m, inside.x, inside.y);
        Path script = dir.resolve("owslib_wmts.py");
        Files.writeString(script, OWSLIB_SCRIPT);
        Path tile = dir.resolve("owslib.png");
        ClientCommands.Result r = ClientCommands
                .run(List.of(python, script.toString(), at.base() + "/wmts?SERVICE=WMTS&REQUEST=GetCapabilities",
                        at.name(LAYER),
                        tile.toString(), Long.toString(p.row()), Long.toString(p.col())), dir);
        assertEquals(0, r.exit(), r.out());
        String line = r.out().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError(r.out()));
        JsonNode result = new ObjectMapper().readTree(line);
        assertTrue(result.get("title").asText().startsWith(at.title()), result.get("title").asText());
        assertTrue(result.get("layers").toString().contains("\"" + at.name(LAYER) + "\""));
        assertEquals("[\"CGCS2000Quad\",\"WebMercatorQuad\",\"WorldCRS84Quad\"]", result.get("sets").toString());
        assertEquals(279541132.0143589, result.get("c_level1").get("scale").asDouble(), 1e-3);
        assertEquals(90.0, result.get("c_level1").get("topleft").get(0).asDouble(), 0);
        assertEquals(-180.0, result.get("c_level1").get("topleft").get(1).asDouble(), 0);
        BufferedImage img = ImageIO.read(tile.toFile());
        assertEquals(256, img.getWidth());
        assertTrue(WmtsTestSupport.alpha(img, p.x(), p.y()) > 0,
                "the zone is drawn at its position in the tile OWSLib fetched");
    }
}
