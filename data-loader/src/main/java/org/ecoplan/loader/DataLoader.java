package org.ecoplan.loader;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The data-loader command line: reads the layers' source files (GeoJSON, CSV, GeoPackage, Shapefile
 * or zipped Shapefile, 界址点坐标 text, KML), checks
 * them against the layer configuration and loads them into a GeoPackage or PostGIS store.
 *
 * <pre>
 * java -jar ecoplan-data-loader.jar load     [--data-dir DIR] [--workspace W,..] [--store URL] [--layers a,b] [--encoding CS] [--repair]
 * java -jar ecoplan-data-loader.jar validate [--data-dir DIR] [--workspace W,..] [--layers a,b] [--encoding CS] [--repair]
 * </pre>
 *
 * <p>Exit codes: 0 success; 1 data errors (nothing written); 2 configuration or usage error
 * (nothing read or written); 3 store error (the transaction was rolled back); 4 unexpected error
 * (nothing committed).
 *
 * <p>Output: the error report goes to standard output, one error per line,
 * {@code file[:line]: feature N (id 'x'), field 'f': message} for data errors (the parts that do
 * not apply are left out) and {@code file:line: message} for configuration errors. Progress
 * ("layer: N features read", or "layer: N/TOTAL features (P%)" when the source gives its size,
 * every 1000 features, and a summary per layer), repairs and the
 * final summary go to standard error.
 *
 * <p>Derived attributes ({@code derive: area_km2 | length_km}) are computed by the loader; a
 * source that carries a value for one is rejected, so a stale figure cannot hide.
 */
@Command(name = "ecoplan-data-loader", mixinStandardHelpOptions = true, version = "ecoplan data-loader 0.1.0", description = "Checks layer source files against the catalog (layers/<workspace>/*.yaml) and loads them into GeoPackage or PostGIS.", subcommands = {
        LoadCommand.class, ValidateCommand.class,
        CommandLine.HelpCommand.class}, exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:success",
                "1:data errors; nothing written", "2:configuration or usage error",
                "3:store error; the transaction was rolled back",
                "4:unexpected error (a bug): nothing was committed"}, footerHeading = "%nOutput:%n", footer = {
                        "The error report goes to standard output, one error per line:",
                        "  file[:line]: feature N (id 'x'), field 'f': message",
                        "configuration errors as  file:line: message.",
                        "Progress ('layer: N features read', or 'layer: N/TOTAL features (P%)' when the size is known,",
                        "every 1000 features, and a summary per layer) goes to standard error.",
                        "Derived attributes (area_km2, length_km in EPSG:4547) are computed; the source must not carry them.",
                        "Source formats: geojson, csv, gpkg, shapefile (.shp or .zip), jzd (界址点坐标), kml."})
public final class DataLoader implements Callable<Integer> {
    public static final int OK = 0;
    public static final int DATA_ERROR = 1;
    public static final int CONFIG_ERROR = 2;
    public static final int STORE_ERROR = 3;
    public static final int INTERNAL_ERROR = 4;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CONFIG_ERROR;
    }

    /** Runs the command line with the given streams (standard output: report; standard error: progress). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new DataLoader());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            // a bug or an unreadable environment: say what failed, without a stack trace
            c.getOut().println("error: " + e);
            return e instanceof org.ecoplan.catalog.store.StoreException ? STORE_ERROR : INTERNAL_ERROR;
        });
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(execute(out, err, args));
    }
}
