package org.ecoplan.server.wms;

import static org.ecoplan.server.wms.WmsTestSupport.catalog;
import static org.ecoplan.server.wms.WmsTestSupport.image;
import static org.ecoplan.server.wms.WmsTestSupport.wms;
import static org.ecoplan.server.wms.WmsTestSupport.xml;
import static org.ecoplan.server.wms.WmsTestSupport.xpath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecoplan.catalog.config.LayerConfig;
import org.junit.jupiter.api.Test;

/** GetFeatureInfo and GetLegendGraphic over HTTP against the plan data. */
class WmsGetFeatureInfoIT {
    /** A wide box around the county: its corners are outside every layer. */
    private static final String BBOX = "39.0,112.5,41.5,115.5";

    /** restoration_zones (the zones cover the county) when the plan has it, else any queryable polygon layer. */
    private static LayerConfig queryablePolygonLayer() {
        var zones = catalog().layer("restoration_zones").filter(LayerConfig::queryable);
        if (zones.isPresent()) return zones.get();
        return catalog().layers().stream()
                .filter(l -> l.queryable() && l.featureType().hasGeometry()
                        && l.featureType().geometry().type().dimension() == 2)
                .findFirst().orElseThrow(() -> new AssertionError("the plan has no queryable polygon layer"));
    }

    private static Map<String, String> params(String layer, String request) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("SERVICE", "WMS");
        m.put("VERSION", "1.3.0");
        m.put("REQUEST", request);
        m.put("LAYERS", layer);
        m.put("STYLES", "");
        m.put("CRS", "EPSG:4490");
        m.put("BBOX", BBOX);
        m.put("WIDTH", "300");
        m.put("HEIGHT", "250");
        m.put("FORMAT", "image/png");
        m.put("TRANSPARENT", "TRUE");
        return m;
    }

    /** A pixel whose 5×5 neighbourhood is all painted (inside a filled polygon), or null. */
    private static int[] insidePixel(BufferedImage img) {
        for (int y = 2; y < img.getHeight() - 2; y++) {
            for (int x = 2; x < img.getWidth() - 2; x++) {
                boolean all = true;
                for (int dy = -2; dy <= 2 && all; dy++)
                    for (int dx = -2; dx <= 2 && all; dx++) all = (img.getRGB(x + dx, y + dy) >>> 24) > 0;
                if (all) return new int[]{x, y};
            }
        }
        return null;
    }

    @Test
    void jsonHitWhereTheMapIsPaintedAndEmptyCollectionOutside() throws Exception {
        LayerConfig layer = queryablePolygonLayer();
        BufferedImage map = image(wms(params(layer.id(), "GetMap")).asByteArray());
        int[] p = insidePixel(map);
        assertTrue(p != null, "the map of " + layer.id() + " has a filled area");
        Map<String, String> gfi = params(layer.id(), "GetFeatureInfo");
        gfi.put("QUERY_LAYERS", layer.id());
        gfi.put("INFO_FORMAT", "application/json");
        gfi.put("I", Integer.toString(p[0]));
        gfi.put("J", Integer.toString(p[1]));
        var hit = wms(gfi);
        assertEquals(200, hit.statusCode());
        assertTrue(hit.contentType().startsWith("application/json"), hit.contentType());
        JsonNode j = new ObjectMapper().readTree(hit.asByteArray());
        assertEquals("FeatureCollection", j.get("type").asText());
        assertTrue(j.get("features").size() >= 1, "a feature under pixel " + p[0] + "," + p[1] + ": " + j);
        assertTrue(j.get("features").get(0).get("id").asText().startsWith(layer.id() + "."));

        gfi.put("I", "0");
        gfi.put("J", "0");
        JsonNode miss = new ObjectMapper().readTree(wms(gfi).asByteArray());
        assertEquals("FeatureCollection", miss.get("type").asText());
        assertEquals(0, miss.get("features").size());

        gfi.put("I", Integer.toString(p[0]));
        gfi.put("J", Integer.toString(p[1]));
        gfi.put("INFO_FORMAT", "text/html");
        String html = new String(wms(gfi).asByteArray(), StandardCharsets.UTF_8);
        String alias = layer.featureType().attributes().get(0).alias().zh();
        assertTrue(html.contains(alias), "html has the zh alias " + alias);
        gfi.put("INFO_FORMAT", "application/vnd.ogc.gml");
        assertEquals("1", xpath(xml(wms(gfi).asByteArray()), "count((//*[local-name()='featureMember'])[1])"));
    }

    @Test
    void featureInfoExceptions() throws Exception {
        LayerConfig layer = queryablePolygonLayer();
        Map<String, String> gfi = params(layer.id(), "GetFeatureInfo");
        gfi.put("QUERY_LAYERS", layer.id());
        gfi.put("INFO_FORMAT", "application/json");
        gfi.put("I", "300");
        gfi.put("J", "0");
        assertEquals("InvalidPoint", xpath(xml(wms(gfi).asByteArray()), "//ServiceException/@code"));
        gfi.put("I", "0");
        gfi.put("QUERY_LAYERS", "no_such_layer");
        assertEquals("LayerNotDefined", xpath(xml(wms(gfi).asByteArray()), "//ServiceException/@code"));
        var notQueryable = catalog().layers().stream().filter(l -> !l.queryable() && l.featureType().hasGeometry())
                .findFirst();
        if (notQueryable.isPresent()) {
            gfi.put("LAYERS", notQueryable.get().id());
            gfi.put("QUERY_LAYERS", notQueryable.get().id());
            assertEquals("LayerNotQueryable", xpath(xml(wms(gfi).asByteArray()), "//ServiceException/@code"));
        }
    }

    @Test
    void legendGraphicForEveryStyle() throws Exception {
        for (LayerConfig l : catalog().layers()) {
            if (!l.featureType().hasGeometry()) continue;
            for (String style : l.styles().all()) {
                var r = wms(Map.of("SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "VERSION", "1.3.0", "LAYER", l.id(),
                        "STYLE", style, "FORMAT", "image/png"));
                assertEquals("image/png", r.contentType(), l.id() + "/" + style);
                BufferedImage img = image(r.asByteArray());
                assertTrue(img.getWidth() > 20 && img.getHeight() >= 20,
                        l.id() + "/" + style + " " + img.getWidth() + "x" + img.getHeight());
            }
        }
    }

    /** project_sites labels its sites only below 1:250,000: SCALE drops that rule's row, and a bad SCALE is refused. */
    @Test
    void legendGraphicScaleShowsOnlyTheRulesThatApply() throws Exception {
        Map<String, String> p = new java.util.HashMap<>(
                Map.of("SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "VERSION", "1.3.0",
                        "LAYER", "project_sites", "FORMAT", "image/png"));
        int all = image(wms(p).asByteArray()).getHeight();
        p.put("SCALE", "100000");
        int near = image(wms(p).asByteArray()).getHeight();
        p.put("SCALE", "1000000");
        int far = image(wms(p).asByteArray()).getHeight();
        assertEquals(all, near, "at 1:100,000 every rule applies");
        assertTrue(far < near, "at 1:1,000,000 the label rule is left out: " + far + " vs " + near);
        p.put("SCALE", "-5");
        var bad = wms(p);
        assertEquals("InvalidParameterValue", xpath(xml(bad.asByteArray()), "//ServiceException/@code"));
        assertEquals("SCALE", xpath(xml(bad.asByteArray()), "//ServiceException/@locator"));
    }
}
