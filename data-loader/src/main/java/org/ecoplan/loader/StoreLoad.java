package org.ecoplan.loader;

import java.io.PrintWriter;
import java.util.List;
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

    public static void write(DataStore store, List<ValidatedLayer> layers, PrintWriter progress) {
        try (StoreWriter writer = store.writer()) {
            for (ValidatedLayer l : layers) {
                String id = l.id();
                long[] reported = {0};
                long total = l.count();
                try (FeatureReplay.Features features = l.open()) {
                    writer.replaceTable(l.config().featureType(), l.config().table(), features, l.version(), n -> {
                        // stores report at their own pace; print once per step crossed
                        long step = total >= 100 * LayerValidator.PROGRESS_EVERY
                                ? total / 100
                                : LayerValidator.PROGRESS_EVERY;
                        if (n / step > reported[0] / step && n < total) {
                            reported[0] = n;
                            progress.println(id + ": " + n + "/" + total + " features written (" + n * 100 / total
                                    + "%)");
                        }
                    });
                }
                progress.println(id + ": " + total + " features written to table " + l.config().table()
                        + " (version " + l.version().substring(0, 12) + ")");
            }
            writer.commit();
        }
    }
}
