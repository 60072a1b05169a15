package org.ecoplan.loader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.DataStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code load}: validates like {@code validate}; on any error writes nothing, otherwise writes
 * all selected layers to their store in one transaction.
 */
@Command(name = "load", mixinStandardHelpOptions = true, description = {
        "Validate the selected layers, then write them all in one transaction (all or nothing).",
        "Writes nothing if any check fails; what was loaded before stays served."}, exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:loaded", "1:errors found (listed on standard output); nothing written",
                "2:configuration or usage error; nothing written", "3:store error; the transaction was rolled back"})
final class LoadCommand implements Callable<Integer> {
    @Mixin
    LayerOptions options;
    @Spec
    CommandSpec spec;

    @Option(names = "--store", paramLabel = "URL", description = {
            "Store to load into, overriding the layers' store (layers/stores/<id>.yaml):",
            "gpkg:<file> (relative to the current directory; parent directories are created)",
            "or jdbc:postgresql://host:port/db?user=...[&currentSchema=...]."})
    String store;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        LoaderRun run = new LoaderRun(options, out, err);
        CatalogValidation.Result result = run.validate();
        if (result == null) return DataLoader.CONFIG_ERROR;
        if (!result.clean()) {
            err.println(result.report().count() + " error(s); nothing was written");
            return DataLoader.DATA_ERROR;
        }
        Map<String, List<ValidatedLayer>> byStore = new LinkedHashMap<>();
        for (ValidatedLayer l : result.layers()) {
            String url = store != null
                    ? StoreUrl.resolve(store, Path.of("").toAbsolutePath())
                    : StoreUrl.resolve(run.catalog().store(l.config().workspace(), l.config().store()).orElseThrow()
                            .url(), run.catalog().dataDir());
            byStore.computeIfAbsent(url, k -> new ArrayList<>()).add(l);
        }
        List<String> done = new ArrayList<>();
        for (var e : byStore.entrySet()) {
            try (DataStore ds = DataStores.open(e.getKey())) {
                StoreLoad.write(ds, e.getValue(), err);
                done.add(ds.description());
            } catch (RuntimeException ex) {
                out.println("store error (" + e.getKey().replaceAll("password=[^&]*", "password=***") + "): "
                        + ex.getMessage()
                        + "; the transaction was rolled back"
                        + (done.isEmpty() ? "" : " (stores already committed: " + done + ")"));
                return DataLoader.STORE_ERROR;
            }
        }
        err.println("loaded " + result.layers().size() + " layer(s) into " + String.join(", ", byStore.keySet().stream()
                .map(u -> u.replaceAll("password=[^&]*", "password=***")).toList()));
        return DataLoader.OK;
    }
}
