package org.ecoplan.map.tiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.ows.ServiceContext;

/**
 * The content version of what a tile shows: the data version of every layer drawn
 * ({@link org.ecoplan.catalog.store.FeatureSource#version()}) and a hash of the content of every
 * SLD file used. It is part of every tile cache key, so a data reload or a style edit can never
 * serve an old tile.
 *
 * <p>Why a check interval: reading the data version is a database query, and a cached tile must be
 * served without one. Each (layer, style) version is therefore re-read at most once per
 * {@code ECOPLAN_TILE_VERSION_CHECK_MS} (default 1000 ms); a reload by another process is seen
 * by the first request after that interval, and {@link #invalidate()} (a reload signal) forces
 * an immediate re-read. Style files are re-hashed on the same schedule.
 */
public final class ContentVersions {
    private record Stamp(String value, long checkedNanos) {}

    private final ServiceContext context;
    private final long intervalNanos;
    private final LongSupplier clock;
    /** The most versions kept between checks. */
    private static final int MAX_KEPT = 10_000;
    private final Map<String, Stamp> combined = new ConcurrentHashMap<>();

    public ContentVersions(ServiceContext context, long intervalMillis) {
        this(context, intervalMillis, System::nanoTime);
    }

    /** With a clock of its own (nanoseconds), so tests can move time. */
    public ContentVersions(ServiceContext context, long intervalMillis, LongSupplier clock) {
        this.context = context;
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.clock = clock;
    }

    /** The interval from ECOPLAN_TILE_VERSION_CHECK_MS (system property or environment), 1000 ms by default. */
    public static long intervalFromEnvironment() {
        String v = System.getProperty("ECOPLAN_TILE_VERSION_CHECK_MS", System.getenv("ECOPLAN_TILE_VERSION_CHECK_MS"));
        if (v == null || v.isBlank()) return 1000;
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "ECOPLAN_TILE_VERSION_CHECK_MS must be a non-negative integer, not '" + v + "'");
        }
    }

    /** A short hex version of the layer's data and style content. */
    public String version(TileLayer layer, String style) {
        String key = layer.key() + '\n' + style;
        long now = clock.getAsLong();
        Stamp s = combined.get(key);
        if (s != null && now - s.checkedNanos < intervalNanos) return s.value;
        Stamp fresh = new Stamp(compute(layer, style), now);
        // lists of layers make the keys many: the memo is dropped rather than let grow
        if (combined.size() > MAX_KEPT) combined.clear();
        combined.put(key, fresh);
        return fresh.value;
    }

    /** Forgets every version read, so the next request re-reads them (a reload signal). */
    public void invalidate() {
        combined.clear();
    }

    private String compute(TileLayer layer, String style) {
        StringBuilder b = new StringBuilder();
        for (LayerConfig m : layer.members())
            b.append(m.qualifiedName()).append('=').append(context.featureSource(m).version()).append('\n');
        if (layer.group()) {
            // a group or list draws each member with its own default style, from the member's workspace
            Set<String> seen = new HashSet<>();
            for (LayerConfig m : layer.members()) {
                String sld = m.styles().defaultStyle();
                if (seen.add(m.workspace() + ':' + sld))
                    b.append(m.workspace()).append(':').append(sld).append('#')
                            .append(styleHash(context.catalog().styleFile(m.workspace(), sld))).append('\n');
            }
        } else {
            for (String sld : layer.styleFiles(style))
                b.append(sld).append('#').append(styleHash(context.catalog().styleFile(layer.workspace(), sld)))
                        .append('\n');
        }
        return sha256(b.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    static String styleHash(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            return "missing";
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
