package org.ecoplan.store.postgis;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class PostGisDialectTest {
    /** Float rounding outward, as PostGIS stores boxes: the next float at or beyond the value. */
    private static double down(double v) {
        float f = (float) v;
        return f <= v ? f : Math.nextDown(f);
    }

    private static double up(double v) {
        float f = (float) v;
        return f >= v ? f : Math.nextUp(f);
    }

    @Test
    void theInteriorRoundedOutwardStaysInsideTheBox() {
        Envelope[] boxes = {new Envelope(113.8 + 1e-9, 113.9, 40.0, 40.2), new Envelope(-180, 180, -90, 90),
                new Envelope(12668158.0523, 12668400.0, 4880484.6657, 4880600.0), new Envelope(-1e-3, 1e-3, -2, 2),
                new Envelope(1.999999, 2.000001, 0.5, 0.50001)};
        for (Envelope b : boxes) {
            Envelope in = PostGisDialect.floatSafeInterior(b);
            assertTrue(in != null, "interior of " + b);
            assertTrue(down(in.getMinX()) >= b.getMinX() && up(in.getMaxX()) <= b.getMaxX(), "x of " + b);
            assertTrue(down(in.getMinY()) >= b.getMinY() && up(in.getMaxY()) <= b.getMaxY(), "y of " + b);
        }
    }

    @Test
    void aBoxThinnerThanFloatPrecisionHasNoInterior() {
        assertNull(PostGisDialect.floatSafeInterior(new Envelope(113.8, 113.8 + 1e-9, 40, 41)));
        assertNull(PostGisDialect.floatSafeInterior(new Envelope(113.8, 113.8, 40.1, 40.1)));
    }
}
