package org.ecoplan.server.wfs;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.server.ServerFixture;

/** HTTP helpers of the WFS integration tests, against the fixture server with the shipped plan data. */
final class WfsSupport {
    private WfsSupport() {}

    /** The plan workspace's own endpoints (its virtual services publish its layers unqualified). */
    static String base() {
        return ServerFixture.planUrl();
    }

    static String wfsUrl() { return base() + "/wfs"; }

    static CatalogView catalog() { return ServerFixture.plan(); }

    static List<LayerConfig> layers() { return catalog().layers(); }

    /** A GET of /wfs with SERVICE=WFS, VERSION=2.0.0 and the given key/value pairs. */
    static Response get(String... kv) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("SERVICE", "WFS");
        p.put("VERSION", "2.0.0");
        for (int i = 0; i < kv.length; i += 2) p.put(kv[i], kv[i + 1]);
        return given().urlEncodingEnabled(true).queryParams(p).get(wfsUrl());
    }

    static Response post(String xml) {
        return given().contentType("application/xml").body(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(wfsUrl());
    }
}
