package org.ecoplan.server.wms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.server.ServerFixture;
import org.ecoplan.testkit.ImageDiff;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Reference images of every shipped style: each layer drawn with each of its styles over the
 * county through WMS GetMap, compared with the committed PNG within a tolerance, so a renderer or
 * style change that alters the plan's maps is seen. A missing reference fails; after a deliberate
 * change, regenerate with {@code -Dreference.update=true} and look at the new images.
 */
class StyleReferenceImageIT {
    private static final Path REFERENCES = ServerFixture.workspace()
            .resolve("geoserver-ext/server/src/test/resources/reference/styles");
    /** per-channel difference tolerated (antialiasing, font hinting) */
    private static final int CHANNEL_TOLERANCE = 40;
    /** share of pixels that may differ beyond it */
    private static final double MAX_DIFFERING = 0.005;

    @TestFactory
    Stream<DynamicTest> everyShippedStyleDrawsAsItsReference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (LayerConfig l : WmsTestSupport.catalog().layers()) {
            if (!l.featureType().hasGeometry()) continue;
            for (String style : l.styles().all()) {
                tests.add(DynamicTest.dynamicTest(l.id() + " / " + style, () -> compare(l.id(), style)));
            }
        }
        assertTrue(tests.size() >= 13, "styles found: " + tests.size());
        return tests.stream();
    }

    private static void compare(String layer, String style) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("SERVICE", "WMS");
        p.put("VERSION", "1.3.0");
        p.put("REQUEST", "GetMap");
        p.put("LAYERS", layer);
        p.put("STYLES", style);
        p.put("CRS", "EPSG:4490");
        p.put("BBOX", "39.80,113.40,40.55,114.12");
        p.put("WIDTH", "480");
        p.put("HEIGHT", "500");
        p.put("FORMAT", "image/png");
        p.put("TRANSPARENT", "FALSE");
        var r = WmsTestSupport.wms(p);
        assertEquals("image/png", r.contentType(), layer + "/" + style + ": " + r.asString());
        byte[] png = r.asByteArray();
        BufferedImage actual = ImageIO.read(new ByteArrayInputStream(png));
        Path ref = REFERENCES.resolve(layer + "__" + style + ".png");
        if (Boolean.getBoolean("reference.update")) {
            Files.createDirectories(REFERENCES);
            Files.write(ref, png);
            return;
        }
        if (!Files.isRegularFile(ref)) fail("no reference image " + ref + " (generate with -Dreference.update=true)");
        BufferedImage expected = ImageIO.read(ref.toFile());
        int differing = ImageDiff.differingPixels(expected, actual, CHANNEL_TOLERANCE);
        double share = differing / (double) (expected.getWidth() * expected.getHeight());
        assertTrue(share <= MAX_DIFFERING,
                layer + "/" + style + ": " + differing + " pixels (" + String.format("%.2f", 100 * share)
                        + " %) differ from " + ref.getFileName());
    }
}
