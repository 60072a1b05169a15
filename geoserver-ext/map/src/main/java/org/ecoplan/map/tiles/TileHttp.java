package org.ecoplan.map.tiles;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;

/**
 * HTTP caching of tile responses (RFC 9110 clauses 8.8 and 13.1, RFC 9111 clause 5.2): a strong
 * ETag from the tile key, Last-Modified from the render time, Cache-Control max-age, and
 * 304 Not Modified when If-None-Match matches the ETag, or, without If-None-Match, when
 * If-Modified-Since is not older than the tile.
 */
public final class TileHttp {
    private TileHttp() {}

    public static OwsResponse response(OwsRequest request, CachedTile tile, ImageFormat format, long maxAgeSeconds) {
        if (tile == null) {
            // a HEAD of a tile not drawn yet: its type, not drawn for a request that reads no body
            return OwsResponse.ok(format.mime(), out -> {}).withHeader("Cache-Control", "no-cache");
        }
        Map<String, String> headers = new LinkedHashMap<>(4);
        headers.put("ETag", tile.etag());
        if (tile.createdMillis() > 0) headers.put("Last-Modified", tile.lastModified());
        headers.put("Cache-Control", "public, max-age=" + maxAgeSeconds);
        if (notModified(request.header("if-none-match"), request.header("if-modified-since"), tile)) {
            return new OwsResponse(304, null, headers, null);
        }
        byte[] data = tile.data();
        return new OwsResponse(200, format.mime(), headers, new OwsResponse.Bytes(data));
    }

    /** Whether the client's copy is current. */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, CachedTile tile) {
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.trim();
                if (t.startsWith("W/")) t = t.substring(2); // weak comparison, RFC 9110 clause 13.1.2
                if (t.equals("*") || t.equals(tile.etag())) return true;
            }
            return false;
        }
        if (ifModifiedSince != null && tile.createdMillis() > 0) {
            try {
                long since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant().toEpochMilli();
                return tile.createdMillis() <= since;
            } catch (DateTimeParseException e) {
                return false; // an invalid date is ignored (RFC 9110 clause 13.1.3)
            }
        }
        return false;
    }

    static String httpDate(long millis) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC));
    }
}
