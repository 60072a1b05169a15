package org.ecoplan.map.tiles;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;
import org.locationtech.jts.geom.Envelope;

/**
 * Produces tiles: finds them in the {@link TileCache}, or renders their {@link MetaTile} once
 * (concurrent requests for tiles of the same block wait for the one render, "single flight") and
 * stores every tile of the block. One engine per running workspace is shared by the WMTS KVP
 * service and the REST and XYZ endpoints, so they share one cache.
 */
public final class TileEngine {
    /**
     * The outcome of a tile request: the tile, or {@code outside} when it lies outside the layer's
     * limits; no tile for a HEAD of a tile not in the cache.
     */
    public record Result(CachedTile tile, boolean outside) {}

    private final ServiceContext context;
    private final ContentVersions versions;
    private final TileCache cache;
    private final TileRenderer renderer;
    private final long maxAgeSeconds;
    private final Map<String, CompletableFuture<Map<String, byte[]>>> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Map<String, TileRange>> limits = new ConcurrentHashMap<>();
    private final Map<ImageFormat, CachedTile> blanks = new ConcurrentHashMap<>();
    private final Map<String, java.util.Optional<TileLayer>> layers = new ConcurrentHashMap<>();

    /**
     * @param renderer      draws metatiles (with the server's one style library and render limit)
     * @param maxAgeSeconds Cache-Control max-age of tile responses
     */
    public TileEngine(ServiceContext context, TileRenderer renderer, ContentVersions versions, TileCache cache,
            long maxAgeSeconds) {
        this.context = context;
        this.versions = versions;
        this.cache = cache;
        this.renderer = renderer;
        this.maxAgeSeconds = maxAgeSeconds;
    }

    public ServiceContext context() { return context; }

    /**
     * A tiled layer or group by the name an endpoint publishes it under; resolved once per endpoint,
     * as the catalog does not change while the server runs.
     */
    public java.util.Optional<TileLayer> layer(CatalogView view, String name) {
        if (name == null) return java.util.Optional.empty();
        // lists are not kept: their number grows with the catalog's combinations
        if (name.indexOf(',') >= 0) return TileLayer.of(view, name);
        // the memo is shared by every caller: what the name means to this caller is asked of its view
        // first, and is part of the key (an unqualified name at the global endpoints may mean another
        // workspace's layer to a caller who may not read the default workspace's)
        String resolved = view.layer(name).map(l -> "layer " + l.qualifiedName())
                .or(() -> view.group(name).map(g -> "group " + g.qualifiedName())).orElse(null);
        if (resolved == null) return java.util.Optional.empty();
        String k = view.pathPrefix() + "|" + name + "|" + resolved;
        java.util.Optional<TileLayer> l = layers.get(k);
        if (l != null) return l;
        l = TileLayer.of(view, name);
        if (l.isPresent()) layers.put(k, l); // unknown names are not kept, so a client cannot grow the map
        return l;
    }

    /** A layer by its published name at an endpoint, or InvalidParameterValue naming the parameter. */
    public TileLayer requireLayer(CatalogView view, String name, String locator) {
        return layer(view, name).orElseThrow(() -> new ServiceException(ServiceException.INVALID_PARAMETER_VALUE,
                locator, "No tiled layer named '" + name + "'"));
    }

    public ContentVersions versions() { return versions; }

    public TileCache cache() { return cache; }

    /** Cache-Control max-age of tile responses, seconds. */
    public long maxAgeSeconds() { return maxAgeSeconds; }

    /**
     * The tile; TileOutOfRange (HTTP 400) when the column or row is outside the matrix, and an
     * {@code outside} result when it is outside the layer's limits.
     */
    public Result tile(TileRequest r) {
        return tile(r, true);
    }

    /**
     * @param render false for a HEAD request: the request is checked as for GET and a cached tile is
     *               returned, but an uncached one is not drawn (its result carries no tile)
     */
    public Result tile(TileRequest r, boolean render) {
        if (!r.matrix().contains(r.col(), r.row())) {
            throw new ServiceException("TileOutOfRange",
                    r.row() < 0 || r.row() >= r.matrix().matrixHeight() ? "TileRow" : "TileCol",
                    "Tile (row " + r.row() + ", col " + r.col() + ") is outside TileMatrix " + r.matrix().identifier()
                            + " of "
                            + r.set().identifier() + " (" + r.matrix().matrixHeight() + " rows x "
                            + r.matrix().matrixWidth() + " cols)",
                    400);
        }
        String version = versions.version(r.layer(), r.style());
        TileRange range = limits(r.layer(), r.set(), version).get(r.matrix().identifier());
        if (range == null || !range.contains(r.col(), r.row())) return new Result(blank(r.format()), true);
        TileKey key = r.key(version);
        CachedTile hit = cache.get(key);
        if (hit != null) return new Result(hit, false);
        if (!render) return new Result(null, false);
        return new Result(render(r, version, key), false);
    }

    /** The limits of a layer in a set for the current data version. */
    public Map<String, TileRange> limits(TileLayer layer, TileMatrixSet set) {
        return limits(layer, set, versions.version(layer, layer.styles().get(0)));
    }

    private Map<String, TileRange> limits(TileLayer layer, TileMatrixSet set, String version) {
        String k = layer.key() + "/" + set.identifier() + "/" + version;
        Map<String, TileRange> l = limits.get(k);
        if (l != null) return l;
        Envelope b = LayerLimits.bounds(context, layer, set);
        l = LayerLimits.of(b, set);
        if (limits.size() > 1000) limits.clear();
        limits.put(k, l);
        return l;
    }

    private CachedTile render(TileRequest r, String version, TileKey key) {
        MetaTile meta = MetaTile.of(r.set(), r.matrix(), r.col(), r.row());
        String flightKey = r.layer().key() + "/" + r.style() + "/" + r.format() + "/" + version + "/" + meta.id();
        CompletableFuture<Map<String, byte[]>> mine = new CompletableFuture<>();
        CompletableFuture<Map<String, byte[]>> running = inFlight.putIfAbsent(flightKey, mine);
        Map<String, byte[]> tiles;
        if (running == null) {
            try {
                tiles = renderer.render(r.layer(), r.style(), meta, r.format());
                long now = System.currentTimeMillis();
                for (Map.Entry<String, byte[]> e : tiles.entrySet()) {
                    String[] cr = e.getKey().split("/");
                    TileKey k = new TileKey(key.layer(), key.style(), key.matrixSet(), key.matrix(),
                            Long.parseLong(cr[0]),
                            Long.parseLong(cr[1]), key.format(), version);
                    cache.put(k, CachedTile.of(e.getValue(), now, k));
                }
                mine.complete(tiles);
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                inFlight.remove(flightKey, mine);
            }
        } else {
            try {
                tiles = running.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw e;
            }
        }
        CachedTile t = cache.get(key);
        if (t != null) return t;
        // memory-only cache evicted it already: serve the rendered bytes
        return CachedTile.of(tiles.get(r.col() + "/" + r.row()), System.currentTimeMillis(), key);
    }

    private CachedTile blank(ImageFormat f) {
        return blanks.computeIfAbsent(f,
                x -> new CachedTile(TileRenderer.blank(x), 0, "\"blank-" + x.extension() + "\"", null));
    }
}
