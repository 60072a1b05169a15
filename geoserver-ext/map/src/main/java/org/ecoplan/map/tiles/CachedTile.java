package org.ecoplan.map.tiles;

/**
 * An encoded tile as the cache keeps it.
 *
 * @param data          the encoded image
 * @param createdMillis when it was rendered (Last-Modified), epoch milliseconds, whole seconds
 * @param etag          the strong entity tag of its key
 * @param lastModified  createdMillis as an HTTP date, formatted once so a cache hit does not format it
 */
public record CachedTile(byte[] data, long createdMillis, String etag, String lastModified) {
    public static CachedTile of(byte[] data, long createdMillis, TileKey key) {
        long seconds = createdMillis / 1000 * 1000;
        return new CachedTile(data, seconds, key.etag(), TileHttp.httpDate(seconds));
    }
}
