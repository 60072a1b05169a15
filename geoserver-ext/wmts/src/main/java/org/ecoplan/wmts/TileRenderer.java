package org.ecoplan.wmts;

import org.ecoplan.render.style.StyleLibrary;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.render.MapLayer;
import org.ecoplan.render.MapRenderer;
import org.ecoplan.render.MapRequest;
import org.ecoplan.render.PngWriter;
import org.ecoplan.render.RenderTimeoutException;
import org.locationtech.jts.geom.Envelope;

/**
 * Renders a {@link MetaTile} of a layer with the Java2D renderer and cuts it into encoded tiles.
 * The image extends {@link #GUTTER} pixels beyond the block on every side so symbols and labels
 * near the block's outer edge are drawn as on the neighbouring block. The number of renders running
 * at once is bounded by the server's render limit; a render that cannot start in time is refused
 * with HTTP 503.
 */
public final class TileRenderer {
    /** Pixels rendered around a metatile and thrown away. */
    public static final int GUTTER = 32;

    private final ServiceContext context;
    private final StyleLibrary styles;
    private final MapRenderer renderer = new MapRenderer();
    private final Semaphore gate;

    public TileRenderer(ServiceContext context, StyleLibrary styles) {
        this.context = context;
        this.styles = styles;
        this.gate = new Semaphore(Math.max(1, context.settings().maxConcurrentRenders()), true);
    }

    /** The encoded tiles of the block, keyed "col/row". */
    public Map<String, byte[]> render(TileLayer layer, String style, MetaTile meta, TileFormat format) {
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
            layers.add(new MapLayer(m.id(), context.featureSource(m), styles.style(sld)));
        }
        BufferedImage image;
        acquire();
        try {
            long limit = context.settings().maxRenderMillis();
            image = renderer.render(new MapRequest(layers, withGutter, set.crs(), width, height, format.transparent(),
                    Color.WHITE, format.transparent() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB,
                    MapRequest.deadlineIn(Duration.ofMillis(limit)), GUTTER));
        } catch (RenderTimeoutException e) {
            throw new ServiceException(ServiceException.NO_APPLICABLE_CODE, null, "Rendering the tiles took too long",
                    503);
        } finally {
            gate.release();
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int r = 0; r < meta.rows(); r++) {
            for (int c = 0; c < meta.cols(); c++) {
                BufferedImage tile = image.getSubimage(GUTTER + c * TileMatrixSet.TILE_SIZE,
                        GUTTER + r * TileMatrixSet.TILE_SIZE,
                        TileMatrixSet.TILE_SIZE, TileMatrixSet.TILE_SIZE);
                out.put((meta.col() + c) + "/" + (meta.row() + r), encode(tile, format));
            }
        }
        return out;
    }

    private void acquire() {
        boolean ok;
        try {
            ok = gate.tryAcquire(context.settings().requestTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        }
        if (!ok) {
            throw new ServiceException("ServiceUnavailable", null,
                    "The server is rendering the maximum number of maps; retry shortly", 503);
        }
    }

    /**
     * Encodes a tile. PNG goes through {@link PngWriter}, which reads the sub-image's pixels in
     * place; for other formats the sub-image is copied first because ImageIO writes the parent
     * raster's layout otherwise.
     */
    static byte[] encode(BufferedImage tile, TileFormat format) {
        if (format == TileFormat.PNG && PngWriter.supports(tile)) {
            ByteArrayOutputStream png = new ByteArrayOutputStream(8192);
            try {
                PngWriter.write(tile, png);
            } catch (IOException e) {
                throw new ServiceException(ServiceException.NO_APPLICABLE_CODE, null,
                        "Cannot encode the tile: " + e.getMessage(), 500);
            }
            return png.toByteArray();
        }
        BufferedImage copy = new BufferedImage(tile.getWidth(), tile.getHeight(),
                format.transparent() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        if (!format.transparent()) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, copy.getWidth(), copy.getHeight());
        }
        g.drawImage(tile, 0, 0, null);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try {
            if (!ImageIO.write(copy, format.imageIoName(), bytes))
                throw new IOException("no ImageIO writer for " + format.mime());
        } catch (IOException e) {
            throw new ServiceException(ServiceException.NO_APPLICABLE_CODE, null,
                    "Cannot encode the tile: " + e.getMessage(), 500);
        }
        return bytes.toByteArray();
    }

    /** An empty tile (transparent PNG or white JPEG), for tiles outside a layer's limits. */
    public static byte[] blank(TileFormat format) {
        return encode(new BufferedImage(TileMatrixSet.TILE_SIZE, TileMatrixSet.TILE_SIZE, BufferedImage.TYPE_INT_ARGB),
                format);
    }
}
