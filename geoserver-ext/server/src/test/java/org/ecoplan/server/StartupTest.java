package org.ecoplan.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecoplan.catalog.config.CatalogException;
import org.ecoplan.catalog.store.StoreException;
import org.ecoplan.ows.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An invalid catalog or a store without the layers' tables stops the start with a full report. */
class StartupTest {
    @TempDir
    Path ws;

    private void write(String rel, String text) throws IOException {
        Path p = ws.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** A data directory with one workspace, {@code w}, and its store. */
    private void workspace(String gpkg) throws IOException {
        write("layers/global.yaml", "title: {zh: 测试, en: Test}\nabstract: {zh: 测试, en: Test}\ncrs: [EPSG:4490]\n");
        write("layers/w/workspace.yaml", "name: w\nnamespaceUri: http://example.org/w\n"
                + "title: {zh: 测试, en: Test}\nabstract: {zh: 测试, en: Test}\ncrs: [EPSG:4490]\n");
        write("layers/w/stores/plan.yaml", "id: plan\nurl: gpkg:" + ws.resolve(gpkg) + "\n");
    }

    private void layer(String id, String style) throws IOException {
        write("layers/w/" + id + ".yaml", """
                id: %s
                title: {zh: 图层, en: Layer}
                abstract: {zh: 摘要, en: Abstract}
                store: plan
                geometry: {type: Point, crs: EPSG:4490}
                attributes:
                  - {name: name, type: string, alias: {zh: 名称, en: Name}}
                styles: {default: %s}
                metadata: {source: s, licence: l, attribution: a, schematic: false, confidence: high}
                """.formatted(id, style));
    }

    @Test
    void invalidCatalogStopsTheStartWithEveryError() throws IOException {
        workspace("plan.gpkg");
        layer("a", "missing_a");
        layer("b", "missing_b");
        CatalogException e = assertThrows(CatalogException.class,
                () -> EcoplanServer.start(new ServerConfig(0, "127.0.0.1", ws, ServerSettings.defaults())));
        assertTrue(
                e.getMessage().contains(
                        "a.yaml:8: missing style: neither styles/w/missing_a.sld nor styles/missing_a.sld exists"),
                e.getMessage());
        assertTrue(
                e.getMessage().contains(
                        "b.yaml:8: missing style: neither styles/w/missing_b.sld nor styles/missing_b.sld exists"),
                e.getMessage());
    }

    @Test
    void styleNamingAnUnknownAttributeStopsTheStart() throws IOException {
        workspace("plan.gpkg");
        write("styles/w/by_colour.sld",
                """
                        <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
                          <NamedLayer><Name>a</Name><UserStyle><Name>by_colour</Name><FeatureTypeStyle>
                            <Rule>
                              <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>colour</ogc:PropertyName>
                                <ogc:Literal>red</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
                              <PointSymbolizer/>
                            </Rule></FeatureTypeStyle></UserStyle></NamedLayer>
                        </StyledLayerDescriptor>
                        """);
        layer("a", "by_colour");
        CatalogException e = assertThrows(CatalogException.class,
                () -> EcoplanServer.start(new ServerConfig(0, "127.0.0.1", ws, ServerSettings.defaults())));
        assertTrue(e.getMessage().contains("by_colour.sld:"), e.getMessage());
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
    }

    @Test
    void unloadedDataStopsTheStartNamingTheTables() throws IOException {
        workspace("empty.gpkg");
        write("styles/w/dot.sld", """
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld">
                  <NamedLayer><Name>a</Name><UserStyle><Name>dot</Name><FeatureTypeStyle><Rule>
                    <PointSymbolizer/></Rule></FeatureTypeStyle></UserStyle></NamedLayer>
                </StyledLayerDescriptor>
                """);
        layer("a", "dot");
        StoreException e = assertThrows(StoreException.class,
                () -> EcoplanServer.start(new ServerConfig(0, "127.0.0.1", ws, ServerSettings.defaults())));
        assertTrue(e.getMessage().contains("layer w:a: table 'a' not in store 'plan'"), e.getMessage());
    }
}
