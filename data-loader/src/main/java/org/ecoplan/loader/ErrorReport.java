package org.ecoplan.loader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every error found while validating a load, in the order found. Each file keeps at most
 * {@value #MAX_PER_FILE} errors so a thoroughly broken file cannot exhaust memory; the rest
 * are counted and reported as a total.
 */
public final class ErrorReport {
    static final int MAX_PER_FILE = 1000;

    private final List<LoadError> errors = new ArrayList<>();
    private final Map<String, Integer> perFile = new LinkedHashMap<>();
    private final Map<String, Integer> suppressed = new LinkedHashMap<>();

    public void add(LoadError e) {
        String key = e.file().replaceFirst(":\\d+(:\\d+)?$", "");
        int n = perFile.merge(key, 1, Integer::sum);
        if (n > MAX_PER_FILE) suppressed.merge(key, 1, Integer::sum);
        else errors.add(e);
    }

    public void add(String file, String feature, String field, String message) {
        add(new LoadError(file, feature, field, message));
    }

    public boolean isEmpty() { return errors.isEmpty(); }

    /** Number of errors found, including those not kept. */
    public int count() {
        return perFile.values().stream().mapToInt(Integer::intValue).sum();
    }

    public List<LoadError> errors() { return List.copyOf(errors); }

    /** The report, one error per line, then one line per file whose further errors were not kept. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (LoadError e : errors) out.add(e.toString());
        suppressed.forEach((f, n) -> out.add(f + ": ... and " + n + " more error(s) not listed"));
        return out;
    }
}
