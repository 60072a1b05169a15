package org.ecoplan.server;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.map.MapCore;
import org.ecoplan.ows.OwsRequest;

/**
 * The server's Prometheus metrics ({@code /metrics}, text exposition 0.0.4) through Micrometer:
 * {@code ecoplan_requests_seconds} (a latency histogram per service, operation, layer and status
 * class), the tile cache's hits and misses, each store's connection pool (active, idle, waiting, max), the renders waiting for a slot and the free slots, and
 * the JVM's memory, GC, threads, CPU and uptime. One registry for the server's life; the gauges read
 * whichever catalog generation is serving. Tag values are bounded: an operation or layer name the
 * server does not know is counted as "other", so no client can grow the series without end.
 */
final class ServerMetrics {
    private static final Set<String> OPERATIONS = Set.of("getcapabilities", "getmap", "getfeatureinfo",
            "getlegendgraphic", "describelayer", "getfeature", "describefeaturetype", "getpropertyvalue",
            "liststoredqueries", "describestoredqueries", "gettile", "getmetadata");
    private static final Set<String> SERVICES = Set.of("wms", "wfs", "wmts", "ows", "ogcapi", "tiles", "vtiles",
            "viewer", "rest", "gwc", "health", "metrics");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Held here: Micrometer keeps only a weak reference to a gauge's object. */
    private final Supplier<ServerContext> current;

    private final MultiGauge poolActive = MultiGauge.builder("ecoplan.db.connections.active")
            .description("database connections lent to requests, per store").register(registry);
    private final MultiGauge poolIdle = MultiGauge.builder("ecoplan.db.connections.idle")
            .description("database connections idle in the pool, per store").register(registry);
    private final MultiGauge poolWaiting = MultiGauge.builder("ecoplan.db.connections.waiting")
            .description("requests waiting for a database connection, per store").register(registry);
    private final MultiGauge poolMax = MultiGauge.builder("ecoplan.db.connections.max")
            .description("the pool's maximum size, per store").register(registry);

    ServerMetrics(Supplier<ServerContext> current) {
        this.current = current;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        FunctionCounter.builder("ecoplan.tile.cache.hits", current, c -> MapCore.of(c.get()).tiles().cache().hits())
                .description("tile cache lookups that found the tile (memory or disk)").register(registry);
        FunctionCounter.builder("ecoplan.tile.cache.misses", current, c -> MapCore.of(c.get()).tiles().cache().misses())
                .description("tile cache lookups that did not").register(registry);
        Gauge.builder("ecoplan.render.waiting", current, c -> MapCore.of(c.get()).renders().waiting())
                .description("renders (maps and tile blocks) waiting for a slot").register(registry);
        Gauge.builder("ecoplan.render.available", current, c -> MapCore.of(c.get()).renders().available())
                .description("free render slots").register(registry);
    }

    /**
     * The connection pools of the serving generation's stores, read at each scrape: a reload may
     * add or remove stores, so the rows are replaced whole.
     */
    private void updatePools() {
        java.util.List<MultiGauge.Row<?>> active = new java.util.ArrayList<>();
        java.util.List<MultiGauge.Row<?>> idle = new java.util.ArrayList<>();
        java.util.List<MultiGauge.Row<?>> waiting = new java.util.ArrayList<>();
        java.util.List<MultiGauge.Row<?>> max = new java.util.ArrayList<>();
        for (var e : current.get().stores().entrySet()) {
            e.getValue().connectionPool().ifPresent(p -> {
                Tags tags = Tags.of("store", e.getKey());
                active.add(MultiGauge.Row.of(tags, p.active()));
                idle.add(MultiGauge.Row.of(tags, p.idle()));
                waiting.add(MultiGauge.Row.of(tags, p.waiting()));
                max.add(MultiGauge.Row.of(tags, p.maximum()));
            });
        }
        poolActive.register(active, true);
        poolIdle.register(idle, true);
        poolWaiting.register(waiting, true);
        poolMax.register(max, true);
    }

    /** One answered request. */
    void record(OwsRequest request, Supplier<CatalogView> view, int status, long nanos) {
        String service = service(request);
        Timer.builder("ecoplan.requests").description("requests by service, operation, layer and status class")
                .tags("service", service, "operation", operation(request, service), "layer", layer(request, view),
                        "status", (status / 100) + "xx")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(120)).register(registry).record(Duration.ofNanos(nanos));
    }

    /** The Prometheus text exposition. */
    String scrape() {
        updatePools();
        return registry.scrape();
    }

    private static String service(OwsRequest r) {
        String p = r.path();
        String first = p.length() > 1 ? p.substring(1).split("/")[0].toLowerCase(Locale.ROOT) : "landing";
        if (first.equals("ows")) {
            String s = r.params().value("service");
            if (s != null && SERVICES.contains(s.toLowerCase(Locale.ROOT))) return s.toLowerCase(Locale.ROOT);
        }
        return first.equals("landing") || SERVICES.contains(first) ? first : "other";
    }

    private static String operation(OwsRequest r, String service) {
        String req = r.params().value("request");
        if (req != null)
            return OPERATIONS.contains(req.toLowerCase(Locale.ROOT)) ? req.toLowerCase(Locale.ROOT) : "other";
        String[] s = r.path().split("/");
        return switch (service) {
            case "ogcapi" -> s.length <= 2
                    ? "landing"
                    : s.length >= 5 && s[2].equals("collections")
                            ? (s[4].equals("items")
                                    ? (s.length > 5 ? "item" : "items")
                                    : s[4].equals("tiles") || s[4].equals("map")
                                            ? "tiles"
                                            : s[4].equals("queryables") ? "queryables" : "other")
                            : s[2].equals("collections")
                                    ? (s.length == 3 ? "collections" : "collection")
                                    : Set.of("conformance", "api", "processes", "jobs", "tileMatrixSets").contains(s[2])
                                            ? s[2]
                                            : "other";
            case "tiles", "vtiles" -> "tile";
            default -> r.method().toLowerCase(Locale.ROOT);
        };
    }

    /** The first layer the request names, if it is one the caller may see; else "" or "other". */
    private static String layer(OwsRequest r, Supplier<CatalogView> views) {
        String name = null;
        for (String p : new String[]{"layers", "typenames", "typename", "layer", "query_layers"}) {
            String v = r.params().value(p);
            if (v != null && !v.isBlank()) {
                name = v.split(",")[0].trim();
                break;
            }
        }
        if (name == null) {
            String[] s = r.path().split("/");
            if (s.length > 2 && (s[1].equals("tiles") || s[1].equals("vtiles"))) name = s[2];
            if (s.length > 3 && s[1].equals("ogcapi") && s[2].equals("collections")) name = s[3];
        }
        if (name == null) return "";
        CatalogView view = views.get();
        return view.layer(name).isPresent() || view.group(name).isPresent() ? name : "other";
    }
}
