package org.ecoplan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ecoplan.testkit.ImageDiff;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Envelope;

/**
 * Renders each fixture style on a fixed scene and compares the image with the committed
 * reference PNG in src/test/resources/reference/. A pixel differs when a channel differs by more
 * than {@link #CHANNEL_TOLERANCE}; the test fails when more than {@link #MAX_DIFFERING_FRACTION}
 * of the pixels differ (antialiasing and font hinting vary a little between JDKs). A missing
 * reference fails. Regenerate with {@code -Drender.updateReferences=true}.
 */
class ReferenceImageTest {
    static final int CHANNEL_TOLERANCE = 24;
    static final double MAX_DIFFERING_FRACTION = 0.01;
    private static final Path REFERENCES = Path.of("src/test/resources/reference");

    static Stream<Arguments> scenes() {
        return Stream.of(
                Arguments.of("polygons", new MapLayer("zone", TestScenes.zones(), TestScenes.style("polygons.sld"))),
                Arguments.of("lines", new MapLayer("river", TestScenes.rivers(), TestScenes.style("lines.se.sld"))),
                Arguments.of("points", new MapLayer("site", TestScenes.sites(), TestScenes.style("points.sld"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenes")
    void matchesReference(String name, MapLayer layer) throws IOException {
        BufferedImage actual = new MapRenderer()
                .render(TestScenes.request(List.of(layer), new Envelope(0, 1000, 0, 1000), 256, 256));
        compare(name, actual);
    }

    /**
     * The canvases the WMS draws on (opaque RGB, premultiplied ARGB) take solid fills and thin
     * outlines straight into their pixels ({@link CoverageRasterizer}): the same references hold.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenes")
    void drawnDirectlyIntoThePixelsMatchesReference(String name, MapLayer layer) throws IOException {
        // the references are Java2D's drawing: updating them from here would compare the rasterizer with itself
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("render.updateReferences"));
        for (int type : new int[]{BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB_PRE}) {
            MapRequest r = new MapRequest(List.of(layer), new Envelope(0, 1000, 0, 1000), TestScenes.CRS, 256, 256,
                    false, java.awt.Color.WHITE, type, MapRequest.NO_DEADLINE, 32);
            compare(name, new MapRenderer().render(r));
        }
    }

    @org.junit.jupiter.api.Test
    void allLayersTogether() throws IOException {
        List<MapLayer> layers = List.of(new MapLayer("zone", TestScenes.zones(), TestScenes.style("polygons.sld")),
                new MapLayer("river", TestScenes.rivers(), TestScenes.style("lines.se.sld")),
                new MapLayer("site", TestScenes.sites(), TestScenes.style("points.sld")));
        compare("all", new MapRenderer().render(TestScenes.request(layers, new Envelope(0, 1000, 0, 1000), 384, 384)));
    }

    static void compare(String name, BufferedImage actual) throws IOException {
        Path ref = REFERENCES.resolve(name + ".png");
        if (Boolean.getBoolean("render.updateReferences")) {
            Files.createDirectories(REFERENCES);
            ImageIO.write(actual, "png", ref.toFile());
            return;
        }
        if (!Files.exists(ref)) {
            Path out = Path.of("target/render-actual").resolve(name + ".png");
            Files.createDirectories(out.getParent());
            ImageIO.write(actual, "png", out.toFile());
            fail("reference image " + ref + " is missing (actual written to " + out
                    + "); run with -Drender.updateReferences=true and check the image");
        }
        BufferedImage expected = ImageIO.read(ref.toFile());
        assertEquals(expected.getWidth(), actual.getWidth(), "width");
        assertEquals(expected.getHeight(), actual.getHeight(), "height");
        int differing = ImageDiff.differingPixels(expected, actual, CHANNEL_TOLERANCE);
        double fraction = differing / (double) (actual.getWidth() * actual.getHeight());
        if (fraction > MAX_DIFFERING_FRACTION) {
            Path out = Path.of("target/render-actual").resolve(name + ".png");
            Files.createDirectories(out.getParent());
            ImageIO.write(actual, "png", out.toFile());
            fail(name + ": " + differing + " pixels (" + String.format("%.2f", fraction * 100) + " %) differ from "
                    + ref
                    + "; actual image written to " + out);
        }
    }
}
