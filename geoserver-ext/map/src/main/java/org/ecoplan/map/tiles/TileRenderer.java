package org.ecoplan.map.tiles;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.map.RenderLimiter;
import org.ecoplan.map.image.ImageEncoder;
import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.render.MapLayer;
import org.ecoplan.render.MapRenderer;
import org.ecoplan.render.MapRequest;
import org.ecoplan.render.RenderTimeoutException;
import org.ecoplan.render.style.StyleLibrary;
import org.locationtech.jts.geom.Envelope;

/**
 * Renders a {@link MetaTile} of a layer with the Java2D renderer and cuts it into encoded tiles.
 * The image extends {@link #GUTTER} pixels beyond the block on every side so symbols and labels
 * near the block's outer edge are drawn as on the neighbouring block. Renders take a slot of the
 * server's one {@link RenderLimiter}, shared with WMS GetMap.
 */
public final class TileRenderer {
    /** Pixels rendered around a metatile and thrown away. */
    public static final int GUTTER = 32;

    private final ServiceContext context;
    private final StyleLibrary styles;
    private final MapRenderer renderer = new MapRenderer();
    private final RenderLimiter limiter;

    public TileRenderer(ServiceContext context, StyleLibrary styles, RenderLimiter limiter) {
        this.context = context;
        this.styles = styles;
        this.limiter = limiter;
    }

    /** The encoded tiles of the block, keyed "col/row". */
    public Map<String, byte[]> render(TileLayer layer, String style, MetaTile meta, ImageFormat format) {
        TileMatrixSet set = meta.set();
        double res = meta.matrix().resolution();
        Envelope block = set.blockEnvelope(meta.matrix(), meta.col(), meta.row(), meta.cols(), meta.rows());
        Envelope withGutter = new Envelope(block);
        withGutter.expandBy(GUTTER * res);
        int width = (int) meta.cols() * TileMatrixSet.TILE_SIZE + 2 * GUTTER;
        int height = (int) meta.rows() * TileMatrixSet.TILE_SIZE + 2 * GUTTER;
        List<MapLayer> layers = new ArrayList<>();
        for (LayerConfig m : layer.members()) {
            String sld = layer.group() ? m.styles().defaultStyle() : style;
            layers.add(new MapLayer(m.id(), context.featureSource(m), styles.style(m, sld)));
        }
        BufferedImage image;
        limiter.acquire();
        try {
            long limit = context.settings().maxRenderMillis();
            image = renderer
                    .render(new MapRequest(layers, withGutter, set.crs(), width, height, format.supportsTransparency(),
                            Color.WHITE,
                            // premultiplied, as WMS maps are: the renderer draws fills and thin outlines
                            // straight into such pixels (CoverageRasterizer), not into plain ARGB
                            format.supportsTransparency()
                                    ? BufferedImage.TYPE_INT_ARGB_PRE
                                    : BufferedImage.TYPE_INT_RGB,
                            MapRequest.deadlineIn(Duration.ofMillis(limit)), GUTTER));
        } catch (RenderTimeoutException e) {
            throw new ServiceException(ServiceException.NO_APPLICABLE_CODE, null, "Rendering the tiles took too long",
                    503);
        } finally {
            limiter.release();
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        try {
            for (int r = 0; r < meta.rows(); r++) {
                for (int c = 0; c < meta.cols(); c++) {
                    BufferedImage tile = image.getSubimage(GUTTER + c * TileMatrixSet.TILE_SIZE,
                            GUTTER + r * TileMatrixSet.TILE_SIZE,
                            TileMatrixSet.TILE_SIZE, TileMatrixSet.TILE_SIZE);
                    out.put((meta.col() + c) + "/" + (meta.row() + r), encode(tile, format));
                }
            }
        } finally {
            // every tile is encoded into bytes: the metatile's pixels are drawn into again
            renderer.recycle(image);
        }
        return out;
    }

    /** Encodes a tile cut from a metatile image; a JPEG is flattened onto white. */
    static byte[] encode(BufferedImage tile, ImageFormat format) {
        return ImageEncoder.toBytes(tile, format, Color.WHITE);
    }

    /** An empty tile (transparent PNG or white JPEG), for tiles outside a layer's limits. */
    public static byte[] blank(ImageFormat format) {
        return encode(new BufferedImage(TileMatrixSet.TILE_SIZE, TileMatrixSet.TILE_SIZE, BufferedImage.TYPE_INT_ARGB),
                format);
    }
}
