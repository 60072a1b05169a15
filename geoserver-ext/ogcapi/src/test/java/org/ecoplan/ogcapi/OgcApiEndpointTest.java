package org.ecoplan.ogcapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pieces of the OGC API endpoint that need no server: link relations of HTML pages, content negotiation. */
class OgcApiEndpointTest {
    @Test
    void anHtmlPageIsItsOwnSelfAndTheJsonItsAlternate() {
        List<Map<String, Object>> json = List.of(CollectionDocument.link("a?f=json", "self", "application/json", null),
                CollectionDocument.link("a?f=html", "alternate", "text/html", null),
                CollectionDocument.link("b", "data", "application/json", null));
        List<Map<String, Object>> html = OgcApiEndpoint.asHtmlPage(json);
        assertEquals("alternate", html.get(0).get("rel"));
        assertEquals("self", html.get(1).get("rel"));
        assertEquals("data", html.get(2).get("rel"));
        assertEquals("self", json.get(0).get("rel"), "the JSON document's own links are left as they are");
    }

    @Test
    void htmlOnlyWhenTheBrowserPrefersIt() {
        assertTrue(ApiFormat.prefersHtml("text/html,application/xhtml+xml,*/*;q=0.8"));
        assertFalse(ApiFormat.prefersHtml("application/geo+json, application/json;q=0.9, text/html;q=0.5"));
        assertFalse(ApiFormat.prefersHtml("application/json"));
        assertFalse(ApiFormat.prefersHtml("text/html;q=0"));
    }
}
