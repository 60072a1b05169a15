package org.ecoplan.render;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class CanvasPoolTest {
    @Test
    void keepsLargeImagesOfTheSizesInUseAndNotSmallOnes() {
        CanvasPool pool = new CanvasPool();
        BufferedImage large = pool.take(512, 512, BufferedImage.TYPE_INT_ARGB);
        pool.give(large);
        assertSame(large, pool.take(512, 512, BufferedImage.TYPE_INT_ARGB));
        assertNotSame(large, pool.take(512, 512, BufferedImage.TYPE_INT_ARGB), "given out once, not twice");
        BufferedImage small = pool.take(100, 100, BufferedImage.TYPE_INT_ARGB);
        pool.give(small);
        assertNotSame(small, pool.take(100, 100, BufferedImage.TYPE_INT_ARGB), "a small image is not kept");
    }

    /** Past the sizes it may hold, a new size empties the pool: what is in use now is what it keeps. */
    @Test
    void aNewSizePastTheLimitEmptiesThePool() {
        CanvasPool pool = new CanvasPool();
        BufferedImage first = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        pool.give(first);
        for (int i = 1; i < 16; i++) pool.give(new BufferedImage(300 + i, 300, BufferedImage.TYPE_INT_RGB));
        BufferedImage newcomer = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        pool.give(newcomer);
        assertSame(newcomer, pool.take(400, 400, BufferedImage.TYPE_INT_RGB));
        assertNotSame(first, pool.take(300, 300, BufferedImage.TYPE_INT_RGB), "the old sizes were let go");
    }

    @Test
    void theBoundInBytesHolds() {
        CanvasPool pool = new CanvasPool();
        // 4 MiB each: eight fill the 32 MiB; the ninth is not kept
        BufferedImage[] images = new BufferedImage[9];
        for (int i = 0; i < 9; i++) images[i] = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_ARGB);
        for (BufferedImage image : images) pool.give(image);
        int back = 0;
        for (int i = 0; i < 9; i++) {
            BufferedImage t = pool.take(1024, 1024, BufferedImage.TYPE_INT_ARGB);
            for (BufferedImage image : images) if (t == image) back++;
        }
        org.junit.jupiter.api.Assertions.assertEquals(8, back);
    }
}
