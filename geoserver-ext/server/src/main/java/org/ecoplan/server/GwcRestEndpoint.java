package org.ecoplan.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecoplan.map.MapCore;
import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.map.tiles.TileLayer;
import org.ecoplan.map.tiles.TileMatrixSet;
import org.ecoplan.map.tiles.TileMatrixSets;
import org.ecoplan.map.tiles.TileSeeder;
import org.ecoplan.ows.HttpEndpoint;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;

/**
 * GeoWebCache's REST API for the tile cache ({@code /gwc/rest}, also {@code /geoserver/gwc/rest}),
 * administrators only: {@code POST seed/{layer}.json} with a {@code seedRequest} (type seed, reseed
 * or truncate; gridSetId, zoomStart, zoomStop, format) runs in the background on this server's own
 * tile engine, {@code GET seed/{layer}.json} reports the layer's tasks as GeoWebCache's
 * {@code long-array-array} (tiles done, total, time left, task id, status), and {@code POST
 * masstruncate} with {@code <truncateLayer><layerName>…} empties a layer's cache.
 */
final class GwcRestEndpoint implements HttpEndpoint {
    static final String PREFIX = "/gwc/rest";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LAYER_NAME = Pattern.compile("<layerName>\\s*([^<]+?)\\s*</layerName>");
    /** One seeding task at a time, beside the requests: the server stays responsive while it seeds. */
    private static final ExecutorService SEEDER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ecoplan-seed");
        t.setDaemon(true);
        return t;
    });
    private static final AtomicInteger IDS = new AtomicInteger();
    /** Task id → [layer key, tiles done, status (0 pending, 1 running, 2 done, -1 aborted)]. */
    private static final Map<Integer, Object[]> TASKS = new ConcurrentHashMap<>();

    private final ServerContext context;

    GwcRestEndpoint(ServerContext context) {
        this.context = context;
    }

    @Override
    public String pathPrefix() { return PREFIX; }

    @Override
    public OwsResponse exception(ServiceException e, OwsRequest request) {
        return AdminOnly.error(e);
    }

    @Override
    public OwsResponse handle(OwsRequest r) {
        AdminOnly.require(r, "The tile cache API");
        String rest = r.path().substring(PREFIX.length()).replaceFirst("\\.(json|xml)$", "");
        if (rest.equals("/masstruncate") && r.method().equals("POST")) return massTruncate(r);
        if (rest.startsWith("/seed/")) {
            String name = java.net.URLDecoder.decode(rest.substring("/seed/".length()), StandardCharsets.UTF_8);
            TileLayer layer = layer(name);
            if (r.method().equals("POST")) return seed(r, layer);
            if (r.method().equals("GET")) return status(layer);
        }
        throw new ServiceException("NotFound", null, "No tile cache resource " + r.method() + " " + r.path(), 404);
    }

    private TileLayer layer(String name) {
        return MapCore.of(context).tiles().layer(context.catalog().globalView(), name).orElseThrow(
                () -> new ServiceException("NotFound", null, "No tiled layer or group named '" + name + "'", 404));
    }

    private OwsResponse seed(OwsRequest r, TileLayer layer) {
        JsonNode q = RestBody.read(r.body(), r.contentType()).path("seedRequest");
        String type = q.path("type").asText("seed");
        if (type.equals("truncate")) {
            long n = MapCore.of(context).tiles().cache().truncate(layer.key());
            return OwsResponse.text(200, "text/plain; charset=UTF-8", n + " tiles removed\n");
        }
        if (!type.equals("seed") && !type.equals("reseed")) {
            throw new ServiceException("BadRequest", null, "type must be seed, reseed or truncate", 400);
        }
        var engine = MapCore.of(context).tiles();
        if (engine.cache().directory() == null) {
            throw new ServiceException("BadRequest", null,
                    "The tile cache is off (ECOPLAN_TILE_CACHE): nothing to seed into",
                    400);
        }
        TileMatrixSet set = TileMatrixSets.find(q.path("gridSetId").asText("WebMercatorQuad")).orElseThrow(
                () -> new ServiceException("BadRequest", null, "Unknown gridSetId", 400));
        String f = q.path("format").asText("image/png");
        ImageFormat format = ImageFormat.tileByExtension(f.substring(f.indexOf('/') + 1)).orElseThrow(
                () -> new ServiceException("BadRequest", null, "Unknown format " + f, 400));
        int start = q.path("zoomStart").asInt(set.firstZoom());
        int stop = q.path("zoomStop").asInt(Math.min(set.lastZoom(), start + 5));
        if (start < set.firstZoom() || stop > set.lastZoom() || start > stop || stop - start > 20) {
            throw new ServiceException("BadRequest", null, "zoomStart…zoomStop must lie within " + set.firstZoom() + "…"
                    + set.lastZoom() + " of " + set.identifier(), 400);
        }
        if (type.equals("reseed")) engine.cache().truncate(layer.key());
        int id = IDS.incrementAndGet();
        Object[] task = {layer.key(), 0L, 0};
        TASKS.put(id, task);
        // the seed holds its catalog generation open: a reload meanwhile does not close the stores it reads
        InFlight work = context.component(InFlight.class);
        work.begin();
        SEEDER.execute(() -> {
            task[2] = 1;
            try {
                TileSeeder.Result result = new TileSeeder(engine).seed(layer, layer.resolveStyle(null), set, format,
                        start, stop, null, new PrintStream(OutputStream.nullOutputStream()));
                task[1] = result.tiles();
                task[2] = 2;
            } catch (RuntimeException e) {
                task[2] = -1;
            } finally {
                work.end();
            }
        });
        return OwsResponse.text(200, "text/plain; charset=UTF-8", "");
    }

    private static OwsResponse status(TileLayer layer) {
        List<long[]> rows = new ArrayList<>();
        TASKS.forEach((id, t) -> {
            if (t[0].equals(layer.key()) && ((int) t[2] == 0 || (int) t[2] == 1)) {
                rows.add(new long[]{(long) t[1], -1, -1, id, (int) t[2]});
            }
        });
        try {
            return OwsResponse.bytes(200, "application/json", JSON.writeValueAsBytes(Map.of("long-array-array", rows)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private OwsResponse massTruncate(OwsRequest r) {
        Matcher m = LAYER_NAME.matcher(new String(r.body(), StandardCharsets.UTF_8));
        if (!m.find()) throw new ServiceException("BadRequest", null, "Expected <truncateLayer><layerName>…", 400);
        long n = MapCore.of(context).tiles().cache().truncate(layer(m.group(1)).key());
        return OwsResponse.text(200, "text/plain; charset=UTF-8", n + " tiles removed\n");
    }
}
