package org.ecoplan.server.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.GeometryDescriptor;
import org.ecoplan.catalog.GeometryType;
import org.ecoplan.catalog.config.StyleRefs;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.map.MapCore;
import org.ecoplan.map.tiles.TileCache;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.testkit.MemoryFeatureSource;
import org.ecoplan.testkit.TestContext;
import org.ecoplan.wms.WmsService;
import org.ecoplan.wmts.WmtsService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * ECOPLAN_MAX_CONCURRENT_RENDERS bounds WMS maps and tile blocks together: with a limit of 2,
 * six GetMap and six GetTile requests (each tile in a metatile of its own) arriving at once never
 * have more than two renders reading the store at the same time. Every render reads the one
 * layer, whose cursor is slow, so the most cursors open at once is the most renders at once.
 * (With a limit per service, as before the map core, WMS and tiles each took two.)
 */
class SharedRenderLimitTest {
    @TempDir
    Path dir;

    @Test
    void theLimitHoldsAcrossWmsAndTiles() throws Exception {
        FeatureType type = new FeatureType("zones", List.of(AttributeDescriptor.of("name", AttributeType.STRING)),
                new GeometryDescriptor("geom", GeometryType.POLYGON, CrsRegistry.CGCS2000));
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            var g = new GeometryFactory().toGeometry(new Envelope(113.0 + i * 0.01, 115.0, 39.5, 41.0));
            features.add(new Feature("zones." + (i + 1), Map.of("name", "z" + i), g));
        }
        MemoryFeatureSource zones = new MemoryFeatureSource(type, features);
        zones.slowDown(25);
        ServerSettings limitOfTwo = new ServerSettings(4096, 4096, 60_000, 2, 100, 60_000, 1 << 20);
        TestContext context = TestContext.in(dir).settings(limitOfTwo).style("zones", """
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld">
                  <NamedLayer><Name>zones</Name><UserStyle><Name>zones</Name><FeatureTypeStyle><Rule>
                    <PolygonSymbolizer/></Rule></FeatureTypeStyle></UserStyle></NamedLayer>
                </StyledLayerDescriptor>
                """).layer("zones", "分区", "Zones", zones, new StyleRefs("zones", List.of()), true).build();
        MapCore core = context.components().register(MapCore.class,
                MapCore.create(context, new TileCache(1 << 20, null), 0));
        WmsService wms = new WmsService(context);
        WmtsService wmts = new WmtsService(context, core);

        List<Callable<OwsResponse>> work = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double x = 113.5 + i * 0.05;
            work.add(() -> wms.handle(get("SERVICE=WMS", "VERSION=1.3.0", "REQUEST=GetMap", "LAYERS=zones", "STYLES=",
                    "CRS=CRS:84", "BBOX=" + x + ",40.0," + (x + 0.2) + ",40.2", "WIDTH=256", "HEIGHT=256",
                    "FORMAT=image/png")));
            long col = 3336 + 4L * i; // WebMercatorQuad 12 from 113.3 E: one tile per metatile
            work.add(() -> wmts.handle(get("SERVICE=WMTS", "VERSION=1.0.0", "REQUEST=GetTile", "LAYER=zones",
                    "STYLE=", "FORMAT=image/png", "TILEMATRIXSET=WebMercatorQuad", "TILEMATRIX=12", "TILEROW=1542",
                    "TILECOL=" + col)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            for (Future<OwsResponse> f : pool.invokeAll(work)) assertEquals(200, f.get().status());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(12, zones.queries(), "every request rendered");
        assertTrue(zones.maxOpenCursors() <= 2, "renders at once: " + zones.maxOpenCursors());
        assertEquals(2, zones.maxOpenCursors(), "the limit was reached, so the test measured something");
    }

    private static OwsRequest get(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : kv) m.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        return new OwsRequest("GET", "/ows", new KvpMap(m), null, null, "http://localhost", Map.of());
    }
}
