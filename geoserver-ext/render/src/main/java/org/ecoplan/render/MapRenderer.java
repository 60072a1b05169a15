package org.ecoplan.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.FilterEvaluator;
import org.ecoplan.catalog.store.FeatureCursor;
import org.locationtech.jts.geom.Envelope;

/**
 * Draws a map image from styled layers with Java2D (the portrayal step of WMS 1.3.0 GetMap,
 * clause 7.3, with styles per SLD 1.0.0 / SE 1.1): layers bottom to top, within a layer each
 * FeatureTypeStyle above the previous one, within it the rules in order;
 * labels of all layers are placed and drawn last so geometry never covers them.
 *
 * <p>Thread-safe: every call has its own drawing state; images given back with {@link #recycle} are
 * drawn into again ({@link CanvasPool}).
 */
public final class MapRenderer {
    private final CanvasPool canvases = CanvasPool.SHARED;

    /** Largest map (pixels) for which later FeatureTypeStyles get an overlay image instead of a second read. */
    private static final long MAX_OVERLAY_PIXELS = 4L * 1024 * 1024;

    /** Renders the map; throws {@link RenderTimeoutException} when the request's deadline passes. */
    public BufferedImage render(MapRequest request) {
        BufferedImage image = canvases.take(request.width(), request.height(), request.imageType());
        Graphics2D g = image.createGraphics();
        try {
            applyQualityHints(g);
            boolean clear = request.transparent() && request.hasAlpha();
            if (clear) {
                clear(g, request);
            } else {
                g.setColor(request.background());
                g.fillRect(0, 0, request.width(), request.height());
            }
            MapViewport viewport = new MapViewport(request.bbox(), request.width(), request.height(), request.crs());
            LabelEngine labels = new LabelEngine(request.width(), request.height());
            SymbolizerPainter painter = new SymbolizerPainter(g, image, viewport, labels, request.bufferPixels());
            for (MapLayer layer : request.layers()) drawLayer(layer, request, viewport, g, painter, labels);
            labels.drawAll(g, request);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Gives back an image {@link #render} returned, once nothing reads its pixels any more (it has
     * been encoded), so the next map of its size is drawn into it.
     */
    public void recycle(BufferedImage image) {
        if (image != null) canvases.give(image);
    }

    /** Makes every pixel clear: a pooled image holds its last drawing (a new one is clear already). */
    private static void clear(Graphics2D g, MapRequest request) {
        g.setComposite(java.awt.AlphaComposite.Clear);
        g.fillRect(0, 0, request.width(), request.height());
        g.setComposite(java.awt.AlphaComposite.SrcOver);
    }

    static void applyQualityHints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    /**
     * Draws a layer with one feature stream: the first FeatureTypeStyle that draws geometry paints
     * on the map, later ones on images of their own that are laid over it afterwards, which keeps
     * the SLD order (each FeatureTypeStyle above the previous one) without reading the features
     * again. Label-only FeatureTypeStyles need no image. Very large maps read once per
     * FeatureTypeStyle instead, to bound memory.
     */
    private void drawLayer(MapLayer layer, MapRequest request, MapViewport viewport, Graphics2D g,
            SymbolizerPainter painter,
            LabelEngine labels) {
        FeatureType type = layer.source().schema();
        if (!type.hasGeometry() || layer.style() == null) return;
        BoundStyle style = BoundStyle.of(layer.style(), type);
        List<RenderPass> passes = new ArrayList<>();
        for (BoundStyle.BoundFeatureTypeStyle fts : style.featureTypeStyles()) {
            RenderPass p = RenderPass.of(fts, viewport.scaleDenominator());
            if (p != null) passes.add(p);
        }
        if (passes.isEmpty()) return;
        FilterEvaluator evaluator = new FilterEvaluator(type);
        FeatureQuery query = query(layer, request, viewport, style);
        if (query == null) return;
        boolean mainTaken = false;
        int overlays = 0;
        for (RenderPass p : passes) {
            if (p.labelsOnly()) continue;
            if (mainTaken) overlays++;
            mainTaken = true;
        }
        if (overlays > 0 && (long) request.width() * request.height() > MAX_OVERLAY_PIXELS) {
            for (RenderPass p : passes) {
                p.painter(painter);
                drawFeatures(layer, query, request, evaluator, List.of(p));
            }
            return;
        }
        List<BufferedImage> images = new ArrayList<>();
        List<Graphics2D> graphics = new ArrayList<>();
        try {
            mainTaken = false;
            for (RenderPass p : passes) {
                if (p.labelsOnly() || !mainTaken) {
                    mainTaken |= !p.labelsOnly();
                    p.painter(painter);
                    continue;
                }
                BufferedImage img = canvases.take(request.width(), request.height(), BufferedImage.TYPE_INT_ARGB_PRE);
                Graphics2D og = img.createGraphics();
                clear(og, request);
                applyQualityHints(og);
                images.add(img);
                graphics.add(og);
                p.painter(new SymbolizerPainter(og, img, viewport, labels, request.bufferPixels()));
            }
            drawFeatures(layer, query, request, evaluator, passes);
            for (BufferedImage img : images) g.drawImage(img, 0, 0, null);
        } finally {
            for (Graphics2D og : graphics) og.dispose();
            for (BufferedImage img : images) canvases.give(img);
        }
    }

    /** The bbox query of a layer in its native CRS, or null when the map area has no image in that CRS. */
    private static FeatureQuery query(MapLayer layer, MapRequest request, MapViewport viewport, BoundStyle style) {
        Crs nativeCrs = layer.source().schema().geometry().crs();
        Envelope buffered = viewport.buffered(request.bufferPixels());
        Envelope nativeBox = nativeCrs == null
                ? buffered
                : new GeometryTransformer(request.crs(), nativeCrs).transform(buffered);
        // a map area outside the layer CRS's domain (every corner fails to transform) shows nothing of the layer
        if (nativeBox.isNull()) return null;
        return FeatureQuery.of(new Filter.BBox(nativeBox))
                .withProperties(style.properties(), true)
                .withTargetCrs(request.crs())
                .withDeadline(request.deadlineNanos())
                .withGeneralization(generalization(nativeBox, request));
    }

    /**
     * Half a pixel in the layer's native units (the finer of the two axes): detail the
     * {@link PathBuilder} would drop anyway, so a store that simplifies within it (PostGIS) changes
     * no drawn vertex by more than half a pixel. Where the native CRS differs from the map's, the
     * pixel is measured over the whole box, which is close enough at map scales.
     *
     * <p>The distance is rounded down to a power of two. Where the native CRS differs from the map's,
     * neighbouring tiles or meta-tiles of one zoom level measure slightly different pixels (a
     * Web Mercator pixel spans fewer degrees further north); unrounded, each would simplify a feature
     * that crosses their edge differently, and the two halves could meet up to a pixel apart. Rounded,
     * they ask for the same distance except where a level straddles a power of two, and a distance
     * never exceeds half a pixel.
     */
    static double generalization(Envelope nativeBox, MapRequest request) {
        int pad = 2 * Math.max(0, request.bufferPixels());
        double perPixel = Math.min(nativeBox.getWidth() / (request.width() + pad),
                nativeBox.getHeight() / (request.height() + pad));
        double half = 0.5 * perPixel;
        if (!(half >= Double.MIN_NORMAL) || !Double.isFinite(half)) return 0;
        return Math.scalb(1.0, Math.getExponent(half));
    }

    private static void drawFeatures(MapLayer layer, FeatureQuery query, MapRequest request, FilterEvaluator evaluator,
            List<RenderPass> passes) {
        int n = 0;
        try (FeatureCursor cursor = layer.source().features(query)) {
            while (cursor.hasNext()) {
                // every feature: one feature's rules can be costly (a LIKE, a complex geometry), and a
                // clock read costs nanoseconds
                n++;
                if (request.pastDeadline()) {
                    throw new RenderTimeoutException("rendering layer '" + layer.name() + "' passed the deadline after "
                            + n + " features");
                }
                Feature f = cursor.next();
                if (f.geometry() == null) continue;
                for (RenderPass p : passes) p.draw(f, evaluator);
            }
        }
        if (request.pastDeadline())
            throw new RenderTimeoutException("rendering layer '" + layer.name() + "' passed the deadline");
    }
}
