package org.ecoplan.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The configuration files that make a server's catalog — {@code layers/} and {@code styles/} of
 * the data directory and the files of the security directory — as one map of names to contents
 * ("layers/<ws>/<layer>.yaml", "security/users.yaml"), so replicas can share them through the
 * cluster database. Data (GeoPackages, sources), tiles and logs are not part of it.
 */
final class CatalogFiles {
    private static final String SECURITY = "security/";

    private final Path dataDir;
    private final Path securityDir;

    CatalogFiles(Path dataDir, Path securityDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.securityDir = securityDir.toAbsolutePath().normalize();
    }

    /** The files as they are on disk now, by name, in name order. */
    Map<String, byte[]> read() {
        Map<String, byte[]> out = new TreeMap<>();
        for (var root : roots().entrySet()) {
            Path dir = root.getValue();
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                    String rel = dir.relativize(p).toString().replace('\\', '/');
                    // a half-written file of a change in progress is not configuration
                    if (rel.endsWith(".part")) continue;
                    // an audit log kept in the security directory is this replica's own record
                    if (rel.endsWith(".log")) continue;
                    out.put(root.getKey() + rel, Files.readAllBytes(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * The changes that turn the files on disk into {@code wanted}: one per directory (the data
     * directory, and the security directory when it lies outside it), each writing what differs
     * and removing what {@code wanted} lacks.
     */
    List<DataDirectoryChange> changesTo(Map<String, byte[]> wanted) {
        checkNames(wanted.keySet());
        Map<String, byte[]> now = read();
        DataDirectoryChange data = new DataDirectoryChange(dataDir);
        boolean securityInside = securityDir.startsWith(dataDir);
        DataDirectoryChange security = securityInside ? data : new DataDirectoryChange(securityDir, SECURITY);
        for (var e : wanted.entrySet()) {
            byte[] old = now.get(e.getKey());
            if (old != null && Arrays.equals(old, e.getValue())) continue;
            target(e.getKey(), data, security, securityInside).run(e.getValue());
        }
        for (String name : now.keySet()) {
            if (!wanted.containsKey(name)) target(name, data, security, securityInside).run(null);
        }
        List<DataDirectoryChange> out = new ArrayList<>(List.of(data));
        if (!securityInside) out.add(0, security);
        return out;
    }

    /**
     * Refuses names that are not plain paths under the three roots (a "..", "." or empty segment, a
     * backslash, a control character): the names come from a database, and a name must never reach a
     * file outside {@code layers/}, {@code styles/} or the security directory.
     *
     * @throws IllegalArgumentException naming the first such name; nothing is written then
     */
    static void checkNames(java.util.Collection<String> names) {
        for (String name : names) {
            boolean root = name.startsWith("layers/") || name.startsWith("styles/") || name.startsWith(SECURITY);
            boolean plain = root && !name.endsWith("/") && !name.contains("\\")
                    && name.chars().noneMatch(ch -> ch < 0x20 || ch == 0x7f);
            if (plain) {
                for (String segment : name.split("/", -1)) {
                    if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) plain = false;
                }
            }
            if (!plain) throw new IllegalArgumentException("not a catalog file name: '" + name + "'");
        }
    }

    /** Whether the files on disk are {@code wanted} exactly. */
    boolean same(Map<String, byte[]> wanted) {
        Map<String, byte[]> now = read();
        if (!now.keySet().equals(wanted.keySet())) return false;
        for (var e : wanted.entrySet()) if (!Arrays.equals(now.get(e.getKey()), e.getValue())) return false;
        return true;
    }

    /** Writes {@code wanted} to disk as it is, before any catalog is read (a replica joining its cluster). */
    void replaceWith(Map<String, byte[]> wanted) {
        for (DataDirectoryChange c : changesTo(wanted)) c.apply(() -> {});
    }

    private interface Edit {
        void run(byte[] content);
    }

    private Edit target(String name, DataDirectoryChange data, DataDirectoryChange security, boolean securityInside) {
        if (name.startsWith(SECURITY)) {
            String rel = name.substring(SECURITY.length());
            String path = securityInside ? dataDir.relativize(securityDir).resolve(rel).toString() : rel;
            DataDirectoryChange c = security;
            return content -> {
                if (content == null) c.remove(path);
                else c.write(path, content);
            };
        }
        if (!name.startsWith("layers/") && !name.startsWith("styles/"))
            throw new IllegalArgumentException("not a catalog file: " + name);
        return content -> {
            if (content == null) data.remove(name);
            else data.write(name, content);
        };
    }

    private Map<String, Path> roots() {
        Map<String, Path> r = new LinkedHashMap<>();
        r.put("layers/", dataDir.resolve("layers"));
        r.put("styles/", dataDir.resolve("styles"));
        r.put(SECURITY, securityDir);
        return r;
    }
}
