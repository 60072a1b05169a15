package org.ecoplan.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ecoplan.catalog.config.CatalogException;

/**
 * One change to the configuration files of the data directory, applied all or nothing: every file
 * written (or removed) is first kept aside, then the server reloads with the same checks as at
 * start-up; a catalog that fails them is reported and every file is put back as it was, so a
 * rejected change leaves nothing behind and the running catalog is untouched. One change at a time.
 */
final class DataDirectoryChange {
    /** One change (and one reload) at a time, server-wide: held by every writer of the files and by reload(). */
    static final Object LOCK = new Object();

    private final Path dataDir;
    private final String label;
    private final Map<Path, byte[]> writes = new LinkedHashMap<>();
    private final List<Path> removals = new ArrayList<>();
    private final List<Path> byproducts = new ArrayList<>();
    private Runnable beforeReload = () -> {};

    DataDirectoryChange(Path dataDir) {
        this(dataDir, "");
    }

    /** @param label what the audit log puts before a file's path ("security/" for the security directory) */
    DataDirectoryChange(Path dataDir, String label) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.label = label;
    }

    /** Writes a file (relative to the data directory) as part of the change. */
    DataDirectoryChange write(String relative, byte[] content) {
        writes.put(inside(relative), content);
        return this;
    }

    /** Removes a file or a directory tree as part of the change. */
    DataDirectoryChange remove(String relative) {
        removals.add(inside(relative));
        return this;
    }

    /**
     * A step between writing the files and the reload (loading an upload's data into its store), and
     * a file that step creates, removed again if the change fails.
     */
    DataDirectoryChange beforeReload(Runnable step, String createdFile) {
        this.beforeReload = step;
        if (createdFile != null && !Files.exists(inside(createdFile))) byproducts.add(inside(createdFile));
        return this;
    }

    private Path inside(String relative) {
        Path p = dataDir.resolve(relative).normalize();
        if (!p.startsWith(dataDir) || p.equals(dataDir))
            throw new IllegalArgumentException("outside the data directory");
        return p;
    }

    /**
     * Applies the change and reloads; on any failure restores every file.
     *
     * @return each touched file with its SHA-256 before and after, for the audit log
     * @throws CatalogException the reload's errors, after the files were restored
     */
    List<Map<String, String>> apply(Runnable reload) {
        synchronized (LOCK) {
            Path aside;
            try {
                aside = Files.createTempDirectory("ecoplan-change-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<Path, Path> kept = new LinkedHashMap<>();
            List<Path> created = new ArrayList<>();
            List<Map<String, String>> audit = new ArrayList<>();
            try {
                int n = 0;
                for (Path p : removals) {
                    if (!Files.exists(p)) continue;
                    Path k = aside.resolve(Integer.toString(n++));
                    Files.move(p, k);
                    kept.put(p, k);
                    audit.add(Map.of("file", label + dataDir.relativize(p), "before", hash(k), "after", ""));
                }
                for (var e : writes.entrySet()) {
                    Path p = e.getKey();
                    String before = "";
                    if (Files.exists(p)) {
                        Path k = aside.resolve(Integer.toString(n++));
                        Files.copy(p, k);
                        kept.put(p, k);
                        before = hash(k);
                    } else {
                        created.add(p);
                    }
                    Files.createDirectories(p.getParent());
                    Path tmp = p.resolveSibling(p.getFileName() + ".part");
                    Files.write(tmp, e.getValue());
                    Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    audit.add(Map.of("file", label + dataDir.relativize(p), "before", before, "after", hash(p)));
                }
                beforeReload.run();
                reload.run();
                deleteQuietly(aside);
                return audit;
            } catch (IOException | RuntimeException e) {
                created.addAll(byproducts);
                restore(kept, created);
                deleteQuietly(aside);
                if (e instanceof IOException io) throw new UncheckedIOException(io);
                throw (RuntimeException) e;
            }
        }
    }

    private static void restore(Map<Path, Path> kept, List<Path> created) {
        try {
            for (Path p : created) delete(p);
            for (var e : kept.entrySet()) {
                delete(e.getKey());
                Files.createDirectories(e.getKey().getParent());
                Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the change failed and could not be undone: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            delete(p);
        } catch (IOException ignored) {
            // a temporary directory the system's cleaner removes later; the change's outcome stands
        }
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> all = Files.walk(p)) {
            for (Path x : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }

    private static String hash(Path p) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(p)) {
                try (Stream<Path> all = Files.walk(p)) {
                    for (Path x : all.filter(Files::isRegularFile).sorted().toList()) {
                        md.update(p.relativize(x).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        md.update(Files.readAllBytes(x));
                    }
                }
            } else {
                md.update(Files.readAllBytes(p));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
