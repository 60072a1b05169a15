package org.ecoplan.vectortiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecoplan.ows.HttpEndpoint;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceContext;

/**
 * Mapbox Vector Tiles over HTTP:
 * <ul>
 *   <li>{@code GET /vtiles/{layerOrGroup}/{tileMatrixSet}/{z}/{x}/{y}.mvt} (also {@code .pbf}):
 *       {@code application/vnd.mapbox-vector-tile}; a tile without features is {@code 204 No Content};</li>
 *   <li>{@code GET /vtiles/{layerOrGroup}/{tileMatrixSet}/tilejson.json}: TileJSON 3.0.0.</li>
 * </ul>
 * Tiles carry a strong ETag computed from the layers' data versions and the tile address, so a
 * data reload changes every ETag; {@code If-None-Match} with the current ETag answers 304. Tiles
 * are kept in a small in-memory cache whose key contains the data versions, so a stale tile is
 * never served.
 */
public final class VectorTileEndpoint implements HttpEndpoint {
    public static final String PREFIX = "/vtiles";
    public static final String MVT = "application/vnd.mapbox-vector-tile";
    /** Bumped when the encoding changes, so clients' cached tiles are revalidated. */
    private static final String ENCODING_VERSION = "mvt-1";
    private static final Pattern TILE = Pattern
            .compile("/([^/]+)/([^/]+)/(\\d{1,2})/(\\d{1,9})/(\\d{1,9})\\.(mvt|pbf)");
    private static final Pattern TILEJSON = Pattern.compile("/([^/]+)/([^/]+)/tilejson\\.json");

    private final ServiceContext context;
    private final Cache<String, byte[]> cache;

    public VectorTileEndpoint(ServiceContext context, long cacheBytes) {
        this.context = context;
        this.cache = Caffeine.newBuilder().maximumWeight(cacheBytes)
                .weigher((String k, byte[] v) -> v.length + k.length() + 64).build();
    }

    @Override
    public String pathPrefix() { return PREFIX; }

    @Override
    public OwsResponse handle(OwsRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return OwsResponse.text(405, "text/plain; charset=UTF-8", "Only GET and HEAD are supported\n")
                    .withHeader("Allow", "GET, HEAD");
        }
        String rest = request.path().substring(PREFIX.length());
        Matcher m = TILE.matcher(rest);
        if (m.matches()) return tile(request, m);
        m = TILEJSON.matcher(rest);
        if (m.matches()) return tileJson(request, m.group(1), m.group(2));
        return notFound("No vector tile resource at " + request.path()
                + "; use " + PREFIX + "/{layerOrGroup}/{tileMatrixSet}/{z}/{x}/{y}.mvt or .../tilejson.json");
    }

    private OwsResponse tile(OwsRequest request, Matcher m) {
        Optional<TileLayerSet> set = TileLayerSet.resolve(context.catalog(), m.group(1));
        if (set.isEmpty()) return notFound("Unknown layer or group (or a layer without geometry): " + m.group(1));
        Optional<TileGrid> grid = TileGrid.byName(m.group(2));
        if (grid.isEmpty())
            return notFound("Unknown tile matrix set '" + m.group(2) + "'; known: WebMercatorQuad, CGCS2000Quad");
        int z = Integer.parseInt(m.group(3));
        long x = Long.parseLong(m.group(4));
        long y = Long.parseLong(m.group(5));
        if (!grid.get().contains(z, x, y)) {
            return notFound("Tile " + z + "/" + x + "/" + y + " is outside " + grid.get().id()
                    + " (levels " + grid.get().minZoom() + "–" + grid.get().maxZoom() + ")");
        }
        String key = ENCODING_VERSION + "|" + set.get().id() + "|" + grid.get().id() + "|" + z + "/" + x + "/" + y
                + "|" + set.get().dataVersion(context);
        String etag = "\"" + digest(key) + "\"";
        if (etagMatches(request.header("if-none-match"), etag)) {
            return new OwsResponse(304, null, java.util.Map.of(), out -> {}).withHeader("ETag", etag)
                    .withHeader("Cache-Control", cacheControl());
        }
        byte[] data = cache.get(key, k -> new MvtTileBuilder(grid.get()).build(set.get().sources(context), z, x, y));
        OwsResponse r = data.length == 0
                ? new OwsResponse(204, null, java.util.Map.of(), out -> {})
                : OwsResponse.bytes(200, MVT, data);
        return r.withHeader("ETag", etag).withHeader("Cache-Control", cacheControl());
    }

    private OwsResponse tileJson(OwsRequest request, String layer, String gridName) {
        Optional<TileLayerSet> set = TileLayerSet.resolve(context.catalog(), layer);
        if (set.isEmpty()) return notFound("Unknown layer or group (or a layer without geometry): " + layer);
        Optional<TileGrid> grid = TileGrid.byName(gridName);
        if (grid.isEmpty())
            return notFound("Unknown tile matrix set '" + gridName + "'; known: WebMercatorQuad, CGCS2000Quad");
        return OwsResponse
                .bytes(200, "application/json", TileJson.write(set.get(), grid.get(), request.baseUrl(), context))
                .withHeader("Cache-Control", "no-cache");
    }

    /** Clients may keep a tile for a minute, then revalidate with its ETag. */
    private static String cacheControl() {
        return "public, max-age=60";
    }

    static boolean etagMatches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String t : ifNoneMatch.split(",")) {
            String s = t.trim();
            if (s.startsWith("W/")) s = s.substring(2);
            if (s.equals(etag) || s.equals("*")) return true;
        }
        return false;
    }

    private static String digest(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    private static OwsResponse notFound(String message) {
        return OwsResponse.text(404, "text/plain; charset=UTF-8", message + "\n");
    }
}
