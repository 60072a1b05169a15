package org.ecoplan.render;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.IdentityHashMap;
import java.util.Map;
import org.ecoplan.catalog.Feature;
import org.ecoplan.render.style.Expression;
import org.ecoplan.render.style.Fill;
import org.ecoplan.render.style.LinePlacement;
import org.ecoplan.render.style.LineSymbolizer;
import org.ecoplan.render.style.PointSymbolizer;
import org.ecoplan.render.style.PolygonSymbolizer;
import org.ecoplan.render.style.Stroke;
import org.ecoplan.render.style.Symbolizer;
import org.ecoplan.render.style.TextSymbolizer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Draws one feature with one symbolizer (SLD 1.0.0 clause 11.3) onto the map, and turns text
 * symbolizers into {@link LabelCandidate}s for the {@link LabelEngine}. One per rendering.
 */
final class SymbolizerPainter {
    private final Graphics2D g;
    private final MapViewport viewport;
    private final PathBuilder paths;
    private final LabelEngine labels;
    private final int buffer;
    private final Map<Stroke, BasicStroke> strokes = new IdentityHashMap<>();
    /** Solid fills and thin solid strokes go straight into the canvas's pixels; null: all through {@code g}. */
    private final CoverageRasterizer raster;
    /** Strokes snap to pixel centres, as Java2D's do under {@code g}'s stroke control. */
    private final boolean pixelCentres;
    private long labelOrder;
    private static final int NOT_LOADED = 0, LOADED = 1, REFUSED = 2;

    SymbolizerPainter(Graphics2D g, MapViewport viewport, LabelEngine labels, int bufferPixels) {
        this(g, null, viewport, labels, bufferPixels);
    }

    /**
     * A painter on {@code g}, which draws on {@code canvas}: when {@code g} draws in the canvas's
     * pixels unclipped, antialiased and source-over, solid fills and thin solid strokes are drawn into
     * the pixels directly by a {@link CoverageRasterizer}. That is decided here, once: whoever draws
     * with this painter leaves {@code g}'s clip, transform and composite as they were (as
     * {@link GraphicPainter} and graphic fills do, restoring what they change).
     */
    SymbolizerPainter(Graphics2D g, BufferedImage canvas, MapViewport viewport, LabelEngine labels, int bufferPixels) {
        this.g = g;
        this.viewport = viewport;
        this.paths = new PathBuilder(viewport);
        this.labels = labels;
        this.buffer = bufferPixels;
        boolean plain = canvas != null && g.getClip() == null && g.getTransform().isIdentity()
                && g.getComposite() == AlphaComposite.SrcOver
                && g.getRenderingHint(RenderingHints.KEY_ANTIALIASING) == RenderingHints.VALUE_ANTIALIAS_ON;
        this.raster = plain ? CoverageRasterizer.of(canvas) : null;
        this.pixelCentres = g.getRenderingHint(RenderingHints.KEY_STROKE_CONTROL) != RenderingHints.VALUE_STROKE_PURE;
    }

    /** Whether solid fills and thin strokes go straight into the canvas's pixels. */
    boolean drawsDirectly() {
        return raster != null;
    }

    void paint(Symbolizer s, Feature f) {
        Geometry geom = f.geometry();
        if (geom == null || geom.isEmpty()) return;
        if (s instanceof PolygonSymbolizer p) polygon(p, geom);
        else if (s instanceof LineSymbolizer l) line(l.stroke(), geom);
        else if (s instanceof PointSymbolizer p) point(p, geom);
        else if (s instanceof TextSymbolizer t && labels != null) label(t, f, geom);
    }

    private void polygon(PolygonSymbolizer p, Geometry geom) {
        if (geom.getDimension() < 2) return;
        Path2D.Double path = paths.build(geom);
        int loaded = NOT_LOADED;
        Fill fill = p.fill();
        if (fill != null) {
            if (fill.graphicFill() != null) {
                Composite saved = g.getComposite();
                if (fill.opacity() < 1) g.setComposite(AlphaComposite.SrcOver.derive((float) fill.opacity()));
                g.setPaint(GraphicPainter.pattern(fill.graphicFill(), viewport));
                g.fill(path);
                g.setComposite(saved);
            } else {
                Color c = StrokeStyles.withOpacity(fill.color(), fill.opacity());
                if (raster != null && (loaded = load(path)) == LOADED) {
                    raster.fillLoaded(c.getRGB());
                } else {
                    g.setColor(c);
                    g.fill(path);
                }
            }
        }
        if (p.stroke() != null) stroke(p.stroke(), path, true, loaded);
    }

    /** The path taken by the rasterizer ({@link #LOADED}), or one it leaves to Java2D ({@link #REFUSED}). */
    private int load(Path2D.Double path) {
        return raster.load(path) ? LOADED : REFUSED;
    }

    private void line(Stroke stroke, Geometry geom) {
        if (geom.getDimension() < 1) return;
        stroke(stroke, paths.build(geom), false, NOT_LOADED);
    }

