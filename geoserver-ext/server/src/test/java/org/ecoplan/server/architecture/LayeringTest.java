package org.ecoplan.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one statement of house rule 1 (dependencies point one way), checked on the compiled main
 * classes of every module, so it is true for each class and not only for the Maven dependencies:
 *
 * <pre>
 * catalog ← stores                     (data-loader: catalog, stores, formats)
 * catalog ← ows ← map ← wms | wmts | vectortiles | viewer ← server
 * catalog ← render ← map;   ows ← wfs ← server;   map ← ogcapi ← server
 * formats ← ogcapi (a site file for the plan check); formats stands alone (file formats only)
 * </pre>
 *
 * The services never see each other, and only the server sees Jetty. This module's test classpath
 * holds every module, which is why the rule lives here.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ecoplan");
    }

    @Test
    void dependenciesPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("catalog").definedBy("org.ecoplan.catalog..")
                .layer("stores").definedBy("org.ecoplan.store..")
                .layer("ows").definedBy("org.ecoplan.ows..")
                .layer("render").definedBy("org.ecoplan.render..")
                .layer("map").definedBy("org.ecoplan.map..")
                .layer("wms").definedBy("org.ecoplan.wms..")
                .layer("wfs").definedBy("org.ecoplan.wfs..")
                .layer("wmts").definedBy("org.ecoplan.wmts..")
                .layer("vectortiles").definedBy("org.ecoplan.vectortiles..")
                .layer("viewer").definedBy("org.ecoplan.viewer..")
                .layer("ogcapi").definedBy("org.ecoplan.ogcapi..")
                .layer("server").definedBy("org.ecoplan.server..")
                .layer("loader").definedBy("org.ecoplan.loader..")
                .layer("testkit").definedBy("org.ecoplan.testkit..")
                .layer("formats").definedBy("org.ecoplan.formats..")
                .whereLayer("catalog").mayNotAccessAnyLayer()
                .whereLayer("formats").mayNotAccessAnyLayer()
                .whereLayer("stores").mayOnlyAccessLayers("catalog")
                .whereLayer("ows").mayOnlyAccessLayers("catalog")
                .whereLayer("render").mayOnlyAccessLayers("catalog")
                .whereLayer("map").mayOnlyAccessLayers("catalog", "ows", "render")
                .whereLayer("wms").mayOnlyAccessLayers("catalog", "ows", "render", "map")
                .whereLayer("wfs").mayOnlyAccessLayers("catalog", "ows")
                .whereLayer("wmts").mayOnlyAccessLayers("catalog", "ows", "map")
                .whereLayer("vectortiles").mayOnlyAccessLayers("catalog", "ows", "map")
                .whereLayer("viewer").mayOnlyAccessLayers("catalog", "ows", "map")
                .whereLayer("ogcapi").mayOnlyAccessLayers("catalog", "ows", "map", "formats")
                .whereLayer("loader").mayOnlyAccessLayers("catalog", "stores", "formats")
                .whereLayer("testkit").mayOnlyAccessLayers("catalog", "ows")
                .check(classes);
    }

    @Test
    void onlyTheServerSeesJetty() {
        noClasses().that().resideOutsideOfPackage("org.ecoplan.server..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..")
                .check(classes);
    }
}
