package org.ecoplan.map.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class TileMatrixSetsTest {
    private static final double HALF = 20037508.342789244;

    @Test
    void webMercatorQuadMatchesTheWellKnownScaleSet() {
        TileMatrixSet s = TileMatrixSets.WEB_MERCATOR_QUAD;
        TileMatrix z0 = s.matrix("0").orElseThrow();
        assertEquals(559082264.0287178, z0.scaleDenominator(), 1e-6);
        assertEquals(1, z0.matrixWidth());
        assertEquals(new Envelope(-HALF, HALF, -HALF, HALF), s.tileEnvelope(z0, 0, 0));
        TileMatrix z1 = s.matrix("1").orElseThrow();
        Envelope e = s.tileEnvelope(z1, 1, 0);
        assertEquals(0, e.getMinX(), 1e-6);
        assertEquals(HALF, e.getMaxX(), 1e-6);
        assertEquals(0, e.getMinY(), 1e-6);
        assertEquals(HALF, e.getMaxY(), 1e-6);
        assertEquals(1066.364791924892, s.matrix("19").orElseThrow().scaleDenominator(), 1e-6);
        assertEquals("-20037508.342789244 20037508.342789244", s.topLeftCorner());
    }

    @Test
    void worldCrs84QuadHasTwoTilesAtLevelZero() {
        TileMatrixSet s = TileMatrixSets.WORLD_CRS84_QUAD;
        TileMatrix z0 = s.matrix("0").orElseThrow();
        assertEquals(2, z0.matrixWidth());
        assertEquals(1, z0.matrixHeight());
        assertEquals(279541132.0143589, z0.scaleDenominator(), 1e-6);
        assertEquals(new Envelope(0, 180, -90, 90), s.tileEnvelope(z0, 1, 0));
        assertEquals("-180 90", s.topLeftCorner());
    }

    /** 天地图 c grid: level z has 2^z × 2^(z-1) tiles of 180/2^(z-1) degrees from (-180, 90). */
    @Test
    void cgcs2000QuadIsTheTianDiTuGrid() {
        TileMatrixSet s = TileMatrixSets.CGCS2000_QUAD;
        assertEquals("1", s.matrices().get(0).identifier());
        assertEquals("21", s.matrices().get(s.matrices().size() - 1).identifier());
        TileMatrix l1 = s.matrix("1").orElseThrow();
        assertEquals(0.703125, l1.resolution(), 0);
        assertEquals(2, l1.matrixWidth());
        assertEquals(1, l1.matrixHeight());
        assertEquals("90 -180", s.topLeftCorner());
        for (int z : new int[]{1, 5, 10, 14, 18}) {
            TileMatrix m = s.matrix(Integer.toString(z)).orElseThrow();
            double span = 180.0 / (1L << (z - 1));
            long col = (long) Math.floor((113.8 + 180) / span);
            long row = (long) Math.floor((90 - 40.1) / span);
            Envelope e = s.tileEnvelope(m, col, row);
            assertEquals(-180 + col * span, e.getMinX(), 1e-9, "level " + z);
            assertEquals(90 - row * span, e.getMaxY(), 1e-9, "level " + z);
            assertEquals(span, e.getWidth(), 1e-12, "level " + z);
            assertTrue(e.contains(113.8, 40.1));
        }
    }

    @Test
    void aliasesFindTheSets() {
        assertSame(TileMatrixSets.WEB_MERCATOR_QUAD, TileMatrixSets.find("GoogleMapsCompatible").orElseThrow());
        assertSame(TileMatrixSets.WEB_MERCATOR_QUAD, TileMatrixSets.find("EPSG:3857").orElseThrow());
        assertSame(TileMatrixSets.WORLD_CRS84_QUAD, TileMatrixSets.find("worldcrs84quad").orElseThrow());
        assertSame(TileMatrixSets.CGCS2000_QUAD, TileMatrixSets.find("c").orElseThrow());
        assertSame(TileMatrixSets.CGCS2000_QUAD, TileMatrixSets.find("EPSG:4490").orElseThrow());
        assertFalse(TileMatrixSets.find("EPSG:4326x").isPresent());
    }

    @Test
    void rangeCoversTheTilesAnEnvelopeMeets() {
        TileMatrixSet s = TileMatrixSets.WORLD_CRS84_QUAD;
        TileMatrix z2 = s.matrix("2").orElseThrow(); // 8 x 4 tiles of 45 degrees
        TileRange r = s.range(z2, new Envelope(100, 120, 30, 50));
        assertEquals(new TileRange("2", 6, 0, 6, 1), r);
        TileRange edge = s.range(z2, new Envelope(90, 135, 0, 45)); // exactly one tile, edges touching neighbours
        assertEquals(new TileRange("2", 6, 1, 6, 1), edge);
        TileRange clipped = s.range(z2, new Envelope(-500, 500, -100, 100));
        assertEquals(new TileRange("2", 0, 0, 7, 3), clipped);
    }

    @Test
    void limitsFollowTheDataBounds() {
        Map<String, TileRange> limits = LayerLimits.of(new Envelope(113.6, 114.2, 40.0, 40.4),
                TileMatrixSets.CGCS2000_QUAD);
        assertEquals(21, limits.size());
        TileRange l1 = limits.get("1");
        assertEquals(new TileRange("1", 1, 0, 1, 0), l1);
        TileRange l10 = limits.get("10");
        double span = 180.0 / 512;
        assertEquals((long) Math.floor((113.6 + 180) / span), l10.minCol());
        assertEquals((long) Math.floor((114.2 + 180) / span), l10.maxCol());
        assertEquals((long) Math.floor((90 - 40.4) / span), l10.minRow());
        assertTrue(LayerLimits.of(new Envelope(), TileMatrixSets.CGCS2000_QUAD).isEmpty());
    }

    @Test
    void metaTilesAlignToFourAndClipToTheMatrix() {
        TileMatrix z1 = TileMatrixSets.WEB_MERCATOR_QUAD.matrix("1").orElseThrow();
        MetaTile m = MetaTile.of(TileMatrixSets.WEB_MERCATOR_QUAD, z1, 1, 1);
        assertEquals(0, m.col());
        assertEquals(2, m.cols());
        TileMatrix z5 = TileMatrixSets.WEB_MERCATOR_QUAD.matrix("5").orElseThrow();
        MetaTile m5 = MetaTile.of(TileMatrixSets.WEB_MERCATOR_QUAD, z5, 13, 22);
        assertEquals(12, m5.col());
        assertEquals(20, m5.row());
        assertEquals(4, m5.cols());
        assertTrue(m5.contains(15, 23));
        assertFalse(m5.contains(16, 23));
    }

    /**
     * The registry is the one definition every tile service numbers its levels by: matrix
     * identifiers are consecutive numbers (XYZ and vector tile URLs use them as z), each level
     * halves the cell size of the one before, and CGCS2000Quad level n has exactly the tiles of
     * WorldCRS84Quad level n - 1 (the same grid in another datum's name).
     */
    @Test
    void registryIsOneConsistentSetOfLevels() {
        for (TileMatrixSet set : TileMatrixSets.all()) {
            assertEquals(set, TileMatrixSets.find(set.identifier()).orElseThrow());
            for (int i = 0; i < set.matrices().size(); i++) {
                TileMatrix m = set.matrices().get(i);
                assertEquals(Integer.toString(set.firstZoom() + i), m.identifier(), set.identifier());
                assertEquals(m, set.matrix(set.firstZoom() + i).orElseThrow());
                if (i > 0) {
                    assertEquals(set.matrices().get(i - 1).resolution() / 2, m.resolution(), 1e-15, set.identifier());
                    assertEquals(set.matrices().get(i - 1).matrixWidth() * 2, m.matrixWidth(), set.identifier());
                }
            }
        }
        TileMatrixSet crs84 = TileMatrixSets.WORLD_CRS84_QUAD;
        TileMatrixSet cgcs = TileMatrixSets.CGCS2000_QUAD;
        assertEquals(crs84.matrices().size(), cgcs.matrices().size());
        for (TileMatrix m : crs84.matrices()) {
            int z = Integer.parseInt(m.identifier());
            TileMatrix n = cgcs.matrix(z + 1).orElseThrow();
            assertEquals(m.matrixWidth(), n.matrixWidth());
            assertEquals(m.matrixHeight(), n.matrixHeight());
            assertEquals(crs84.tileEnvelope(m, m.matrixWidth() - 1, 0), cgcs.tileEnvelope(n, n.matrixWidth() - 1, 0));
        }
        assertEquals(0, TileMatrixSets.WEB_MERCATOR_QUAD.firstZoom());
        assertEquals(TileMatrixSets.MERCATOR_MAX_ZOOM, TileMatrixSets.WEB_MERCATOR_QUAD.lastZoom());
        assertEquals(1, cgcs.firstZoom());
    }
}
