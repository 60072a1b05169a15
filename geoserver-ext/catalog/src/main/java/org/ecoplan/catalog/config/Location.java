package org.ecoplan.catalog.config;

import java.nio.file.Path;

/** Where a configuration item was written: file and 1-based line. */
public record Location(Path file, int line) {
    @Override
    public String toString() { return file + ":" + line; }
}
