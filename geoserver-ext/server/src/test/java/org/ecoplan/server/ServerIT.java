package org.ecoplan.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import org.ecoplan.catalog.config.LayerConfig;
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
    void landingPageListsEveryLayerAndGroupInBothLanguages() {
        var body = given().baseUri(ServerFixture.baseUrl()).get("/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("阳高县国土空间生态修复规划"))
                .body(containsString("Yanggao"))
                .extract().asString();
        var catalog = ServerFixture.server().workspace().catalog();
        for (LayerConfig l : catalog.layers()) {
            org.junit.jupiter.api.Assertions.assertTrue(body.contains(">" + l.id() + "<"),
                    "landing page lacks layer " + l.id());
            org.junit.jupiter.api.Assertions.assertTrue(body.contains(LandingPage.esc(l.title().zh())),
                    "lacks title of " + l.id());
        }
        catalog.groups().forEach(g -> org.junit.jupiter.api.Assertions.assertTrue(body.contains(">" + g.id() + "<"),
                "landing page lacks group " + g.id()));
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
