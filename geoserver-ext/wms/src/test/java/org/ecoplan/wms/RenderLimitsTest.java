package org.ecoplan.wms;

import static org.ecoplan.wms.TestWorkspace.body;
import static org.ecoplan.wms.TestWorkspace.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.testkit.MemoryFeatureSource;
import org.ecoplan.testkit.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The render time limit: a layer whose cursor takes at least 2 ms per feature cannot render 200
 * features within a 1 ms limit, so the request must end with an exception (not hang, not return a
 * partial map) and give its render slot back.
 */
class RenderLimitsTest {
    @TempDir
    Path dir;

    /** The fixture, with "sites" replaced by 200 points delivered 2 ms apart. */
    private TestContext slowContext(ServerSettings settings) throws Exception {
        List<Feature> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(new Feature("sites." + i, Map.of("name", "p" + i),
                    TestWorkspace.geom("POINT(" + (113.6 + i * 0.002) + " 40.15)")));
        }
        FeatureType sitesType = new FeatureType("sites", List.of(AttributeDescriptor.of("name", AttributeType.STRING)),
                new GeometryDescriptor("geom", GeometryType.POINT, CrsRegistry.CGCS2000));
        MemoryFeatureSource slow = new MemoryFeatureSource(sitesType, many);
        slow.slowDown(2);
        TestContext context = TestWorkspace.builder(dir, settings)
                .layer("sites", "工程点位", "Project sites", slow, new StyleRefs("sites", List.of()), false).build();
        context.components().register(MapCore.class, MapCore.create(context, new TileCache(1 << 20, null), 0));
        return context;
    }

    @Test
    void renderPastTheLimitIsAnExceptionAndFreesTheSlot() throws Exception {
        ServerSettings tight = new ServerSettings(2000, 2000, 1, 1, 100, 60_000, 1 << 20);
        WmsService wms = new WmsService(slowContext(tight));
        OwsRequest slow = get("SERVICE=WMS", "VERSION=1.3.0", "REQUEST=GetMap", "LAYERS=sites", "STYLES=",
                "CRS=EPSG:4490",
                "BBOX=40.0,113.5,40.3,114.1", "WIDTH=300", "HEIGHT=150", "FORMAT=image/png");
        ServiceException e = assertThrows(ServiceException.class, () -> wms.handle(slow));
        assertEquals(503, e.httpStatus());
        assertTrue(e.getMessage().contains("limit of 1 ms"), e.getMessage());
        String report = new String(body(wms.exception(e, slow)), StandardCharsets.UTF_8);
        assertTrue(report.contains("ServiceExceptionReport"), report);
        // the only render slot was given back: the next request gets the time-limit error again,
        // not ServiceUnavailable (which a leaked slot would cause)
        ServiceException again = assertThrows(ServiceException.class, () -> wms.handle(slow));
        assertEquals("NoApplicableCode", again.code());
        assertTrue(again.getMessage().contains("limit of 1 ms"), again.getMessage());
    }
}
