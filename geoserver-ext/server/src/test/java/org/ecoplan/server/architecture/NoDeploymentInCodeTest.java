package org.ecoplan.server.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.Test;

/**
 * House rule 12: identity is configuration. No main source file (Java of every module, the viewer's
 * page and script) names the county the shipped data describes, nor hard-codes an application
 * namespace; the workspace files under {@code layers/} carry both. Comments count too: an example
 * in a comment is copied into code sooner or later.
 */
class NoDeploymentInCodeTest {
    /** The county's names, as the shipped workspace spells them. */
    private static final Pattern COUNTY = Pattern.compile("阳高|(?i:yanggao)");
    /** An application namespace URI or prefix binding written into code. */
    private static final Pattern NAMESPACE = Pattern.compile("\"https?://ecoplan\\.org/|\"yg\"|\\byg:");

    @Test
    void noMainSourceNamesTheCountyOrANamespace() throws IOException {
        Path repo = ServerFixture.workspace();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> s = Files.walk(repo.resolve("geoserver-ext"))) {
            s.filter(p -> p.toString().contains("/src/main/") || p.toString().contains("/frontend/src/"))
                    .filter(p -> p.toString().matches(".*\\.(java|js|mjs|html|css)$"))
                    .filter(p -> !p.toString().contains("/node_modules/")).forEach(sources::add);
        }
        try (Stream<Path> s = Files.walk(repo.resolve("data-loader/src/main"))) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
        assertTrue(sources.size() > 300, "the scan found the sources: " + sources.size());
        List<String> found = new ArrayList<>();
        for (Path f : sources) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                for (Pattern p : List.of(COUNTY, NAMESPACE)) {
                    Matcher m = p.matcher(lines.get(i));
                    if (m.find()) found.add(repo.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theScanFindsWhatItLooksFor() {
        assertTrue(COUNTY.matcher("String t = \"阳高县\";").find());
        assertTrue(COUNTY.matcher("new AppNamespace(\"yg\", \"http://ecoplan.org/Yanggao\")").find());
        assertTrue(NAMESPACE.matcher("new AppNamespace(\"yg\", \"http://ecoplan.org/x\")").find());
        assertTrue(!NAMESPACE.matcher("the workspace's namespace URI").find());
    }
}
