package org.ecoplan.map.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.ecoplan.ows.ServerSettings;

/**
 * The two-level tile cache: a Caffeine memory cache bounded by bytes in front of a directory of
 * encoded tiles (tiles of a list of layers drawn together are kept in memory only). Disk writes go to a temporary file that is then moved into place, so a reader
 * (or a second server on the same directory) never sees half a tile. Keys carry the content
 * version, so entries never go stale; old versions are only dead weight, removed by
 * {@link #truncate(String)} or, when the directory outgrows its quota, by eviction of the oldest
 * tiles first (old content versions before current ones).
 */
public final class TileCache {
    private final Cache<TileKey, CachedTile> memory;
    private final Path disk;
    private final long diskBytes;
    /** Bytes of tile files on disk; -1 until first counted. */
    private final AtomicLong used = new AtomicLong(-1);
    /** Lookups answered from memory or disk, and those that were not (statistics for /metrics). */
    private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();
    private final Object eviction = new Object();

    /**
     * @param memoryBytes upper bound of the memory cache
     * @param disk        root directory of the disk cache, or null for memory only
     */
    public TileCache(long memoryBytes, Path disk) {
        this(memoryBytes, disk, Long.MAX_VALUE);
    }

    /** @param diskBytes the quota of the disk cache: past it the oldest tiles are removed down to 90 % */
    public TileCache(long memoryBytes, Path disk, long diskBytes) {
        this.memory = Caffeine.newBuilder().maximumWeight(memoryBytes)
                .weigher((TileKey k, CachedTile t) -> t.data().length + 200).build();
        this.disk = disk;
        this.diskBytes = diskBytes;
    }

    /**
     * The cache configured by the environment: ECOPLAN_TILE_CACHE (directory, default
     * {@code var/tiles} under the workspace; "off" for memory only), ECOPLAN_TILE_MEMORY_MB (64) and
     * ECOPLAN_TILE_DISK_MB (1024, the disk quota).
     */
    public static TileCache fromEnvironment(Path workspace) {
        String dir = ServerSettings.setting("ECOPLAN_TILE_CACHE", "var/tiles");
        Path root = dir.equalsIgnoreCase("off") ? null : workspace.resolve(dir).toAbsolutePath().normalize();
        long mb = Long.parseLong(ServerSettings.setting("ECOPLAN_TILE_MEMORY_MB", "64"));
        long diskMb = Long.parseLong(ServerSettings.setting("ECOPLAN_TILE_DISK_MB", "1024"));
        return new TileCache(mb << 20, root, diskMb << 20);
    }

    public Path directory() { return disk; }

    /** The tile from memory, else from disk (then kept in memory), else null. */
    public CachedTile get(TileKey key) {
        CachedTile t = lookup(key);
        (t == null ? misses : hits).increment();
        return t;
    }

    /** Cache lookups that found the tile, since start. */
    public long hits() { return hits.sum(); }

    /** Cache lookups that did not, since start. */
    public long misses() { return misses.sum(); }

    private CachedTile lookup(TileKey key) {
        CachedTile t = memory.getIfPresent(key);
        if (t != null || disk == null || key.ofList()) return t;
        Path file = disk.resolve(key.diskPath());
        try {
            byte[] data = Files.readAllBytes(file);
            t = CachedTile.of(data, Files.getLastModifiedTime(file).toMillis(), key);
            memory.put(key, t);
            return t;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null; // an unreadable cache file is a miss; the tile is rendered again
        }
    }

    /** Whether the tile is in the memory cache (for tests and statistics). */
    public boolean inMemory(TileKey key) {
        return memory.getIfPresent(key) != null;
    }

    public void put(TileKey key, CachedTile tile) {
        memory.put(key, tile);
        // tiles of ad-hoc lists of layers stay in memory: their combinations are many, and a client
        // could otherwise fill the disk quota with them and push the seeded tiles out
        if (disk == null || key.ofList()) return;
        Path file = disk.resolve(key.diskPath());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".tile", ".tmp");
            Files.write(tmp, tile.data());
            Files.setLastModifiedTime(tmp, java.nio.file.attribute.FileTime.fromMillis(tile.createdMillis()));
            long replaced = Files.isRegularFile(file) ? Files.size(file) : 0;
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            if (counted() + tile.data().length - replaced > diskBytes) evict();
            else used.addAndGet(tile.data().length - replaced);
        } catch (IOException | UncheckedIOException e) {
            // the disk cache is an optimisation: a full or read-only disk must not fail the request
        }
    }

    /** The bytes of tile files on disk, counted once by walking the directory. */
    private long counted() {
        long u = used.get();
        if (u >= 0) return u;
        synchronized (eviction) {
            if (used.get() < 0) used.set(files().stream().mapToLong(TileFile::size).sum());
            return used.get();
        }
    }

    /** Removes the oldest tile files until the directory holds at most 90 % of its quota. */
    private void evict() {
        synchronized (eviction) {
            List<TileFile> files = files();
            long total = files.stream().mapToLong(TileFile::size).sum();
            long target = diskBytes / 10 * 9;
            files.sort(Comparator.comparingLong(TileFile::modified));
            for (TileFile f : files) {
                if (total <= target) break;
                try {
                    Files.deleteIfExists(f.path());
                    total -= f.size();
                } catch (IOException e) {
                    // another server on the same directory removed it, or it cannot be: go on
                }
            }
            used.set(total);
        }
    }

    private record TileFile(Path path, long size, long modified) {}

    private List<TileFile> files() {
        List<TileFile> out = new ArrayList<>();
        if (!Files.isDirectory(disk)) return out;
        try (Stream<Path> walk = Files.walk(disk)) {
            walk.forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile() && !p.getFileName().toString().endsWith(".tmp")) {
                        out.add(new TileFile(p, a.size(), a.lastModifiedTime().toMillis()));
                    }
                } catch (IOException e) {
                    // gone meanwhile
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Removes every cached tile of a layer (all styles, sets and versions) from memory and disk; the count of files removed. */
    public long truncate(String layer) {
        memory.asMap().keySet().removeIf(k -> k.layer().equals(layer));
        if (disk == null) return 0;
        Path dir = disk.resolve(TileKey.safe(layer));
        if (!Files.isDirectory(dir)) return 0;
        long[] n = {0};
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    if (Files.isRegularFile(p)) n[0]++;
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        used.set(-1); // counted again at the next write
        return n[0];
    }

    /** Empties the memory level (tests; a disk hit then refills it). */
    public void clearMemory() {
        memory.invalidateAll();
    }
}
