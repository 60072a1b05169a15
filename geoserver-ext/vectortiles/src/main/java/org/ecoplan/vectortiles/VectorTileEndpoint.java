package org.ecoplan.vectortiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.map.tiles.LayerLimits;
import org.ecoplan.map.tiles.TileEngine;
import org.ecoplan.map.tiles.TileJson;
import org.ecoplan.map.tiles.TileLayer;
import org.ecoplan.map.tiles.TileMatrix;
import org.ecoplan.map.tiles.TileMatrixSet;
import org.ecoplan.map.tiles.TileMatrixSets;
import org.ecoplan.ows.HttpEndpoint;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;
import org.locationtech.jts.geom.Envelope;

/**
 * Mapbox Vector Tiles over HTTP:
 * <ul>
 *   <li>{@code GET /vtiles/{layerOrGroup}/{tileMatrixSet}/{z}/{x}/{y}.mvt} (also {@code .pbf}):
 *       {@code application/vnd.mapbox-vector-tile}; a tile without features is {@code 204 No Content};</li>
 *   <li>{@code GET /vtiles/{layerOrGroup}/{tileMatrixSet}/tilejson.json}: TileJSON 3.0.0.</li>
 * </ul>
 * {@code layerOrGroup} may also be a comma-separated list of layers and groups of one workspace: one
 * tile then carries each of their layers.
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
    private final TileEngine tiles;
    private final Cache<String, byte[]> cache;

    /** @param tiles the map core's tile engine, whose layer resolution (layers and groups with geometry) is reused */
    public VectorTileEndpoint(ServiceContext context, TileEngine tiles, long cacheBytes) {
        this.context = context;
        this.tiles = tiles;
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
        throw notFound("No vector tile resource at " + request.path()
                + "; use " + PREFIX + "/{layerOrGroup}/{tileMatrixSet}/{z}/{x}/{y}.mvt or .../tilejson.json");
    }

    private OwsResponse tile(OwsRequest request, Matcher m) {
        TileLayer layer = layer(request, m.group(1));
        TileMatrixSet set = set(m.group(2));
        int z = Integer.parseInt(m.group(3));
        long x = Long.parseLong(m.group(4));
        long y = Long.parseLong(m.group(5));
        TileMatrix matrix = set.matrix(z).filter(mx -> mx.contains(x, y)).orElseThrow(() -> notFound("Tile " + z + "/"
                + x + "/" + y + " is outside " + set.identifier() + " (levels " + set.firstZoom() + "–"
                + set.lastZoom() + ")"));
        String key = ENCODING_VERSION + "|" + layer.key() + "|" + set.identifier() + "|" + z + "/" + x + "/" + y + "|"
                + dataVersion(layer);
        String etag = "\"" + digest(key) + "\"";
        if (etagMatches(request.header("if-none-match"), etag)) {
            return new OwsResponse(304, null, java.util.Map.of(), out -> {}).withHeader("ETag", etag)
                    .withHeader("Cache-Control", cacheControl());
        }
        if ("HEAD".equals(request.method()) && cache.getIfPresent(key) == null) {
            // a HEAD reads no body: the tile is not built for it
            return OwsResponse.ok(MVT, out -> {}).withHeader("ETag", etag).withHeader("Cache-Control", cacheControl());
        }
        byte[] data = cache.get(key, k -> new MvtTileBuilder(set).build(sources(layer), matrix, x, y));
        OwsResponse r = data.length == 0
                ? new OwsResponse(204, null, java.util.Map.of(), out -> {})
                : OwsResponse.bytes(200, MVT, data);
        return r.withHeader("ETag", etag).withHeader("Cache-Control", cacheControl());
    }

    private OwsResponse tileJson(OwsRequest request, String layerName, String setName) {
        TileLayer layer = layer(request, layerName);
        TileMatrixSet set = set(setName);
        Envelope lonLat = LayerLimits.wgs84(context, layer);
        List<TileJson.VectorLayer> vectorLayers = new ArrayList<>();
        for (LayerConfig l : layer.members()) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (AttributeDescriptor d : l.featureType().attributes()) fields.put(d.name(), fieldType(d.type()));
            vectorLayers.add(new TileJson.VectorLayer(l.id(), l.title().both(), fields));
        }
        String tiles = request.endpointUrl(PREFIX) + "/" + layer.name() + "/" + set.identifier() + "/{z}/{x}/{y}.mvt";
        byte[] json = TileJson
                .write(new TileJson.Document(layer.name(), layer.title().both(), layer.attribution(), tiles,
                        set, set.firstZoom(), set.lastZoom(), lonLat, vectorLayers));
        return OwsResponse.bytes(200, "application/json", json).withHeader("Cache-Control", "no-cache");
    }

    /** A layer or group with geometry, or 404. */
    private TileLayer layer(OwsRequest request, String segment) {
        String name;
        try {
            name = org.ecoplan.ows.PathSegment.decode(segment);
        } catch (IllegalArgumentException e) {
            throw notFound("Malformed percent-encoding in " + segment);
        }
        return tiles.layer(context.view(request), name).orElseThrow(
                () -> notFound("Unknown layer or group (or a layer without geometry): " + name));
    }

    private static TileMatrixSet set(String name) {
        return TileMatrixSets.find(name).orElseThrow(() -> notFound("Unknown tile matrix set '" + name + "'; known: "
                + TileMatrixSets.all().stream().map(TileMatrixSet::identifier).toList()));
    }

    /** The data versions of every member, joined: any reload of any of them changes it. */
    private String dataVersion(TileLayer layer) {
        StringBuilder b = new StringBuilder();
        for (LayerConfig l : layer.members())
            b.append(l.qualifiedName()).append('=').append(context.featureSource(l).version()).append(';');
        return b.toString();
    }

    private List<MvtTileBuilder.Source> sources(TileLayer layer) {
        return layer.members().stream().map(l -> new MvtTileBuilder.Source(l.id(), context.featureSource(l))).toList();
    }

    private static String fieldType(AttributeType t) {
        return switch (t) {
            case INTEGER, DOUBLE -> "Number";
            case BOOLEAN -> "Boolean";
            default -> "String";
        };
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

    private static ServiceException notFound(String message) {
        return new ServiceException("NotFound", null, message, 404);
    }
}
