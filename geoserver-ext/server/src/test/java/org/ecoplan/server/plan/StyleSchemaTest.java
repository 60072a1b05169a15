package org.ecoplan.server.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ecoplan.server.ServerFixture;
import org.ecoplan.testkit.OgcSchemas;
import org.junit.jupiter.api.Test;

/** Every shipped style is valid SLD 1.0 (or SE 1.1), so it loads unchanged in GeoServer or QGIS. */
class StyleSchemaTest {
    private static final String SLD_10 = "http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd";
    private static final String SLD_11 = "http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd";

    @Test
    void everyShippedStyleIsSchemaValid() throws Exception {
        List<Path> styles;
        try (Stream<Path> s = Files.walk(ServerFixture.workspace().resolve("styles"))) {
            styles = s.filter(p -> p.toString().endsWith(".sld")).sorted().toList();
        }
        assertTrue(styles.size() >= 13, "styles found: " + styles.size());
        List<String> problems = new ArrayList<>();
        for (Path p : styles) {
            byte[] xml = Files.readAllBytes(p);
            String text = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
            String schema = text.contains("version=\"1.1.0\"") ? SLD_11 : SLD_10;
            for (String e : OgcSchemas.validate(xml, schema))
                problems.add(ServerFixture.workspace().relativize(p) + ":" + e);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theValidatorRejectsAnInvalidStyle() throws Exception {
        byte[] bad = """
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld">
                  <NamedLayer><Name>x</Name><UserStyle><FeatureTypeStyle><Rule>
                    <PolygonSymbolizer><Fill><VendorOption name="a">1</VendorOption></Fill></PolygonSymbolizer>
                  </Rule></FeatureTypeStyle></UserStyle></NamedLayer>
                </StyledLayerDescriptor>""".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(!OgcSchemas.validate(bad, SLD_10).isEmpty());
    }
}
