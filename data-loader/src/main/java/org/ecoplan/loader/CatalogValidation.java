package org.ecoplan.loader;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.RuleConfig;
import org.ecoplan.loader.rule.DataRule;

/**
 * Validates the selected layers of a catalog: each layer's source against its schema, then the
 * layer's data rules. A layer a rule refers to ({@code of}) is read from its own source even when
 * it is not selected — it is checked too, but never written. Writes nothing.
 */
public final class CatalogValidation {
    /** The checked layers (those whose source could be read) and every error found. */
    public record Result(List<ValidatedLayer> layers, ErrorReport report) {
        public boolean clean() { return report.isEmpty(); }
    }

    private final Catalog catalog;
    private final ErrorReport report = new ErrorReport();
    private final LayerValidator validator;
    private final Map<String, ValidatedLayer> read = new LinkedHashMap<>();

    public CatalogValidation(Catalog catalog, boolean repair, PrintWriter progress) {
        this(catalog, repair, progress, null);
    }

    /** @param encoding text encoding for Shapefile and jzd sources that name none, or null to detect */
    public CatalogValidation(Catalog catalog, boolean repair, PrintWriter progress, String encoding) {
        this.catalog = catalog;
        this.validator = new LayerValidator(catalog.dataDir(), repair, report, progress, encoding);
    }

    /** Reads and checks every selected layer now (the {@code validate} command, and tests). */
    public Result run(List<LayerConfig> selected) {
        return run(selected, false);
    }

    /**
     * @param whileWriting check a layer no rule looks at while it is written (the {@code load}
     *                     command: one reading instead of two); such a layer's errors reach the
     *                     report during the write
     */
    public Result run(List<LayerConfig> selected, boolean whileWriting) {
        // a layer that a rule looks at is held in memory; any other is streamed, so its size does not matter
        java.util.Set<String> held = new java.util.HashSet<>();
        for (LayerConfig l : selected) {
            if (!l.rules().isEmpty()) held.add(l.qualifiedName());
            for (RuleConfig rule : l.rules()) {
                if (rule.param("of") != null) held.add(l.workspace() + ":" + rule.param("of"));
            }
        }
        for (LayerConfig l : selected) {
            boolean hold = held.contains(l.qualifiedName());
            read.put(l.qualifiedName(),
                    !hold && whileWriting ? validator.checkedWhileWritten(l) : validator.validate(l, hold));
        }
        List<ValidatedLayer> out = new ArrayList<>();
        for (LayerConfig l : selected) {
            ValidatedLayer layer = read.get(l.qualifiedName());
            if (layer == null) continue;
            out.add(layer);
            for (RuleConfig rule : l.rules()) checkRule(layer, rule);
        }
        return new Result(out, report);
    }

    private void checkRule(ValidatedLayer layer, RuleConfig rule) {
        String where = relative(rule.location().file()) + ":" + rule.location().line();
        String ofId = layer.config().workspace() + ":" + rule.param("of");
        ValidatedLayer of = null;
        if (!rule.rule().equals("unique")) {
            if (!read.containsKey(ofId)) read.put(ofId, catalog.layer(ofId).map(validator::validate).orElse(null));
            of = read.get(ofId);
            // the reference layer's own errors are in the report already; checking against part of it would mislead
            if (of == null || of.errors() > 0) return;
            if (!layer.config().featureType().hasGeometry() || !of.config().featureType().hasGeometry()) {
                report.add(where, null, null,
                        "rule " + rule.rule() + " needs layers with geometry ('" + layer.id() + "', '" + ofId + "')");
                return;
            }
        }
        // a rejected feature would show up as a gap: coverage of part of a layer says nothing
        if (rule.rule().equals("coverage") && layer.errors() > 0) return;
        DataRule.of(rule.rule()).check(layer, rule, of, where, report);
    }

    private String relative(Path p) {
        Path ws = catalog.dataDir().toAbsolutePath().normalize();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(ws) ? ws.relativize(abs).toString() : abs.toString();
    }
}
