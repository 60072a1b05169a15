package org.ecoplan.wms.getmap;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.map.RenderLimiter;
import org.ecoplan.map.image.ImageEncoder;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.render.MapLayer;
import org.ecoplan.render.MapRenderer;
import org.ecoplan.render.MapRequest;
import org.ecoplan.render.RenderTimeoutException;
import org.ecoplan.wms.WmsExceptionCode;

/**
 * The GetMap operation (WMS 1.3.0 clause 7.3, WMS 1.1.1 clause 7.2): resolves layers and styles,
 * renders inside the concurrency gate with the configured time limit, and encodes the image.
 * Image memory is checked before anything is allocated, so an oversized request is refused
 * rather than exhausting the heap.
 */
public final class GetMap {
    /** Pixels around the map whose features are still read, so symbols and labels cut by the edge join across tiles. */
    static final int BUFFER_PIXELS = 32;

    private final ServiceContext context;
    private final MapLayerResolver resolver;
    private final RenderLimiter gate;
    private final MapRenderer renderer;

    public GetMap(ServiceContext context, MapLayerResolver resolver, RenderLimiter gate, MapRenderer renderer) {
        this.context = context;
        this.resolver = resolver;
        this.gate = gate;
        this.renderer = renderer;
    }

    /** @param view what the endpoint publishes, whose names LAYERS uses */
    public OwsResponse run(CatalogView view, GetMapRequest r) {
        return run(view, r, true);
    }

    /**
     * @param render false for a HEAD request: the request is checked as fully as a GET, and answered
     *               with its headers, but no map is drawn (HTTP sends no body to HEAD anyway)
     */
    public OwsResponse run(CatalogView view, GetMapRequest r, boolean render) {
        List<StyledMapLayer> styled = resolver.resolve(view, r);
        List<MapLayer> layers = new ArrayList<>();
        for (StyledMapLayer s : styled)
            layers.add(new MapLayer(s.layer().id(), context.featureSource(s.layer()), s.style()));
        boolean transparent = r.transparent() && r.format().supportsTransparency();
        checkMemory(r.width(), r.height());
        if (!render) return OwsResponse.ok(r.format().mime(), out -> {});
        long limit = context.settings().maxRenderMillis();
        gate.acquire();
        try {
            MapRequest request = new MapRequest(layers, r.bbox(), r.crs().crs(), r.width(), r.height(), transparent,
                    r.background(),
                    transparent || r.format().palette() ? BufferedImage.TYPE_INT_ARGB_PRE : BufferedImage.TYPE_INT_RGB,
                    MapRequest.deadlineIn(Duration.ofMillis(limit)), BUFFER_PIXELS);
            BufferedImage image = renderer.render(request);
            byte[] encoded;
            try {
                encoded = ImageEncoder.toBytes(image, r.format(), opaque(r.background()));
            } finally {
                renderer.recycle(image);
            }
            return OwsResponse.bytes(200, r.format().mime(), encoded);
        } catch (RenderTimeoutException e) {
            throw new ServiceException(ServiceException.NO_APPLICABLE_CODE, null,
                    "Rendering took longer than the limit of " + limit + " ms; request a smaller area or fewer layers",
                    503);
        } finally {
            gate.release();
        }
    }

    private static Color opaque(Color c) {
        return c == null ? Color.WHITE : new Color(c.getRGB() & 0xFFFFFF);
    }

    /** Refuses a map whose image buffers (raster + encoding copy) would not fit in the free heap. */
    static void checkMemory(int width, int height) {
        long needed = (long) width * height * 4L * 3L;
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (needed > free) {
            throw new ServiceException(WmsExceptionCode.SERVICE_UNAVAILABLE, null,
                    "Not enough memory for a " + width + "x" + height
                            + " map right now; retry or request a smaller image",
                    503);
        }
    }
}
