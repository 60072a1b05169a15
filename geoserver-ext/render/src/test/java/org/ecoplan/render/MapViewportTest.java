package org.ecoplan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ecoplan.catalog.crs.CrsRegistry;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class MapViewportTest {
    @Test
    void scaleDenominatorsMatchTheOgcWellKnownScaleSets() {
        // OGC WMTS Annex E: GoogleMapsCompatible level 0 and GoogleCRS84Quad level 0 are 559082264.0287178
        double half = 20037508.342789244;
        assertEquals(559082264.0287178, new MapViewport(new Envelope(-half, half, -half, half), 256, 256,
                CrsRegistry.WEB_MERCATOR).scaleDenominator(), 1e-3);
        assertEquals(559082264.0287178, new MapViewport(new Envelope(-180, 180, -90, 90), 256, 128,
                CrsRegistry.CGCS2000).scaleDenominator(), 1e-3);
        // 5 m per pixel in a projected CRS: 5 / 0.00028
        assertEquals(17857.142857, new MapViewport(new Envelope(0, 1000, 0, 1000), 200, 200,
                CrsRegistry.CGCS2000_GK_114E).scaleDenominator(), 1e-5);
    }

    @Test
    void pixelsRunRightAndDownAndPatternsAnchorAtTheWorldOrigin() {
        MapViewport v = new MapViewport(new Envelope(100, 300, 50, 150), 400, 200, CrsRegistry.CGCS2000_GK_114E);
        assertEquals(0, v.toPixelX(100), 1e-9);
        assertEquals(400, v.toPixelX(300), 1e-9);
        assertEquals(0, v.toPixelY(150), 1e-9);
        assertEquals(200, v.toPixelY(50), 1e-9);
        // world x = 0 is 200 px left of the image: 200 mod 8 = 0; y = 0 is 300 px below the top: 300 mod 8 = 4
        assertEquals(0, v.patternOffsetX(8));
        assertEquals(4, v.patternOffsetY(8));
        Envelope b = v.buffered(10);
        assertEquals(95, b.getMinX(), 1e-9);
        assertEquals(155, b.getMaxY(), 1e-9);
    }
}
