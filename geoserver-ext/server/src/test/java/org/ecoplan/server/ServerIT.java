package org.ecoplan.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.ows.encode.Markup;
import org.junit.jupiter.api.Test;

/** The running service on the shipped plan data: health, landing page, unknown paths. */
class ServerIT {

    @Test
    void healthAnswersUp() {
        given().baseUri(ServerFixture.baseUrl()).get("/health")
                .then().statusCode(200).contentType("application/json")
                .body("status", equalTo("UP"))
                .body("layers", greaterThan(10));
    }

    @Test
    void theGlobalLandingPageListsEveryWorkspaceAndItsOwnPageItsLayers() {
        var global = given().baseUri(ServerFixture.baseUrl()).get("/")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        var catalog = ServerFixture.server().context().catalog();
        for (var w : catalog.workspaces()) {
            assertTrue(global.contains("href=\"" + w.name() + "/\""), "no link to workspace " + w.name());
            assertTrue(global.contains(Markup.escape(w.services().service("wms").title().zh())), w.name());
        }
        assertTrue(global.contains(">yanggao:restoration_zones<"), "global names are qualified");
        var page = given().baseUri(ServerFixture.planUrl()).get("/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("阳高县")).body(containsString("Yanggao")).extract().asString();
        for (LayerConfig l : ServerFixture.plan().layers()) {
            assertTrue(page.contains(">" + l.id() + "<"), "landing page lacks layer " + l.id());
            assertTrue(page.contains(Markup.escape(l.title().zh())), "lacks title of " + l.id());
        }
        ServerFixture.plan().groups().forEach(g -> assertTrue(page.contains(">" + g.id() + "<"),
                "landing page lacks group " + g.id()));
        assertTrue(!page.contains("demo:") && !page.contains("示例县"), "a workspace's page shows only its own layers");
    }

    @Test
    void unknownPathIs404AndCorsIsOpen() {
        given().baseUri(ServerFixture.baseUrl()).get("/no/such/thing")
                .then().statusCode(404).header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void unknownServiceGetsAnOwsExceptionReport() {
        given().baseUri(ServerFixture.baseUrl()).get("/ows?service=XYZ&request=GetCapabilities")
                .then().statusCode(400)
                .body(containsString("ExceptionReport"))
                .body(containsString("exceptionCode=\"InvalidParameterValue\""))
                .body(containsString("locator=\"service\""));
    }
}
