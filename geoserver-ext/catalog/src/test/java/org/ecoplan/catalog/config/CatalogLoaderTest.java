package org.ecoplan.catalog.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    static final String GLOBAL = """
            title: {zh: 全局, en: Global}
            abstract: {zh: 全部工作区, en: All workspaces}
            keywords: [plans]
            crs: [EPSG:4490, CRS:84]
            defaultWorkspace: w1
            """;

    static String workspaceFile(String name, String uri) {
        return """
                name: %s
                namespaceUri: %s
                title: {zh: 工作区, en: Workspace}
                abstract: {zh: 摘要, en: Abstract}
                keywords: [k]
                contact:
                  person: "${ECOPLAN_TEST_UNSET_PERSON:-Ops}"
                  email: "${ECOPLAN_TEST_UNSET_EMAIL:-}"
                fees: none
                crs: [EPSG:4490, EPSG:3857]
                services:
                  wms: {title: {zh: 地图, en: Maps}, contact: {phone: "123"}}
                """.formatted(name, uri);
    }

    private void validWorkspace() throws IOException {
        write("layers/global.yaml", GLOBAL);
        write("layers/w1/workspace.yaml", workspaceFile("w1", "http://example.org/w1"));
        write("layers/w1/stores/plan.yaml", "id: plan\nurl: ${ECOPLAN_TEST_UNSET_VAR:-gpkg:var/plan.gpkg}\n");
        write("layers/w1/zones.yaml", ZONES);
        write("layers/w1/targets.yaml", """
                id: targets
                title: {zh: 目标, en: Targets}
                abstract: {zh: 表, en: table}
                store: plan
                geometry: {type: none}
                attributes:
                  - {name: year, type: integer, alias: {zh: 年, en: Year}}
                metadata: {source: s, licence: l, attribution: a, schematic: false, confidence: high}
                """);
        write("layers/w1/groups/figure.yaml", "id: figure\ntitle: {zh: 图, en: Figure}\nlayers: [zones]\n");
        write("styles/w1/zones.sld", "<StyledLayerDescriptor/>");
        write("styles/zones_outline.sld", "<StyledLayerDescriptor/>"); // a shared (global) style
    }

    /** A second workspace with a layer whose id repeats one of w1's. */
    private void secondWorkspace(String enabled) throws IOException {
        write("layers/w2/workspace.yaml", workspaceFile("w2", "http://example.org/w2") + "enabled: " + enabled + "\n");
        write("layers/w2/stores/plan.yaml", "id: plan\nurl: gpkg:var/w2.gpkg\n");
        write("layers/w2/zones.yaml", ZONES);
        write("layers/w2/only_here.yaml", ZONES.replace("id: zones", "id: only_here"));
        write("styles/w2/zones.sld", "<StyledLayerDescriptor/>");
    }

    @Test
    void loadsAValidWorkspace() throws IOException {
        validWorkspace();
        Catalog c = CatalogLoader.load(ws);
        assertEquals(List.of("targets", "zones"), c.layers().stream().map(LayerConfig::id).toList());
        LayerConfig zones = c.layer("w1:zones").orElseThrow();
        assertEquals("w1", zones.workspace());
        assertEquals(GeometryType.MULTIPOLYGON, zones.featureType().geometry().type());
        assertEquals(4490, zones.featureType().geometry().crs().epsg());
        assertEquals(AttributeType.DOUBLE, zones.featureType().attribute("area_km2").orElseThrow().type());
        assertEquals("area_km2", zones.featureType().attribute("area_km2").orElseThrow().derive());
        assertEquals(List.of("Z1", "Z2"), zones.featureType().attribute("code").orElseThrow().codes());
        assertEquals(List.of("zones", "zones_outline"), zones.styles().all());
        assertTrue(c.layer("w1", "targets").orElseThrow().featureType().geometry() == null);
        assertEquals("gpkg:var/plan.gpkg", c.store("w1", "plan").orElseThrow().url());
        assertEquals(List.of(zones), c.expand(c.group("w1:figure").orElseThrow()));
        assertEquals(ws.resolve("styles/w1/zones.sld"), c.styleFile("w1", "zones"));
        assertEquals(ws.resolve("styles/zones_outline.sld"), c.styleFile("w1", "zones_outline"));
        WorkspaceConfig w1 = c.workspace("w1").orElseThrow();
        assertEquals("http://example.org/w1", w1.namespaceUri());
        assertEquals(List.of("EPSG:4490", "EPSG:3857"), w1.services().crs());
        assertEquals("Ops", w1.services().service("wfs").contact().person());
        assertEquals(null, w1.services().service("wfs").contact().email(), "an empty substitution is no value");
        assertEquals("Workspace", w1.services().service("wfs").title().en());
        assertEquals("Maps", w1.services().service("wms").title().en());
        assertEquals("123", w1.services().service("WMS").contact().phone());
        assertEquals("Ops", w1.services().service("wms").contact().person(),
                "service contact parts add to the shared ones");
        assertEquals("Global", c.global().services().service("wms").title().en());
    }

    @Test
    void reportsEveryErrorWithFileAndLine() throws IOException {
        validWorkspace();
        // missing style, unknown CRS, unknown attribute in a rule, duplicate id, unknown key, bad group member
        write("layers/w1/broken.yaml", """
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
        write("layers/w1/zones_copy.yaml", ZONES.replace("id: zones", "id: zones_copy"));
        write("layers/w1/groups/zones.yaml", "id: zones\ntitle: {zh: 重复, en: Dup}\nlayers: [ghost]\n");
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(ws));
        String report = e.getMessage();
        List<String> expected = List.of(
                "broken.yaml:5: layer: unknown key 'colour'",
                "broken.yaml:6: unknown CRS 'EPSG:999999'",
                "broken.yaml:8: unknown attribute type 'text'",
                "broken.yaml:9: missing style: neither styles/w1/no_such_style.sld nor styles/no_such_style.sld exists",
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
        write("layers/w1/other.yaml", ZONES.replace("id: zones", "id: 分区"));
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(ws));
        assertTrue(e.getMessage().contains("other.yaml:1: id '分区' must be ASCII"), e.getMessage());
    }

    @Test
    void reportsBrokenYamlWithItsLine() throws IOException {
        validWorkspace();
        write("layers/w1/bad.yaml", "id: bad\ntitle: {zh: x, en: y\nstore: plan\n");
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(ws));
        assertTrue(e.getMessage().matches("(?s).*bad\\.yaml:\\d+: cannot parse YAML.*"), e.getMessage());
    }

    @Test
    void extraChecksRunOnAStructurallyValidCatalog() throws IOException {
        validWorkspace();
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(ws,
                c -> List.of(new ConfigError(new Location(c.styleFile("w1", "zones"), 3),
                        "unknown attribute 'colour' in style"))));
        assertTrue(e.getMessage().contains("zones.sld:3: unknown attribute 'colour' in style"), e.getMessage());
    }

    @Test
    void servesSeveralWorkspacesAtOnceWithTheirOwnIds() throws IOException {
        validWorkspace();
        secondWorkspace("true");
        Catalog c = CatalogLoader.load(ws);
        assertEquals(List.of("w1", "w2"), c.workspaces().stream().map(WorkspaceConfig::name).toList());
        assertEquals(List.of("w1:targets", "w1:zones", "w2:only_here", "w2:zones"),
                c.layers().stream().map(LayerConfig::qualifiedName).toList());
        assertEquals("gpkg:var/w2.gpkg", c.store("w2", "plan").orElseThrow().url());
    }

    @Test
    void aDisabledWorkspaceIsReadOnlyWhenAskedForByName() throws IOException {
        validWorkspace();
        secondWorkspace("${ECOPLAN_TEST_UNSET_SWITCH:-false}");
        assertEquals(List.of("w1"), CatalogLoader.load(ws).workspaces().stream().map(WorkspaceConfig::name).toList());
        Catalog only = CatalogLoader.load(ws, List.of("w2"));
        assertEquals(List.of("w2:only_here", "w2:zones"),
                only.layers().stream().map(LayerConfig::qualifiedName).toList());
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(ws, List.of("w9")));
        assertTrue(e.getMessage().contains("no workspace 'w9'"), e.getMessage());
    }

    @Test
    void readsThePlanPeriod() throws IOException {
        validWorkspace();
        write("layers/w1/workspace.yaml", workspaceFile("w1", "http://example.org/w1")
                + "planPeriod: {start: 2021, end: 2035}\n");
        PlanPeriod p = CatalogLoader.load(ws).workspaceOf("w1").planPeriod();
        assertEquals(new PlanPeriod(2021, 2035), p);
        assertEquals("2021-01-01T00:00:00Z", p.start());
        assertEquals("2035-12-31T23:59:59Z", p.end());
    }

    @Test
    void readsThePlanCheckAndReportsEveryMistakeInIt() throws IOException {
        validWorkspace();
        write("layers/w1/workspace.yaml", workspaceFile("w1", "http://example.org/w1") + """
                planCheck:
                  boundary: zones
                  layers:
                    - {layer: zones, role: zones, report: [code]}
                  map: [zones]
                """);
        PlanCheckConfig pc = CatalogLoader.load(ws).workspaceOf("w1").planCheck();
        assertEquals("zones", pc.boundary());
        assertEquals(PlanCheckConfig.Role.ZONES, pc.layers().get(0).role());
        assertEquals(List.of("code"), pc.layers().get(0).report());

        write("layers/w1/workspace.yaml", workspaceFile("w1", "http://example.org/w1") + """
                planCheck:
                  boundary: nowhere
                  layers:
                    - {layer: zones, role: zones, report: [code, colour]}
                    - {layer: zones, role: zones}
                    - {layer: targets, role: problems}
                    - {layer: ghosts, role: pattern}
                    - {layer: zones, role: districts}
                  map: [zones, lakes]
                """);
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(ws));
        for (String x : List.of("planCheck names unknown layer 'nowhere'",
                "planCheck: unknown attribute 'colour' of layer zones",
                "planCheck lists layer 'zones' twice", "planCheck layer 'targets' has no geometry",
                "planCheck names unknown layer 'ghosts'", "planCheck role must be one of zones, keyAreas, projects, "
                        + "problems, pattern, not 'districts'",
                "planCheck names unknown layer 'lakes'")) {
            assertTrue(e.getMessage().contains(x), "report lacks [" + x + "]:\n" + e.getMessage());
        }
    }

    private static final String HASH = "$2b$12$abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ01234";

    @Test
    void readsSecurityAndReportsEveryMistakeWithoutEchoingAPassword() throws IOException {
        validWorkspace();
        write("security/users.yaml", "users:\n  - {name: planner, password: \"" + HASH + "\", roles: [PLANNER]}\n"
                + "tokens:\n  - {name: forestry, sha256: " + "a".repeat(64) + ", roles: [FORESTRY]}\n");
        write("security/layers.properties", "# rules\nmode=HIDE\n*.*.r=*\nw1.zones.r=PLANNER,FORESTRY\nw1.*.w=ADMIN\n");
        Catalog c = CatalogLoader.load(ws);
        org.ecoplan.catalog.security.SecurityConfig sc = SecurityLoader.load(ws.resolve("security"), c);
        assertTrue(sc.enabled());
        assertEquals("planner", sc.users().get(0).name());
        assertEquals(3, sc.rules().rules().size());
        var anonymous = org.ecoplan.catalog.security.Caller.ANONYMOUS;
        var planner = org.ecoplan.catalog.security.Caller.authenticated("planner", java.util.Set.of("PLANNER"));
        assertFalse(sc.rules().canRead(anonymous, "w1", "zones"));
        assertTrue(sc.rules().canRead(planner, "w1", "zones"));
        assertTrue(sc.rules().canRead(anonymous, "w1", "targets"), "the *.* rule");
        assertFalse(sc.rules().allows(planner, "w1", "zones", org.ecoplan.catalog.security.AccessMode.WRITE));
        // the view of a caller leaves out what it may not read, as if it did not exist
        var view = c.view("w1", l -> sc.rules().canRead(anonymous, l.workspace(), l.id()));
        assertTrue(view.layer("zones").isEmpty());
        assertEquals(List.of("targets"), view.layers().stream().map(LayerConfig::id).toList());
        assertEquals(SecurityLoader.load(ws.resolve("nowhere"), c), org.ecoplan.catalog.security.SecurityConfig.NONE);

        write("security/users.yaml", "users:\n  - {name: planner, password: secret123, roles: [PLANNER]}\n"
                + "  - {name: planner, password: \"" + HASH + "\", roles: [PLANNER]}\n"
                + "  - {name: \"bad name\", password: \"" + HASH + "\", roles: [\"a b\"]}\n"
                + "tokens:\n  - {name: t1, sha256: nothex, roles: [X]}\n");
        write("security/layers.properties", "mode=CHALLENGE\nw1.lakes.r=A\nw9.*.r=A\nw1.zones.x=A\nw1.zones\n"
                + "*.zones.r=A\nw1.zones.r=A,B C\n");
        CatalogException e = assertThrows(CatalogException.class, () -> SecurityLoader.load(ws.resolve("security"), c));
        for (String x : List.of("users.yaml:2: the password of user 'planner' is not a bcrypt hash",
                "users.yaml:3: user 'planner' is listed twice", "user name 'bad name'", "role 'a b'",
                "the sha256 of token 't1' must be 64 lower-case hex digits", "layers.properties:1: mode CHALLENGE",
                "layers.properties:2: 'w1.lakes.r': no layer or group 'lakes'", "'w9.*.r': no workspace 'w9'",
                "permission 'x' must be r, w or a", "layers.properties:5: expected workspace.layer.permission",
                "a named layer needs a named workspace", "role 'B C'")) {
            assertTrue(e.getMessage().contains(x), "report lacks [" + x + "]:\n" + e.getMessage());
        }
        assertFalse(e.getMessage().contains("secret123"), "a plain password is never echoed");
    }

    @Test
    void reportsWorkspaceErrors() throws IOException {
        validWorkspace();
        write("layers/w2/workspace.yaml", workspaceFile("other", "http://example.org/w1"));
        write("layers/wms/workspace.yaml", workspaceFile("wms", "http://example.org/wms"));
        write("layers/w3/workspace.yaml", workspaceFile("w3", "not a uri").replace("EPSG:3857", "EPSG:999999"));
        write("layers/w5/workspace.yaml", workspaceFile("w5", "http://example.org/w5")
                + "planPeriod: {start: 2035, end: 2021}\n");
        write("layers/w6/workspace.yaml", workspaceFile("w6", "http://example.org/w6")
                + "planPeriod: {start: 近期, end: 2035}\n");
        write("layers/w4/zones.yaml", ZONES);
        write("layers/stray.yaml", ZONES);
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(ws));
        for (String x : List.of("w2/workspace.yaml:1: workspace name 'other' must match its directory 'layers/w2'",
                "is the namespace of workspace 'w1' already",
                "wms/workspace.yaml:1: workspace name 'wms' is a path the server answers itself",
                "w3/workspace.yaml:2: namespaceUri must be an absolute URI",
                "unknown CRS 'EPSG:999999'",
                "w4:1: a workspace directory needs its workspace.yaml",
                "stray.yaml:1: layer files belong in a workspace directory",
                "w5/workspace.yaml", "planPeriod starts (2035) after it ends (2021)",
                "planPeriod start must be a year such as 2021, not '近期'")) {
            assertTrue(e.getMessage().contains(x), "report lacks [" + x + "]:\n" + e.getMessage());
        }
    }

    @Test
    void needsTheGlobalFileAndAServedDefaultWorkspace() throws IOException {
        validWorkspace();
        Files.delete(ws.resolve("layers/global.yaml"));
        assertTrue(assertThrows(CatalogException.class, () -> CatalogLoader.load(ws)).getMessage()
                .contains("missing layers/global.yaml"));
        write("layers/global.yaml", GLOBAL.replace("defaultWorkspace: w1", "defaultWorkspace: nowhere"));
        assertTrue(assertThrows(CatalogException.class, () -> CatalogLoader.load(ws)).getMessage()
                .contains("defaultWorkspace 'nowhere' is not a served workspace"));
    }
}
