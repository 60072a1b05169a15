package org.ecoplan.map;

import org.ecoplan.map.info.FeatureHits;
import org.ecoplan.map.tiles.ContentVersions;
import org.ecoplan.map.tiles.TileCache;
import org.ecoplan.map.tiles.TileEngine;
import org.ecoplan.map.tiles.TileRenderer;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.render.style.StyleLibrary;

/**
 * The map core: what WMS, WMTS, XYZ and vector tiles share, built once per running server —
 * one style library (every SLD parsed once), one render limit for maps and tile blocks together,
 * one feature-info hit test, and one tile engine with its cache.
 */
public final class MapCore {
    private final StyleLibrary styles;
    private final RenderLimiter renders;
    private final FeatureHits featureHits;
    private final TileEngine tiles;

    private MapCore(ServiceContext context, TileCache cache, long versionCheckMillis, long tileMaxAgeSeconds) {
        this.styles = new StyleLibrary(context.catalog());
        long wait = Math.min(context.settings().maxRenderMillis(), 10_000);
        this.renders = new RenderLimiter(Math.max(1, context.settings().maxConcurrentRenders()), wait);
        this.featureHits = new FeatureHits(context);
        this.tiles = new TileEngine(context, new TileRenderer(context, styles, renders),
                new ContentVersions(context, versionCheckMillis), cache, tileMaxAgeSeconds);
    }

    /**
     * The core of a context with the tile cache of the environment: ECOPLAN_TILE_CACHE,
     * ECOPLAN_TILE_MEMORY_MB, ECOPLAN_TILE_VERSION_CHECK_MS and ECOPLAN_TILE_MAX_AGE (seconds, 300).
     */
    public static MapCore create(ServiceContext context) {
        return new MapCore(context, TileCache.fromEnvironment(context.catalog().dataDir()),
                ContentVersions.intervalFromEnvironment(),
                Long.parseLong(ServerSettings.setting("ECOPLAN_TILE_MAX_AGE", "300")));
    }

    /** A core with a given tile cache (tests). */
    public static MapCore create(ServiceContext context, TileCache cache, long versionCheckMillis) {
        return create(context, cache, versionCheckMillis, 300);
    }

    /** A core with a given tile cache and tile max-age (tests). */
    public static MapCore create(ServiceContext context, TileCache cache, long versionCheckMillis,
            long tileMaxAgeSeconds) {
        return new MapCore(context, cache, versionCheckMillis, tileMaxAgeSeconds);
    }

    /** The core the server registered for a context. */
    public static MapCore of(ServiceContext context) {
        return context.component(MapCore.class);
    }

    public StyleLibrary styles() { return styles; }

    public RenderLimiter renders() { return renders; }

    public FeatureHits featureHits() { return featureHits; }

    public TileEngine tiles() { return tiles; }
}
