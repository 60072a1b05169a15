package org.ecoplan.server.cite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A cache directory for one run of the shared CITE runner that shares the downloads (suite jars,
 * TEAM Engine, OGC schemas) with every other run but has its own TEAM Engine base directory.
 * The runner rewrites {@code te_base/} (the CTL scripts and their compiled form) at the start of
 * every CTL run, so two runs sharing it break each other; the rest is written once and can be shared.
 */
final class EtsCache {
    /** Entries of the shared cache that are private to a run. */
    private static final List<String> PRIVATE = List.of("te_base");

    private EtsCache() {}

    /** Makes {@code dir} a cache whose entries link to those of {@code shared}, except te_base; returns dir. */
    static Path linkedTo(Path shared, Path dir) throws IOException {
        Files.createDirectories(dir);
        // created up front so that their first downloads land in the shared cache too
        for (String common : List.of("jars", "schemas", "teamengine-" + CiteDownloads.TEAMENGINE_VERSION)) {
            Files.createDirectories(shared.resolve(common));
        }
        try (Stream<Path> entries = Files.list(shared)) {
            for (Path e : entries.toList()) {
                String name = e.getFileName().toString();
                Path link = dir.resolve(name);
                if (PRIVATE.contains(name) || Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                Files.createSymbolicLink(link, e.toAbsolutePath());
            }
        }
        return dir;
    }
}
