package org.ecoplan.loader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options {@code load} and {@code validate} share: which data directory and workspaces, which layers, whether to repair. */
public final class LayerOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".", description = "Data directory holding layers/, styles/ and data/ (default: the current directory).")
    Path dataDir;

    @Option(names = "--workspace", paramLabel = "NAME", split = ",", description = "Workspaces to read (default: every enabled one); a workspace named here is read even when disabled.")
    List<String> workspaces = new ArrayList<>();

    @Option(names = "--layers", paramLabel = "ID", split = ",", description = "Comma-separated layer ids (default: every layer that has a source).")
    List<String> layers = new ArrayList<>();

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "Text encoding of Shapefile (.dbf) and 界址点坐标 sources whose layer gives none (e.g. GBK); default: the .cpg, the dBASE language byte, else UTF-8.")
    String encoding;

    @Option(names = "--repair", description = "Make invalid polygons valid (JTS GeometryFixer) and report each repair, instead of rejecting them.")
    boolean repair;
}
