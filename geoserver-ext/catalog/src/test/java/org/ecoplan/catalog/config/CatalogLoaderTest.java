package org.ecoplan.catalog.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.GeometryType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {
    @TempDir
    Path ws;

    private void write(String rel, String text) throws IOException {
        Path p = ws.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static final String ZONES = """
            id: zones
            title: {zh: 分区, en: Zones}
            abstract: {zh: 示意, en: schematic}
            keywords: [a]
            store: plan
            geometry: {type: MultiPolygon, crs: EPSG:4490}
            attributes:
              - name: code
                type: string
                required: true
                alias: {zh: 编码, en: Code}
                codes: [Z1, Z2]
              - name: area_km2
                type: double
                derive: area_km2
                alias: {zh: 面积, en: Area}
            styles: {default: zones, alternatives: [zones_outline]}
            metadata: {source: s, licence: l, attribution: a, schematic: true, confidence: low, planSection: "03"}
            rules:
              - {rule: unique, attribute: code}
            """;

    private void validWorkspace() throws IOException {
        write("layers/stores/plan.yaml", "id: plan\nurl: ${ECOPLAN_TEST_UNSET_VAR:-gpkg:var/plan.gpkg}\n");
        write("layers/zones.yaml", ZONES);
        write("layers/targets.yaml", """
                id: targets
                title: {zh: 目标, en: Targets}
                abstract: {zh: 表, en: table}
                store: plan
                geometry: {type: none}
                attributes:
                  - {name: year, type: integer, alias: {zh: 年, en: Year}}
                metadata: {source: s, licence: l, attribution: a, schematic: false, confidence: high}
                """);
        write("layers/groups/figure.yaml", "id: figure\ntitle: {zh: 图, en: Figure}\nlayers: [zones]\n");
        write("styles/zones.sld", "<StyledLayerDescriptor/>");
        write("styles/zones_outline.sld", "<StyledLayerDescriptor/>");
    }

    @Test
    void loadsAValidWorkspace() throws IOException {
        validWorkspace();
        Catalog c = CatalogLoader.load(ws);
        assertEquals(List.of("targets", "zones"), c.layers().stream().map(LayerConfig::id).toList());
        LayerConfig zones = c.layer("zones").orElseThrow();
        assertEquals(GeometryType.MULTIPOLYGON, zones.featureType().geometry().type());
        assertEquals(4490, zones.featureType().geometry().crs().epsg());
        assertEquals(AttributeType.DOUBLE, zones.featureType().attribute("area_km2").orElseThrow().type());
        assertEquals("area_km2", zones.featureType().attribute("area_km2").orElseThrow().derive());
        assertEquals(List.of("Z1", "Z2"), zones.featureType().attribute("code").orElseThrow().codes());
        assertEquals(List.of("zones", "zones_outline"), zones.styles().all());
        assertTrue(c.layer("targets").orElseThrow().featureType().geometry() == null);
        assertEquals("gpkg:var/plan.gpkg", c.store("plan").orElseThrow().url());
        assertEquals(List.of(zones), c.expand("figure"));
    }

    @Test
    void reportsEveryErrorWithFileAndLine() throws IOException {
        validWorkspace();
        // missing style, unknown CRS, unknown attribute in a rule, duplicate id, unknown key, bad group member
        write("layers/broken.yaml", """
                id: broken
                title: {zh: 坏, en: Broken}
                abstract: {zh: 坏, en: Broken}
                store: plan
                colour: red
                geometry: {type: Point, crs: EPSG:999999}
                attributes:
                  - {name: a, type: text, alias: {zh: 甲, en: A}}
                styles: {default: no_such_style}
                metadata: {source: s, licence: l, attribution: a, schematic: true, confidence: sure}
                rules:
                  - {rule: unique, attribute: nope}
                  - {rule: within, of: nowhere}
                """);
        write("layers/zones_copy.yaml", ZONES.replace("id: zones", "id: zones_copy"));
        write("layers/groups/zones.yaml", "id: zones\ntitle: {zh: 重复, en: Dup}\nlayers: [ghost]\n");
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(ws));
        String report = e.getMessage();
        List<String> expected = List.of(
                "broken.yaml:5: layer: unknown key 'colour'",
                "broken.yaml:6: unknown CRS 'EPSG:999999'",
                "broken.yaml:8: unknown attribute type 'text'",
                "broken.yaml:9: missing style: styles/no_such_style.sld not found",
                "broken.yaml:10: confidence must be one of",
                "broken.yaml:12: rule unique: unknown attribute 'nope'",
                "broken.yaml:13: rule within: unknown layer 'of: nowhere'",
                "groups/zones.yaml:1: duplicate id 'zones'");
        for (String x : expected) {
            assertTrue(report.contains(x), "report lacks [" + x + "]:\n" + report);
        }
        assertTrue(e.errors().size() >= expected.size());
    }

    @Test
    void rejectsNonAsciiIdsAndMismatchedFileNames() throws IOException {
        validWorkspace();
        write("layers/other.yaml", ZONES.replace("id: zones", "id: 分区"));
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(ws));
        assertTrue(e.getMessage().contains("other.yaml:1: id '分区' must be ASCII"), e.getMessage());
    }

    @Test
    void reportsBrokenYamlWithItsLine() throws IOException {
        validWorkspace();
        write("layers/bad.yaml", "id: bad\ntitle: {zh: x, en: y\nstore: plan\n");
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(ws));
        assertTrue(e.getMessage().matches("(?s).*bad\\.yaml:\\d+: cannot parse YAML.*"), e.getMessage());
    }

    @Test
    void extraChecksRunOnAStructurallyValidCatalog() throws IOException {
        validWorkspace();
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(ws,
                c -> List.of(new ConfigError(new Location(c.styleFile("zones"), 3),
                        "unknown attribute 'colour' in style"))));
        assertTrue(e.getMessage().contains("zones.sld:3: unknown attribute 'colour' in style"), e.getMessage());
    }
}
