package org.ecoplan.loader;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.StoreWriter;

/**
 * Writes validated layers into a store in one {@link StoreWriter} transaction: every table is
 * replaced, then all become visible together at commit. Any exception before the commit — a
 * database error, a full disk, a failing feature stream — closes the writer uncommitted, which
 * rolls everything back, so the data served before stays served.
 */
public final class StoreLoad {
    private StoreLoad() {}

    /** Writes the layers and commits. */
    public static void write(DataStore store, List<ValidatedLayer> layers, PrintWriter progress) {
        try (StoreWriter writer = store.writer()) {
            writeLayers(writer, layers, progress);
            writer.commit();
        }
    }

    /** Writes the layers into an open transaction, leaving the commit to the caller. */
    static void writeLayers(StoreWriter writer, List<ValidatedLayer> layers, PrintWriter progress) {
        for (ValidatedLayer l : layers) {
            String id = l.id();
            long total = l.count();
            long[] reported = {0};
            long[] written = {0};
            // a streamed layer is read (and checked) on a second thread while this one writes
            try (FeatureReplay.Features features = l.streamed() ? new PrefetchedFeatures(l.open(), id) : l.open()) {
                Iterator<Feature> counted = new Iterator<>() {
                    @Override
                    public boolean hasNext() { return features.hasNext(); }

                    @Override
                    public Feature next() {
                        written[0]++;
                        return features.next();
                    }
                };
                writer.replaceTable(l.config().featureType(), l.config().table(), counted, l.version(), n -> {
                    // a layer checked while it is written reports its reading already
                    if (total < 0) return;
                    // stores report at their own pace; print once per step crossed
                    long step = total >= 100L * LayerValidator.PROGRESS_EVERY
                            ? total / 100
                            : LayerValidator.PROGRESS_EVERY;
                    if (n / step > reported[0] / step && n < total) {
                        reported[0] = n;
                        progress.println(id + ": " + n + "/" + total + " features written (" + n * 100 / total + "%)");
                    }
                });
            }
            progress.println(id + ": " + written[0] + " features written to table " + l.config().table() + " (version "
                    + l.version().substring(0, 12) + ")");
        }
    }
}
