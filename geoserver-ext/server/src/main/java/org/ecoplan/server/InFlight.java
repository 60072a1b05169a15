package org.ecoplan.server;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The work one catalog generation is still doing — requests it answers and background tasks it
 * started (a tile seed) — so a reload closes its stores only once that work is done.
 */
final class InFlight {
    private final AtomicInteger count = new AtomicInteger();

    void begin() { count.incrementAndGet(); }

    void end() { count.decrementAndGet(); }

    boolean idle() { return count.get() == 0; }
}
