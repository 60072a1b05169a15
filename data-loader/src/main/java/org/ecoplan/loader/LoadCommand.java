package org.ecoplan.loader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.DataStores;
import org.ecoplan.catalog.store.StoreWriter;
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
        // layers no rule looks at are checked as they are written: one reading, and nothing committed
        // unless the report stays empty
        CatalogValidation.Result result = run.validate(true);
        if (result == null) return DataLoader.CONFIG_ERROR;
        if (!result.clean()) {
            // nothing will be written; the layers left for the write are read now, so every error is listed
            for (ValidatedLayer l : result.layers()) {
                if (!l.streamed()) continue;
                try (FeatureReplay.Features f = l.open()) {
                    while (f.hasNext()) f.next();
                }
            }
            run.printReport(result);
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
        // every store written first, all committed only once every layer passed
        List<DataStore> stores = new ArrayList<>();
        List<StoreWriter> writers = new ArrayList<>();
        List<String> done = new ArrayList<>();
        String current = null;
        try {
            for (var e : byStore.entrySet()) {
                current = e.getKey();
                DataStore ds = DataStores.open(current);
                stores.add(ds);
                StoreWriter w = ds.writer();
                writers.add(w);
                StoreLoad.writeLayers(w, e.getValue(), err);
            }
            if (!result.clean()) {
                run.printReport(result);
                err.println(result.report().count() + " error(s); nothing was written");
                return DataLoader.DATA_ERROR;
            }
            int i = 0;
            for (String url : byStore.keySet()) {
                current = url;
                writers.get(i++).commit();
                done.add(stores.get(i - 1).description());
            }
        } catch (RuntimeException ex) {
            out.println("store error (" + hidePassword(current) + "): " + ex.getMessage()
                    + "; the transaction was rolled back"
                    + (done.isEmpty() ? "" : " (stores already committed: " + done + ")"));
            return DataLoader.STORE_ERROR;
        } finally {
            for (StoreWriter w : writers) w.close();
            for (DataStore ds : stores) ds.close();
        }
        err.println("loaded " + result.layers().size() + " layer(s) into "
                + String.join(", ", byStore.keySet().stream().map(LoadCommand::hidePassword).toList()));
        return DataLoader.OK;
    }

    private static String hidePassword(String url) {
        return url == null ? "" : url.replaceAll("password=[^&]*", "password=***");
    }
}
