package org.ecoplan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecoplan.catalog.config.CatalogLoader;
import org.ecoplan.catalog.config.LayerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Published names, GeoServer's way: unqualified in a virtual service, qualified at the global endpoints. */
class CatalogViewTest {
    @TempDir
    Path dir;
    Catalog catalog;

    private void write(String rel, String text) throws IOException {
        Files.createDirectories(dir.resolve(rel).getParent());
        Files.writeString(dir.resolve(rel), text);
    }

    private static String layer(String id) {
        return """
                id: %s
                title: {zh: %s, en: %s}
                abstract: {zh: a, en: a}
                store: s
                geometry: {type: none}
                metadata: {source: s, licence: l, attribution: a, schematic: false, confidence: high}
                """.formatted(id, id, id);
    }

    @BeforeEach
    void twoWorkspaces() throws IOException {
        write("layers/global.yaml", """
                title: {zh: 全局, en: Global}
                abstract: {zh: 全局, en: Global}
                crs: [CRS:84]
                defaultWorkspace: a
                """);
        for (String ws : List.of("a", "b")) {
            write("layers/" + ws + "/workspace.yaml", """
                    name: %s
                    namespaceUri: http://example.org/%s
                    title: {zh: %s, en: %s}
                    abstract: {zh: x, en: x}
                    crs: [EPSG:4490]
                    """.formatted(ws, ws, ws, ws));
            write("layers/" + ws + "/stores/s.yaml", "id: s\nurl: gpkg:x.gpkg\n");
            write("layers/" + ws + "/zones.yaml", layer("zones"));
            write("layers/" + ws + "/groups/fig.yaml", "id: fig\ntitle: {zh: 图, en: Fig}\nlayers: [zones]\n");
        }
        write("layers/b/only_b.yaml", layer("only_b"));
        catalog = CatalogLoader.load(dir);
    }

    @Test
    void virtualServicesPublishTheirWorkspaceUnqualified() {
        CatalogView b = catalog.view("b");
        assertEquals(List.of("only_b", "zones"), b.layers().stream().map(b::name).toList());
        assertEquals("b:zones", b.layer("zones").orElseThrow().qualifiedName());
        assertEquals("b:zones", b.layer("b:zones").orElseThrow().qualifiedName(), "its own prefix is accepted");
        assertTrue(b.layer("a:zones").isEmpty(), "another workspace's layer is not published here");
        assertEquals("/b", b.pathPrefix());
        assertEquals("b", b.service("wms").title().en());
        assertEquals(List.of("EPSG:4490"), b.services().crs());
        assertEquals(List.of("b:zones"), b.expand("fig").stream().map(LayerConfig::qualifiedName).toList());
    }

    @Test
    void theGlobalViewPublishesEveryWorkspaceQualified() {
        CatalogView g = catalog.globalView();
        assertEquals(List.of("a:zones", "b:only_b", "b:zones"), g.layers().stream().map(g::name).toList());
        assertEquals("b:zones", g.layer("b:zones").orElseThrow().qualifiedName());
        assertEquals("a:zones", g.layer("zones").orElseThrow().qualifiedName(), "unqualified: the default workspace");
        assertEquals("b:only_b", g.layer("only_b").orElseThrow().qualifiedName(), "else the one layer of that name");
        assertTrue(g.layer("c:zones").isEmpty());
        assertTrue(g.layer("nope").isEmpty());
        assertEquals("", g.pathPrefix());
        assertEquals("Global", g.service("wfs").title().en());
        assertEquals(List.of("a:fig", "b:fig"), g.groups().stream().map(g::name).toList());
    }
}
