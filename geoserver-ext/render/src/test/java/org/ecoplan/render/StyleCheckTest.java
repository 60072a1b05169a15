package org.ecoplan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.Localized;
import org.ecoplan.catalog.config.ConfigError;
import org.ecoplan.catalog.config.GlobalConfig;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.Location;
import org.ecoplan.catalog.config.StyleRefs;
import org.ecoplan.catalog.config.WorkspaceConfig;
import org.ecoplan.testkit.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StyleCheckTest {
    private static final String HEAD = "<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\">"
            + "<NamedLayer><Name>zone</Name><UserStyle><FeatureTypeStyle>\n";
    private static final String TAIL = "</FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>";

    private static Catalog catalog(Path ws, String... styles) {
        LayerConfig layer = new LayerConfig("w", "zone", new Localized("分区", "zones"), Localized.EMPTY, List.of(),
                "plan",
                "zone",
                TestScenes.ZONE, null, new StyleRefs(styles[0], List.of(styles).subList(1, styles.length)), true, null,
                List.of(),
                new Location(ws.resolve("layers/zone.yaml"), 1));
        return new Catalog(ws, new GlobalConfig(TestContext.services(List.of("CRS:84")), "w", null),
                List.of(new WorkspaceConfig("w", "http://example.org/w", TestContext.services(List.of("CRS:84")), null,
                        null,
                        null)),
                List.of(layer), List.of(), List.of());
    }

    @Test
    void goodStylesPass(@TempDir Path ws) throws IOException {
        Files.createDirectories(ws.resolve("styles/w"));
        Files.copy(TestScenes.resource("polygons.sld"), ws.resolve("styles/w/zone_default.sld"));
        assertEquals(List.of(), new StyleCheck().check(catalog(ws, "zone_default")));
    }

    @Test
    void reportsUnparseableMissingAndUnknownAttributes(@TempDir Path ws) throws IOException {
        Files.createDirectories(ws.resolve("styles/w"));
        Files.writeString(ws.resolve("styles/w/broken.sld"),
                HEAD + "<Rule>\n<PolygonSymbolizer><Fill><CssParameter name=\"fill\">nope"
                        + "</CssParameter></Fill></PolygonSymbolizer></Rule>" + TAIL);
        Files.writeString(ws.resolve("styles/w/typo.sld"), HEAD
                + "<Rule><Name>r1</Name><ogc:Filter><ogc:PropertyIsEqualTo>"
                + "<ogc:PropertyName>knd</ogc:PropertyName><ogc:Literal>core</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>"
                + "<TextSymbolizer><Label><ogc:PropertyName>title</ogc:PropertyName></Label></TextSymbolizer></Rule>"
                + "<Rule><Name>r2</Name><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>rank</ogc:PropertyName>"
                + "<ogc:Literal>high</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter></Rule>" + TAIL);
        List<ConfigError> errors = new StyleCheck().check(catalog(ws, "broken", "typo", "absent"));
        assertEquals(5, errors.size(), errors.toString());
        assertEquals(ws.resolve("styles/w/broken.sld"), errors.get(0).location().file());
        assertEquals(3, errors.get(0).location().line());
        assertTrue(errors.get(0).message().contains("nope"));
        assertTrue(errors.get(1).message().contains("unknown attribute 'knd'"), errors.get(1).message());
        assertEquals(2, errors.get(1).location().line(), "the line of the Rule");
        assertTrue(errors.get(2).message().contains("unknown attribute 'title'"), errors.get(2).message());
        assertTrue(errors.get(3).message().contains("'high'") && errors.get(3).message().contains("rank"),
                errors.get(3).message());
        assertTrue(errors.get(4).message().contains("does not exist"), errors.get(4).message());
    }

    @Test
    void problemsOfARequestStyleAgainstAFeatureType() {
        assertEquals(List.of(), StyleCheck.problems(TestScenes.style("polygons.sld"), TestScenes.ZONE));
        var problems = StyleCheck.problems(TestScenes.style("polygons.sld"), TestScenes.RIVER_WITHOUT_KIND);
        assertEquals(2, problems.size(), problems.toString()); // rules core and restore; the label uses "name", which exists
        assertEquals(13, problems.get(0).line(), "line of the core Rule element");
        assertTrue(problems.get(0).line() > 0);
        assertTrue(problems.get(0).message().contains("unknown attribute 'kind'"), problems.get(0).message());
    }
}
