package org.ecoplan.loader;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.config.CatalogException;
import org.ecoplan.catalog.config.CatalogLoader;
import org.ecoplan.catalog.config.ConfigError;
import org.ecoplan.catalog.config.LayerConfig;

/**
 * The steps {@code load} and {@code validate} share: read the catalog, pick the layers, validate
 * them and print the report. Reports go to standard output, progress to standard error.
 */
final class LoaderRun {
    private final LayerOptions options;
    private final PrintWriter out;
    private final PrintWriter err;
    private Catalog catalog;

    LoaderRun(LayerOptions options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    Catalog catalog() { return catalog; }

    /** The validation of the selected layers, or null after printing catalog errors (exit code 2). */
    CatalogValidation.Result validate() {
        CatalogValidation.Result result = validate(false);
        if (result != null) printReport(result);
        return result;
    }

    /**
     * The selected layers, read the catalog; those no rule looks at are left to be checked while they
     * are written when {@code whileWriting}. The report is not printed: it may grow yet.
     */
    CatalogValidation.Result validate(boolean whileWriting) {
        try {
            catalog = CatalogLoader.load(options.dataDir.toAbsolutePath().normalize(), options.workspaces);
        } catch (CatalogException e) {
            Path ws = options.dataDir.toAbsolutePath().normalize();
            for (ConfigError c : e.errors()) {
                Path f = c.location().file().toAbsolutePath().normalize();
                out.println((f.startsWith(ws) ? ws.relativize(f) : f) + ":" + c.location().line() + ": " + c.message());
            }
            err.println(e.errors().size() + " configuration error(s); nothing was read");
            return null;
        }
        List<LayerConfig> selected = select();
        if (selected == null) return null;
        if (selected.isEmpty()) err.println("no layer has a source: nothing to do");
        return new CatalogValidation(catalog, options.repair, err, options.encoding).run(selected, whileWriting);
    }

    void printReport(CatalogValidation.Result result) {
        for (String line : result.report().lines()) out.println(line);
    }

    private List<LayerConfig> select() {
        if (options.layers.isEmpty()) {
            List<LayerConfig> all = new ArrayList<>();
            for (LayerConfig l : catalog.layers()) {
                if (l.source() != null) all.add(l);
                else err.println(l.qualifiedName() + ": no source, skipped");
            }
            return all;
        }
        List<LayerConfig> chosen = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : options.layers) {
            layer(id.trim()).ifPresentOrElse(l -> { if (!chosen.contains(l)) chosen.add(l); },
                    () -> unknown.add(id));
        }
        if (unknown.isEmpty()) return chosen;
        for (String id : unknown) {
            out.println("--layers: unknown layer '" + id + "' (layers: "
                    + catalog.layers().stream().map(LayerConfig::qualifiedName).toList() + ")");
        }
        return null;
    }

    /** A layer by "workspace:id", or by an id that only one of the read workspaces has. */
    private java.util.Optional<LayerConfig> layer(String name) {
        if (name.contains(":")) return catalog.layer(name);
        List<LayerConfig> matches = catalog.layers().stream().filter(l -> l.id().equals(name)).toList();
        return matches.size() == 1 ? java.util.Optional.of(matches.get(0)) : java.util.Optional.empty();
    }
}
