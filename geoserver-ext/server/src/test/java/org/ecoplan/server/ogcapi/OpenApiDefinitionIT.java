package org.ecoplan.server.ogcapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API definition (OGC 17-069r4 clause 7.3, conformance class OpenAPI 3.0) as a standard
 * OpenAPI parser reads it: valid OpenAPI 3.0 with no message, self-contained (every reference
 * points into the document), and describing every collection's items with its parameters.
 */
class OpenApiDefinitionIT {

    @ParameterizedTest
    @ValueSource(strings = {"yanggao", ""})
    void theDefinitionIsValidSelfContainedAndComplete(String workspace) {
        String api = ServerFixture.baseUrl() + (workspace.isEmpty() ? "" : "/" + workspace) + "/ogcapi";
        Response r = given().get(api + "/api");
        assertEquals(200, r.statusCode());
        assertEquals("application/vnd.oai.openapi+json;version=3.0", r.contentType());
        String text = r.asString();
        Matcher refs = Pattern.compile("\"\\$ref\"\\s*:\\s*\"([^\"]*)\"").matcher(text);
        int n = 0;
        while (refs.find()) {
            assertTrue(refs.group(1).startsWith("#/"), "a reference out of the document: " + refs.group(1));
            n++;
        }
        assertTrue(n > 0);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, null);
        assertEquals(List.of(), parsed.getMessages(), "the parser's messages");
        OpenAPI doc = parsed.getOpenAPI();
        assertNotNull(doc);
        assertTrue(doc.getOpenapi().startsWith("3.0"));
        assertEquals(api, doc.getServers().get(0).getUrl());
        List<LayerConfig> layers = ServerFixture.plan().layers();
        for (LayerConfig l : layers) {
            String id = workspace.isEmpty() ? l.qualifiedName() : l.id();
            PathItem items = doc.getPaths().get("/collections/" + id + "/items");
            assertNotNull(items, id);
            List<String> names = items.getGet().getParameters().stream().map(p -> resolve(doc, p).getName()).toList();
            for (String p : List.of("bbox", "bbox-crs", "crs", "datetime", "limit", "f")) {
                assertTrue(names.contains(p), id + " lacks " + p);
            }
            for (var a : l.featureType().attributes()) assertTrue(names.contains(a.name()), id + " " + a.name());
        }
        Parameter limit = doc.getComponents().getParameters().get("limit");
        assertEquals(1, limit.getSchema().getMinimum().intValue());
        assertEquals(10, ((Number) limit.getSchema().getDefault()).intValue());
    }

    private static Parameter resolve(OpenAPI doc, Parameter p) {
        if (p.get$ref() == null) return p;
        return doc.getComponents().getParameters().get(p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1));
    }
}
