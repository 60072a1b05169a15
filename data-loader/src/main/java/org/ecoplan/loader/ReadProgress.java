package org.ecoplan.loader;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Progress of reading one layer's source, on standard error: a line every
 * {@link LayerValidator#PROGRESS_EVERY} features. When the source says up front how many features
 * it holds (a Shapefile's .dbf record count) the line carries the total and a percentage —
 * "zones: 12000/50000 features (24%)" — otherwise "zones: 12000 features read". Plain lines, no
 * terminal control codes: standard error is as often a log file or a CI console as a terminal.
 */
final class ReadProgress {
    private final PrintWriter out;
    private final String layer;
    private final OptionalLong total;
    private long count;

    ReadProgress(PrintWriter out, String layer, OptionalLong total) {
        this.out = out;
        this.layer = layer;
        this.total = total;
    }

    /** Counts one feature read, printing a line every thousand. */
    void feature() {
        count++;
        if (count % LayerValidator.PROGRESS_EVERY != 0) return;
        if (total.isPresent() && total.getAsLong() > 0) {
            long t = Math.max(total.getAsLong(), count);
            out.println(String.format(Locale.ROOT, "%s: %d/%d features (%d%%)", layer, count, t, count * 100 / t));
        } else {
            out.println(layer + ": " + count + " features read");
        }
    }
}
