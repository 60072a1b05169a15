package org.ecoplan.loader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options {@code load} and {@code validate} share: which workspace, which layers, whether to repair. */
public final class LayerOptions {
    @Option(names = "--workspace", paramLabel = "DIR", defaultValue = ".", description = "Workspace root holding layers/, styles/ and data/ (default: the current directory).")
    Path workspace;

    @Option(names = "--layers", paramLabel = "ID", split = ",", description = "Comma-separated layer ids (default: every layer that has a source).")
    List<String> layers = new ArrayList<>();

    @Option(names = "--repair", description = "Make invalid polygons valid (JTS GeometryFixer) and report each repair, instead of rejecting them.")
    boolean repair;
}
