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
                writer.replaceTable(l.config().featureType(), l.config().table(), l.features().iterator(), l.version(),
                        n -> {
                            // stores report at their own pace; print once per thousand crossed
                            if (n / LayerValidator.PROGRESS_EVERY > reported[0] / LayerValidator.PROGRESS_EVERY) {
                                reported[0] = n;
                                progress.println(id + ": " + n + " features written");
                            }
                        });
                progress.println(id + ": " + l.features().size() + " features written to table " + l.config().table()
                        + " (version " + l.version().substring(0, 12) + ")");
            }
            writer.commit();
        }
    }
}
