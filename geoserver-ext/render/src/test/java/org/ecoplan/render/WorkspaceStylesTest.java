package org.ecoplan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.config.CatalogLoader;
import org.ecoplan.catalog.config.ConfigError;
import org.ecoplan.render.style.StyleException;
import org.ecoplan.render.style.StyleParser;
import org.ecoplan.render.style.StyledLayerDescriptor;
import org.junit.jupiter.api.Test;

/** The shipped styles (styles/<workspace>/*.sld of the data directory, system property ecoplan.workspace) parse and fit their layers. */
class WorkspaceStylesTest {
    private static Path workspace() {
        String ws = System.getProperty("ecoplan.workspace");
        assumeTrue(ws != null && Files.isDirectory(Path.of(ws, "styles")), "ecoplan.workspace not set");
        return Path.of(ws);
    }

    @Test
    void everyShippedStyleParses() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(workspace().resolve("styles"))) {
            files = s.filter(p -> p.toString().endsWith(".sld")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no styles/**/*.sld");
        List<String> errors = new ArrayList<>();
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                StyledLayerDescriptor sld = StyleParser.parse(in, f.toString());
                assertTrue(sld.defaultStyle().rules().size() > 0, f + " has no rules");
            } catch (StyleException e) {
                errors.add(f.getFileName() + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void styleCheckAcceptsTheWorkspace() {
        Catalog catalog = CatalogLoader.load(workspace(), List.of("yanggao", "demo"));
        List<ConfigError> errors = new StyleCheck().check(catalog);
        assertEquals(List.of(), errors);
    }
}