    /**
     * Strokes the path; {@code rings}: it holds closed rings only, which have no caps; {@code loaded}:
     * whether the rasterizer has taken the path already.
     */
    private void stroke(Stroke s, Path2D.Double path, boolean rings, int loaded) {
        if (s.width() <= 0 || s.opacity() <= 0) return;
        Color c = StrokeStyles.withOpacity(s.color(), s.opacity());
        // joins and butt caps of a line this thin differ from Java2D's by less than a pixel's quarter
        if (raster != null && s.width() <= CoverageRasterizer.THIN && s.dashArray() == null
                && (rings || "butt".equals(s.lineCap()))) {
            if (loaded == NOT_LOADED) loaded = load(path);
            if (loaded == LOADED) {
                raster.strokeLoaded(s.width(), c.getRGB(), pixelCentres);
                return;
            }
        }
        g.setColor(c);
        g.setStroke(strokes.computeIfAbsent(s, StrokeStyles::basic));
        g.draw(path);
    }

    private void point(PointSymbolizer p, Geometry geom) {
        if (geom.getDimension() == 0) {
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                Coordinate c = geom.getGeometryN(i).getCoordinate();
                if (c != null) drawGraphicAt(p, c);
            }
        } else {
            Coordinate c = representativePoint(geom);
            if (c != null) drawGraphicAt(p, c);
        }
    }

    private void drawGraphicAt(PointSymbolizer p, Coordinate c) {
        double x = viewport.toPixelX(c.x);
        double y = viewport.toPixelY(c.y);
        double reach = p.graphic().effectiveSize() + buffer;
        if (x < -reach || y < -reach || x > viewport.width() + reach || y > viewport.height() + reach) return;
        GraphicPainter.paint(g, p.graphic(), x, y);
    }

    /** The interior point of a polygon (largest part), the middle of a line (longest part). */
    static Coordinate representativePoint(Geometry geom) {
        Geometry part = dominantPart(geom);
        if (part instanceof Polygon) return part.getInteriorPoint().getCoordinate();
        if (part instanceof LineString l) return new LengthIndexedLine(l).extractPoint(l.getLength() / 2);
        return part.getCoordinate();
    }

    private static Geometry dominantPart(Geometry geom) {
        if (geom.getNumGeometries() == 1) return geom.getGeometryN(0);
        Geometry best = null;
        double bestSize = -1;
        for (int i = 0; i < geom.getNumGeometries(); i++) {
            Geometry p = geom.getGeometryN(i);
            double size = p.getDimension() == 2 ? p.getArea() : p.getLength();
            if (size > bestSize) {
                best = p;
                bestSize = size;
            }
        }
        return best;
    }

    private void label(TextSymbolizer t, Feature f, Geometry geom) {
        Object v = t.label().evaluate(f);
        String text = v == null ? "" : Expression.text(v).trim();
        if (text.isEmpty()) return;
        double priority = priority(t, f);
        long order = labelOrder++;
        Geometry part = dominantPart(geom);
        if (part instanceof LineString l && t.placement() instanceof LinePlacement) {
            double[] line = pixelLine(l);
            if (line != null) labels.add(new LabelCandidate(text, t, 0, 0, line, 0, 0, priority, 0, order));
            return;
        }
        double fitW = 0, fitH = 0, area = 0;
        if (part instanceof Polygon) {
            Envelope e = part.getEnvelopeInternal();
            fitW = Math.max(1e-6, e.getWidth() * viewport.scaleX());
            fitH = Math.max(1e-6, e.getHeight() * viewport.scaleY());
            // a label is taller than its font size and no glyph is narrower than a quarter of it:
            // skip polygons the label cannot fit before searching their interior point
            double size = t.font().size();
            if (fitH < size || fitW < size * 0.25 * text.codePointCount(0, text.length())) return;
            area = part.getArea() * viewport.scaleX() * viewport.scaleY();
        }
        Coordinate c = representativePoint(part);
        if (c == null) return;
        double x = viewport.toPixelX(c.x);
        double y = viewport.toPixelY(c.y);
        if (x < -buffer || y < -buffer || x > viewport.width() + buffer || y > viewport.height() + buffer) return;
        labels.add(new LabelCandidate(text, t, x, y, null, fitW, fitH, priority, area, order));
    }

    private static double priority(TextSymbolizer t, Feature f) {
        if (t.priority() == null) return 0;
        Object v = t.priority().evaluate(f);
        if (v instanceof Number n) return n.doubleValue();
        if (v == null) return 0;
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The line in pixels with vertices closer than two pixels merged; null if it is shorter than that. */
    private double[] pixelLine(LineString l) {
        int n = l.getNumPoints();
        double[] out = new double[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double x = viewport.toPixelX(l.getCoordinateSequence().getX(i));
            double y = viewport.toPixelY(l.getCoordinateSequence().getY(i));
            if (k > 0 && i < n - 1 && Math.hypot(x - out[k - 2], y - out[k - 1]) < 2) continue;
            out[k++] = x;
            out[k++] = y;
        }
        return k < 4 ? null : java.util.Arrays.copyOf(out, k);
    }
}
