package org.ecoplan.wms;

import org.ecoplan.testkit.MemoryFeatureSource;

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
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * The render time limit: a layer whose cursor takes at least 2 ms per feature cannot render 200
 * features within a 1 ms limit, so the request must end with an exception (not hang, not return a
 * partial map) and give its render slot back.
 */
class RenderLimitsTest {
    @TempDir
    Path dir;

    /** The fixture, with "sites" replaced by 200 points delivered slowly. */
    private record SlowContext(TestWorkspace fixture, ServerSettings settings) implements ServiceContext {
        @Override
        public Catalog catalog() { return fixture.catalog(); }
        @Override
        public ServerSettings settings() { return settings; }
        @Override
        public String updateSequence() { return "1"; }
        @Override
        public FeatureSource featureSource(LayerConfig layer) {
            FeatureSource real = fixture.featureSource(layer);
            if (!layer.id().equals("sites")) return real;
            List<Feature> many = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                many.add(new Feature("sites." + i, Map.of("name", "p" + i),
                        TestWorkspace.geom("POINT(" + (113.6 + i * 0.002) + " 40.15)")));
            }
            return new FeatureSource() {
                final MemoryFeatureSource list = new MemoryFeatureSource(real.schema(), many);
                @Override
                public FeatureType schema() { return list.schema(); }
                @Override
                public Envelope bounds() { return list.bounds(); }
                @Override
                public long count(FeatureQuery q) { return list.count(q); }
                @Override
                public String version() { return "slow"; }
                @Override
                public FeatureCursor features(FeatureQuery q) {
                    FeatureCursor c = list.features(q);
                    return new FeatureCursor() {
                        @Override
                        public boolean hasNext() { return c.hasNext(); }
                        @Override
                        public Feature next() {
                            try {
                                Thread.sleep(2);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return c.next();
                        }
                        @Override
                        public void close() { c.close(); }
                    };
                }
            };
        }
    }

    @Test
    void renderPastTheLimitIsAnExceptionAndFreesTheSlot() throws Exception {
        ServerSettings tight = new ServerSettings(2000, 2000, 1, 1, 100, 60_000, 1 << 20, false);
        WmsService wms = new WmsService(new SlowContext(new TestWorkspace(dir), tight));
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
