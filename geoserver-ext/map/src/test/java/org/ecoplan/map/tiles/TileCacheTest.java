package org.ecoplan.map.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.ecoplan.map.image.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileCacheTest {
    @TempDir
    Path dir;

    private static TileKey key(String version) {
        return new TileKey("zones", "zones", "WebMercatorQuad", "9", 417, 193, ImageFormat.PNG, version);
    }

    @Test
    void keyCarriesTheContentVersion() {
        assertNotEquals(key("aaaa").etag(), key("bbbb").etag());
        assertEquals(key("aaaa").etag(), key("aaaa").etag());
        assertNotEquals(key("aaaa").diskPath(), key("bbbb").diskPath());
        assertTrue(key("aaaa").diskPath().startsWith("zones/zones/WebMercatorQuad/aaaa/9/417/193.png"));
        TileKey jpeg = new TileKey("zones", "zones", "WebMercatorQuad", "9", 417, 193, ImageFormat.JPEG, "aaaa");
        assertNotEquals(key("aaaa").etag(), jpeg.etag());
    }

    @Test
    void differentLayerNamesNeverShareADirectory() {
        // before, every other character became '_': workspace "w" layer "s_a" and workspace "w_s" layer "a"
        // shared one directory, as would a list of layers and a layer named like the joined list
        TileKey a = new TileKey("w:s_a", "s", "WebMercatorQuad", "9", 1, 2, ImageFormat.PNG, "v");
        TileKey b = new TileKey("w_s:a", "s", "WebMercatorQuad", "9", 1, 2, ImageFormat.PNG, "v");
        TileKey list = new TileKey("w:a,w:b", "default", "WebMercatorQuad", "9", 1, 2, ImageFormat.PNG, "v");
        TileKey joined = new TileKey("w:a_w_b", "default", "WebMercatorQuad", "9", 1, 2, ImageFormat.PNG, "v");
        assertNotEquals(a.diskPath(), b.diskPath());
        assertNotEquals(list.diskPath(), joined.diskPath());
        assertFalse(list.diskPath().contains(":") || list.diskPath().contains(","), list.diskPath());
        assertEquals("zones.v2-x", TileKey.safe("zones.v2-x"));
    }

    @Test
    void longNamesAreShortenedWithADigestAndListsStayInMemory() throws Exception {
        String many = String.join(",", java.util.Collections.nCopies(40, "yanggao:restoration_zones"));
        String other = many.replace("zones", "belts");
        assertTrue(TileKey.safe(many).length() < 130, TileKey.safe(many));
        assertNotEquals(TileKey.safe(many), TileKey.safe(other));
        TileCache cache = new TileCache(1 << 20, dir);
        TileKey list = new TileKey("yanggao:a,yanggao:b", "default", "WebMercatorQuad", "9", 1, 2, ImageFormat.PNG,
                "v");
        cache.put(list, CachedTile.of(new byte[]{1}, 1_700_000_000_000L, list));
        assertArrayEquals(new byte[]{1}, cache.get(list).data(), "served from memory");
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(0, files.filter(Files::isRegularFile).count(), "nothing of a list on disk");
        }
    }

    @Test
    void missThenHitInMemoryAndOnDisk() throws Exception {
        TileCache cache = new TileCache(1 << 20, dir);
        assertNull(cache.get(key("v1")));
        byte[] data = {1, 2, 3};
        cache.put(key("v1"), CachedTile.of(data, 1_700_000_000_123L, key("v1")));
        assertTrue(cache.inMemory(key("v1")));
        assertNull(cache.get(key("v2")), "another version is a miss");
        cache.clearMemory();
        CachedTile fromDisk = cache.get(key("v1"));
        assertArrayEquals(data, fromDisk.data());
        assertEquals(1_700_000_000_000L, fromDisk.createdMillis());
        try (Stream<Path> files = Files.walk(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
        assertEquals(1, cache.truncate("zones"));
        assertNull(cache.get(key("v1")));
        assertFalse(Files.exists(dir.resolve("zones")));
    }

    @Test
    void memoryOnlyCache() {
        TileCache cache = new TileCache(1 << 20, null);
        cache.put(key("v1"), CachedTile.of(new byte[]{9}, 0, key("v1")));
        assertArrayEquals(new byte[]{9}, cache.get(key("v1")).data());
        assertEquals(0, cache.truncate("zones"));
        assertNull(cache.get(key("v1")));
    }

    @Test
    void revalidationRules() {
        CachedTile t = CachedTile.of(new byte[]{1}, 1_700_000_000_000L, key("v1"));
        assertTrue(TileHttp.notModified(t.etag(), null, t));
        assertTrue(TileHttp.notModified("\"other\", " + t.etag(), null, t));
        assertTrue(TileHttp.notModified("W/" + t.etag(), null, t));
        assertTrue(TileHttp.notModified("*", null, t));
        assertFalse(TileHttp.notModified("\"other\"", TileHttp.httpDate(1_800_000_000_000L), t),
                "If-None-Match wins over If-Modified-Since");
        assertTrue(TileHttp.notModified(null, TileHttp.httpDate(1_700_000_000_000L), t));
        assertFalse(TileHttp.notModified(null, TileHttp.httpDate(1_600_000_000_000L), t));
        assertFalse(TileHttp.notModified(null, "not a date", t));
        assertFalse(TileHttp.notModified(null, null, t));
    }

    @Test
    void theDiskCacheKeepsToItsQuotaRemovingTheOldestTiles() throws Exception {
        TileCache cache = new TileCache(1 << 20, dir, 10_000);
        byte[] kb = new byte[1000];
        for (int v = 0; v < 30; v++) {
            TileKey k = key("v" + v);
            cache.put(k, CachedTile.of(kb, 1_700_000_000_000L + v * 1000L, k));
        }
        long bytes;
        try (Stream<Path> files = Files.walk(dir)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(bytes <= 10_000, "within the quota: " + bytes);
        cache.clearMemory();
        assertNull(cache.get(key("v0")), "the oldest tile was removed");
        assertArrayEquals(kb, cache.get(key("v29")).data(), "the newest is kept");
    }
}
