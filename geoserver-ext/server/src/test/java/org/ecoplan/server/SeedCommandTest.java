package org.ecoplan.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ecoplan.map.tiles.TileMatrixSets;
import org.junit.jupiter.api.Test;

/** The seed command's options: zoom ranges per set, the lon/lat box, and refusals. */
class SeedCommandTest {
    @Test
    void seederOptions() {
        assertArrayEquals(new int[]{10, 14}, SeedCommand.zoomRange("10-14", TileMatrixSets.WEB_MERCATOR_QUAD));
        assertArrayEquals(new int[]{3, 3}, SeedCommand.zoomRange("3", TileMatrixSets.WEB_MERCATOR_QUAD));
        assertThrows(IllegalArgumentException.class, () -> SeedCommand.zoomRange("0-3", TileMatrixSets.CGCS2000_QUAD));
        assertThrows(IllegalArgumentException.class,
                () -> SeedCommand.zoomRange("5-2", TileMatrixSets.WEB_MERCATOR_QUAD));
        assertEquals(113.5, SeedCommand.bbox("113.5,39.9,114.4,40.6").getMinX());
        assertThrows(IllegalArgumentException.class, () -> SeedCommand.bbox("1,2,3"));
        assertThrows(IllegalArgumentException.class, () -> SeedCommand.options(new String[]{"seed", "--layer"}));
        assertThrows(IllegalArgumentException.class, () -> SeedCommand.run(new String[]{"grow"}, System.out));
    }
}
