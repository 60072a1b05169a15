package org.ecoplan.render;

import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An antialiasing scanline rasterizer that fills a shape with one solid colour, blended source-over
 * straight into the pixels of an integer-packed canvas ({@link BufferedImage#TYPE_INT_ARGB_PRE} or
 * {@link BufferedImage#TYPE_INT_RGB}). Each pixel's alpha is the exact area of the pixel that the
 * shape covers, to 1/256 of a pixel, under the non-zero or the even-odd rule.
 *
 * <p>Why: a map draws thousands of small polygons and thin outlines. Java2D's antialiasing pipeline
 * samples every pixel row eight times and pays a fixed cost per shape; here each edge is visited once
 * per pixel row it crosses, and each cell it passes records the signed height it spans ({@code cover})
 * and the area to its left ({@code area}). A sweep along each row then accumulates the covers and
 * turns them, corrected by the cell's area, into coverage. Cells are kept for the shape's bounding box
 * only, so a small shape costs little whatever the size of the map; a shape whose box holds more than
 * {@link #MAX_CELLS} cells is drawn in bands of rows, each from all its edges, so memory stays bounded.
 *
 * <p>Like AGG's and FreeType's rasterizers (and so MapServer's and QGIS's maps), a pixel in which parts
 * of one shape overlap (a stroke outline crossing itself at a join, coincident edges of one
 * multipolygon) takes the sum of their areas, at most the whole pixel, rather than the area of their
 * union.
 *
 * <p>Curves are flattened to within a tenth of a pixel. Parts of the shape outside the canvas are
 * clipped: above and below dropped, left and right pressed onto the canvas edge, which keeps the
 * winding of what lies inside. Not thread-safe: one per canvas and rendering.
 */
final class CoverageRasterizer {
    private static final int SHIFT = 8;
    private static final int ONE = 1 << SHIFT;
    private static final double FLATNESS = 0.1;
    /** Most cells held at once (8 MiB in all): beyond, a shape is drawn in bands of rows. */
    static final int MAX_CELLS = 1 << 20;

    private final int[] pixels;
    private final int width;
    private final int height;
    private final boolean opaque;

    /** Vertices of the current shape's subpaths in pixels; each subpath ends where {@code ends} says. */
    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private int points;
    private int[] ends = new int[16];
    private boolean[] closed = new boolean[16];
    private int subpaths;
    private boolean evenOdd;
    private final int[] tableColours = new int[4];
    private final int[][] tables = new int[4][];
    private int nextTable;

    /**
     * Cells of the current band of the shape's bounding box (row-major, {@code gridWidth} per row, the
     * band's rows {@code originY} to {@code originY + gridHeight} of the canvas), and the box's rows
     * on the canvas, {@code boxTop} to {@code boxBottom}.
     */
    private int[] cover = new int[0];
    private int[] area = new int[0];
    private int[] rowMin = new int[0];
    private int[] rowMax = new int[0];
    private int originX;
    private int originY;
    private int gridWidth;
    private int gridHeight;
    private int boxTop;
    private int boxBottom;
    private final double[] coords = new double[6];
    /** Where this rasterizer works out segment patterns; made when first needed. */
    private CoverageRasterizer patternGrid;
    private SegmentPatterns lastPatterns;
    private double patternsWidth;
    /** The loaded shape's box in pixels. */
    private double shapeMinX, shapeMinY, shapeMaxX, shapeMaxY;

    private CoverageRasterizer(BufferedImage canvas) {
        this.pixels = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
        this.width = canvas.getWidth();
        this.height = canvas.getHeight();
        this.opaque = canvas.getType() == BufferedImage.TYPE_INT_RGB;
    }

    /** A rasterizer with cells but no pixels, of the given size: it works out {@link SegmentPatterns}. */
    private CoverageRasterizer(int size) {
        this.pixels = null;
        this.width = size;
        this.height = size;
        this.opaque = false;
    }

    /** A rasterizer drawing into the canvas, or null when the canvas is not of a type it draws into. */
    static CoverageRasterizer of(BufferedImage canvas) {
        int type = canvas.getType();
        if (type != BufferedImage.TYPE_INT_ARGB_PRE && type != BufferedImage.TYPE_INT_RGB) return null;
        // the packed layout must start at the raster's origin with one int a pixel and no gaps
        if (canvas.getRaster().getParent() != null || canvas.getRaster().getSampleModelTranslateX() != 0
                || canvas.getRaster().getSampleModelTranslateY() != 0) {
            return null;
        }
        DataBufferInt buffer = (DataBufferInt) canvas.getRaster().getDataBuffer();
        if (buffer.getNumBanks() != 1 || buffer.getOffset() != 0
                || buffer.getSize() != canvas.getWidth() * canvas.getHeight()) {
            return null;
        }
        return new CoverageRasterizer(canvas);
    }

    /**
     * Fills the shape (in canvas pixels) with the colour {@code argb} (not premultiplied), under the
     * shape's own winding rule. Returns false, having drawn nothing, for a shape with coordinates
     * beyond ten million pixels, which the caller draws otherwise.
     */
    boolean fill(Shape shape, int argb) {
        if (!load(shape)) return false;
        fillLoaded(argb);
        return true;
    }

    /**
     * Takes the shape (in canvas pixels) as the one the next {@link #fillLoaded} and
     * {@link #strokeLoaded} draw, so a polygon that is filled and outlined is read once. Returns false
     * for a shape with coordinates beyond ten million pixels, which the caller draws otherwise.
     */
    boolean load(Shape shape) {
        PathIterator it = shape.getPathIterator(null);
        evenOdd = it.getWindingRule() == PathIterator.WIND_EVEN_ODD;
        // map paths are straight lines: flatten only a shape that has curves
        if (!collect(it)) collect(shape.getPathIterator(null, FLATNESS));
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        boolean inRange = true;
        for (int i = 0; i < points; i++) {
            double x = xs[i], y = ys[i];
            if (x < minX) minX = x;
            if (x > maxX) maxX = x;
            if (y < minY) minY = y;
            if (y > maxY) maxY = y;
            inRange &= Math.abs(x) < 1e7 && Math.abs(y) < 1e7; // false for NaN too
        }
        if (!inRange) {
            points = 0;
            subpaths = 0;
            return false;
        }
        shapeMinX = minX;
        shapeMinY = minY;
        shapeMaxX = maxX;
        shapeMaxY = maxY;
        return true;
    }

    /** Fills the loaded shape with the colour {@code argb} (not premultiplied), under its winding rule. */
    void fillLoaded(int argb) {
        if (argb >>> 24 == 0 || !box(0)) return;
        for (int top = boxTop; top < boxBottom; top += bandRows()) {
            band(top);
            fillBand();
            sweep(argb, evenOdd);
        }
    }

    /** Adds the edges of every subpath, closed, to the current band's cells. */
    private void fillBand() {
        // a shape within the canvas's columns and the band's rows needs no clipping
        boolean inside = shapeMinX >= 0 && shapeMaxX <= width && shapeMinY >= originY
                && shapeMaxY <= originY + gridHeight;
        for (int s = 0, start = 0; s < subpaths; s++) {
            int end = ends[s];
            for (int i = start; i < end; i++) {
                int j = i + 1 < end ? i + 1 : start; // every subpath is closed, as a fill closes it
                if (inside) {
                    line(fixed(xs[i] - originX), fixed(ys[i] - originY), fixed(xs[j] - originX),
                            fixed(ys[j] - originY));
                } else {
                    clipLine(xs[i], ys[i], xs[j], ys[j]);
                }
            }
            start = end;
        }
    }

    /** The widest stroke {@link #strokeThin} draws. */
    static final double THIN = 1.0;

    /**
     * Strokes the path (in canvas pixels) with a line of {@code lineWidth} ≤ {@link #THIN} pixels in the
     * colour {@code argb} (not premultiplied). Returns false, having drawn nothing, for a path with
     * coordinates beyond ten million pixels, which the caller draws otherwise.
     *
     * <p>{@code pixelCentres}: every vertex moves to the centre of its pixel first, as Java2D's
     * antialiased strokes do unless told to stroke purely ({@code KEY_STROKE_CONTROL}): a one-pixel
     * line along a row of pixels then fills that row instead of half of two.
     *
     * <p>Each segment is a band of the stroke's width. Cut into one-pixel slices across its main
     * direction, each slice is a parallelogram whose area in every pixel it touches is integrated
     * exactly; a pixel's coverage is the sum over the slices in it, at most the whole pixel, and the
     * colour is blended once. Slices of neighbouring segments meet on the pixel grid's lines, so at a
     * vertex the stroke differs from a mitred or round join by at most the square of half its width,
     * too little to see at this width; caps are butt.
     */
    boolean strokeThin(Shape path, double lineWidth, int argb, boolean pixelCentres) {
        thin(lineWidth);
        if (!load(path)) return false;
        strokeLoaded(lineWidth, argb, pixelCentres);
        return true;
    }

    /** Strokes the loaded shape as {@link #strokeThin} does. */
    void strokeLoaded(double lineWidth, int argb, boolean pixelCentres) {
        thin(lineWidth);
        if (argb >>> 24 == 0) return;
        // the box of the vertices as they are, widened by more than a move to a pixel centre
        if (!box(lineWidth + 1)) return;
        for (int top = boxTop; top < boxBottom; top += bandRows()) {
            band(top);
            strokeBand(lineWidth, pixelCentres);
            sweepCoverage(argb);
        }
    }

    private static void thin(double lineWidth) {
        if (!(lineWidth > 0 && lineWidth <= THIN))
            throw new IllegalArgumentException("not a thin stroke: " + lineWidth);
    }

    /** Adds every subpath's segments, as bands of the stroke's width, to the current band's cells. */
    private void strokeBand(double lineWidth, boolean pixelCentres) {
        SegmentPatterns known = pixelCentres ? patterns(lineWidth) : null;
        for (int s = 0, start = 0; s < subpaths; s++) {
            int end = ends[s];
            int last = closed[s] ? end : end - 1;
            for (int i = start; i < last; i++) {
                int j = i + 1 < end ? i + 1 : start;
                if (pixelCentres) {
                    int x0 = (int) Math.floor(xs[i]), y0 = (int) Math.floor(ys[i]);
                    int x1 = (int) Math.floor(xs[j]), y1 = (int) Math.floor(ys[j]);
                    int[] pattern = known.get(x1 - x0, y1 - y0, this);
                    if (pattern != null) {
                        for (int k = 0; k < pattern.length; k += 3)
                            addArea(x0 + pattern[k], y0 + pattern[k + 1], pattern[k + 2]);
                    } else {
                        segment(x0 + 0.5, y0 + 0.5, x1 + 0.5, y1 + 0.5, lineWidth);
                    }
                } else {
                    segment(xs[i], ys[i], xs[j], ys[j], lineWidth);
                }
            }
            start = end;
        }
    }

    /** Adds the area of a segment's band to the cells it covers, slice by slice along its main axis. */
    private void segment(double x0, double y0, double x1, double y1, double lineWidth) {
        double dx = x1 - x0, dy = y1 - y0;
        if (Math.abs(dx) >= Math.abs(dy)) {
            if (dx == 0) return;
            if (dx < 0) {
                segment(x1, y1, x0, y0, lineWidth);
                return;
            }
            slices(x0, y0, x1, dy / dx, lineWidth, true);
        } else {
            if (dy < 0) {
                segment(x1, y1, x0, y0, lineWidth);
                return;
            }
            slices(y0, x0, y1, dx / dy, lineWidth, false);
        }
    }

    /**
     * The band along the main axis {@code u} from u0 to u1, its centre at v0 + slope × (u − u0) on the
     * other axis: {@code alongX} says whether u is x (slices are pixel columns) or y (pixel rows).
     * A slice's area in a pixel is the integral, over the slice, of the part of the pixel below its
     * upper edge less the part below its lower edge; for an edge rising along the slice that integral
     * is the difference of {@link #ramp} at its ends divided by the slope.
     */
    private void slices(double u0, double v0, double u1, double slope, double lineWidth, boolean alongX) {
        // only the current band's rows: along x they are the cross axis, along y the main one
        int mainLow = alongX ? 0 : originY, mainHigh = alongX ? width : originY + gridHeight;
        int crossLow = alongX ? originY : 0, crossHigh = alongX ? originY + gridHeight : width;
        double half = 0.5 * lineWidth * Math.sqrt(1 + slope * slope); // half the band's height across the slice
        boolean flat = Math.abs(slope) < 1e-9;
        double inverse = flat ? 0 : 1 / slope;
        int first = Math.max(mainLow, (int) Math.floor(u0));
        int last = Math.min(mainHigh - 1, (int) Math.ceil(u1) - 1);
        for (int k = first; k <= last; k++) {
            double ua = u0 > k ? u0 : k, ub = u1 < k + 1 ? u1 : k + 1;
            double len = ub - ua;
            if (len <= 0) continue;
            double centre = v0 + slope * (ua - u0);
            double lowA = centre - half, lowB = lowA + slope * len;
            double highA = centre + half, highB = highA + slope * len;
            int from = Math.max(crossLow, (int) Math.floor(lowA < lowB ? lowA : lowB));
            int to = Math.min(crossHigh - 1, (int) Math.floor(highA > highB ? highA : highB));
            for (int r = from; r <= to; r++) {
                double a = flat
                        ? len * (clamp01(highA - r) - clamp01(lowA - r))
                        : (ramp(highB - r) - ramp(highA - r) - ramp(lowB - r) + ramp(lowA - r)) * inverse;
                if (a <= 0) continue;
                if (alongX) addCoverage(k, r, a);
                else addCoverage(r, k, a);
            }
        }
    }

    private static double clamp01(double t) {
        return t <= 0 ? 0 : t >= 1 ? 1 : t;
    }

    /** The antiderivative of clamp(t, 0, 1). */
    private static double ramp(double t) {
        if (t <= 0) return 0;
        if (t < 1) return 0.5 * t * t;
        return t - 0.5;
    }

    /** Adds covered area (in pixels) to the pixel at canvas (x, y), in 1/65536 of a pixel. */
    private void addCoverage(int x, int y, double a) {
        addArea(x, y, (int) (a * 65536 + 0.5));
    }

    /** Adds covered area, in 1/65536 of a pixel, to the pixel at canvas (x, y) if it is in the band. */
    private void addArea(int x, int y, int a) {
        int col = x - originX, row = y - originY;
        if (col < 0 || row < 0 || col >= gridWidth || row >= gridHeight) return;
        int i = row * gridWidth + col;
        area[i] += a;
        touch(row, col);
    }

    /**
     * The areas a thin stroke's segment between pixel centres leaves in the pixels around it, by the
     * segment's steps in x and y, for one line width: {@code (column, row, area)} triples relative to the
     * pixel of its start. Such a segment covers the same areas wherever it starts, so a map's outlines,
     * whose short segments repeat the same few steps, find most of them here instead of integrating
     * slices again. Shared by all renderings; a pattern is worked out once by whoever needs it first
     * (two at once work out the same one).
     */
    static final class SegmentPatterns {
        /** Steps up to this many pixels in x and y are kept. */
        static final int REACH = 16;
        private static final int SIDE = 2 * REACH + 1;
        /**
         * Line widths with patterns kept at once: styles use a few. Widths computed from data could be
         * many: when a new width finds all kept, they are all dropped and kept anew as they are drawn,
         * so memory stays bounded and the widths in use get patterns again.
         */
        private static final int MAX_WIDTHS = 16;
        private static final ConcurrentHashMap<Double, SegmentPatterns> BY_WIDTH = new ConcurrentHashMap<>();

        private final double lineWidth;
        private final AtomicReferenceArray<int[]> patterns = new AtomicReferenceArray<>(SIDE * SIDE);

        private SegmentPatterns(double lineWidth) {
            this.lineWidth = lineWidth;
        }

        /** The patterns of this width. */
        static SegmentPatterns of(double lineWidth) {
            SegmentPatterns p = BY_WIDTH.get(lineWidth);
            if (p != null) return p;
            if (BY_WIDTH.size() >= MAX_WIDTHS) BY_WIDTH.clear();
            return BY_WIDTH.computeIfAbsent(lineWidth, SegmentPatterns::new);
        }

        /** The pattern of a segment of these steps, or null for steps beyond {@link #REACH}. */
        int[] get(int dx, int dy, CoverageRasterizer user) {
            if (dx < -REACH || dx > REACH || dy < -REACH || dy > REACH) return null;
            int index = (dy + REACH) * SIDE + dx + REACH;
            int[] p = patterns.get(index);
            if (p == null) {
                p = user.patternOf(dx, dy, lineWidth);
                patterns.set(index, p);
            }
            return p;
        }
    }

    /** The shared patterns of the line width, remembered for the next shape, which mostly has the same. */
    private SegmentPatterns patterns(double lineWidth) {
        if (lineWidth != patternsWidth || lastPatterns == null) {
            lastPatterns = SegmentPatterns.of(lineWidth);
            patternsWidth = lineWidth;
        }
        return lastPatterns;
    }

    /** Works out a segment's pattern (see {@link SegmentPatterns}) on this rasterizer's pattern grid. */
    private int[] patternOf(int dx, int dy, double lineWidth) {
        CoverageRasterizer grid = patternGrid;
        if (grid == null) grid = patternGrid = new CoverageRasterizer(2 * SegmentPatterns.REACH + 5);
        // the segment starts in the middle pixel, so that it and its width fall inside the grid wherever it goes
        int c = SegmentPatterns.REACH + 2;
        grid.originX = 0;
        grid.gridWidth = grid.width;
        grid.boxTop = 0;
        grid.boxBottom = grid.height;
        grid.band(0);
        grid.segment(c + 0.5, c + 0.5, c + dx + 0.5, c + dy + 0.5, lineWidth);
        int[] out = new int[3 * 16];
        int n = 0;
        for (int row = 0; row < grid.gridHeight; row++) {
            for (int col = grid.rowMin[row]; col <= grid.rowMax[row]; col++) {
                int i = row * grid.gridWidth + col;
                int a = grid.area[i];
                if (a == 0) continue;
                grid.area[i] = 0;
                if (n + 3 > out.length) out = Arrays.copyOf(out, 2 * out.length);
                out[n++] = col - c;
                out[n++] = row - c;
                out[n++] = a;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Widens the row's span of cells holding something to the column. */
    private void touch(int row, int col) {
        if (col < rowMin[row]) rowMin[row] = col;
        if (col > rowMax[row]) rowMax[row] = col;
    }

    /** Blends the colour by the covered area summed in the cells, at most a whole pixel, and clears them. */
    private void sweepCoverage(int argb) {
        int[] source = sourceTable(argb);
        for (int r = 0; r < gridHeight; r++) {
            int lo = rowMin[r], hi = rowMax[r];
            if (hi < lo) continue;
            int base = r * gridWidth;
            int line = (originY + r) * width + originX;
            for (int c = lo; c <= hi; c++) {
                int a = area[base + c];
                if (a == 0) continue;
                area[base + c] = 0;
                if (a < 0 || originX + c >= width) continue;
                blend(line + c, source[a >= 65536 ? 255 : (a * 255 + 32768) >>> 16]);
            }
        }
    }

    /** Reads the path's subpaths; false, having read part of it, at the first curve. */
    private boolean collect(PathIterator it) {
        points = 0;
        subpaths = 0;
        double[] c = coords;
        int start = 0;
        double moveX = 0, moveY = 0;
        while (!it.isDone()) {
            int type = it.currentSegment(c);
            if (type == PathIterator.SEG_MOVETO) {
                endSubpath(start, false);
                start = points;
                moveX = c[0];
                moveY = c[1];
                add(moveX, moveY);
            } else if (type == PathIterator.SEG_LINETO) {
                if (points == start) add(moveX, moveY); // after a close, a line goes on from the subpath's start
                add(c[0], c[1]);
            } else if (type == PathIterator.SEG_CLOSE) {
                endSubpath(start, true);
                start = points;
            } else {
                return false;
            }
            it.next();
        }
        endSubpath(start, false);
        return true;
    }

    private void add(double x, double y) {
        if (points == xs.length) {
            xs = Arrays.copyOf(xs, points * 2);
            ys = Arrays.copyOf(ys, points * 2);
        }
        xs[points] = x;
        ys[points] = y;
        points++;
    }

    private void endSubpath(int start, boolean close) {
        if (points - start < 2) {
            points = start; // a lone point encloses and strokes nothing
            return;
        }
        if (subpaths == ends.length) {
            ends = Arrays.copyOf(ends, subpaths * 2);
            closed = Arrays.copyOf(closed, subpaths * 2);
        }
        closed[subpaths] = close;
        ends[subpaths++] = points;
    }

    /**
     * Finds the shape's box, widened by {@code margin} pixels, on the canvas; false when nothing of it
     * is on the canvas.
     */
    private boolean box(double margin) {
        if (points == 0) return false;
        double minX = shapeMinX - margin, minY = shapeMinY - margin;
        double maxX = shapeMaxX + margin, maxY = shapeMaxY + margin;
        if (maxX <= 0 || maxY <= 0 || minX >= width || minY >= height) return false;
        originX = (int) Math.floor(Math.max(minX, 0));
        // one column more than the pixels: x on the canvas's right edge falls into it
        gridWidth = (int) Math.floor(Math.min(maxX, width)) - originX + 2;
        boxTop = (int) Math.floor(Math.max(minY, 0));
        boxBottom = (int) Math.ceil(Math.min(maxY, height));
        return boxBottom > boxTop;
    }

    private int bandRows() {
        return Math.max(1, MAX_CELLS / gridWidth);
    }

    /** Makes the cells of the band of rows from {@code top} (canvas row) current, all clear. */
    private void band(int top) {
        originY = top;
        gridHeight = Math.min(bandRows(), boxBottom - top);
        int cells = gridWidth * gridHeight;
        if (cover.length < cells) {
            int size = (int) Math.min(Math.max(cells, 2L * cover.length), Math.max(cells, MAX_CELLS));
            cover = new int[size];
            area = new int[size];
        }
        if (rowMin.length < gridHeight) {
            rowMin = new int[Math.max(gridHeight, 2 * rowMin.length)];
            rowMax = new int[rowMin.length];
        }
        Arrays.fill(rowMin, 0, gridHeight, Integer.MAX_VALUE);
        Arrays.fill(rowMax, 0, gridHeight, -1);
    }

    /**
     * Clips a line to the current band's rows and presses what lies left or right of the canvas onto
     * its edge.
     */
    private void clipLine(double x0, double y0, double x1, double y1) {
        if (y0 == y1) return; // horizontal lines cover no height
        double top = originY, bottom = originY + gridHeight;
        if ((y0 <= top && y1 <= top) || (y0 >= bottom && y1 >= bottom)) return;
        if (y0 < top || y1 < top) {
            double x = x0 + (top - y0) * (x1 - x0) / (y1 - y0);
            if (y0 < top) {
                x0 = x;
                y0 = top;
            } else {
                x1 = x;
                y1 = top;
            }
        }
        if (y0 > bottom || y1 > bottom) {
            double x = x0 + (bottom - y0) * (x1 - x0) / (y1 - y0);
            if (y0 > bottom) {
                x0 = x;
                y0 = bottom;
            } else {
                x1 = x;
                y1 = bottom;
            }
        }
        if (x0 >= 0 && x1 >= 0 && x0 <= width && x1 <= width) {
            lineFixed(x0, y0, x1, y1);
            return;
        }
        // split where the line crosses the canvas's left or right edge; each part then lies on one side
        double ta = -1, tb = -1;
        if ((x0 < 0 && x1 > 0) || (x0 > 0 && x1 < 0)) ta = (0 - x0) / (x1 - x0);
        if ((x0 < width && x1 > width) || (x0 > width && x1 < width)) tb = (width - x0) / (x1 - x0);
        if (ta > tb) {
            double t = ta;
            ta = tb;
            tb = t;
        }
        double px = x0, py = y0;
        if (ta > 0) {
            double qx = x0 + ta * (x1 - x0), qy = y0 + ta * (y1 - y0);
            lineFixed(px, py, qx, qy);
            px = qx;
            py = qy;
        }
        if (tb > 0) {
            double qx = x0 + tb * (x1 - x0), qy = y0 + tb * (y1 - y0);
            lineFixed(px, py, qx, qy);
            px = qx;
            py = qy;
        }
        lineFixed(px, py, x1, y1);
    }

    /** Records a line in pixels, pressing x onto the canvas (whose winding is all that matters there). */
    private void lineFixed(double x0, double y0, double x1, double y1) {
        x0 = Math.max(0, Math.min(width, x0));
        x1 = Math.max(0, Math.min(width, x1));
        line(fixed(x0 - originX), fixed(y0 - originY), fixed(x1 - originX), fixed(y1 - originY));
    }

    /** Pixels to the nearest 1/256 pixel (v is never below -1: the grid starts at the shape's box). */
    private static int fixed(double v) {
        return (int) (v * ONE + (ONE + 0.5)) - ONE;
    }

    /** Records a line (in 1/256 pixels from the grid's origin) row by row. */
    private void line(int x0, int y0, int x1, int y1) {
        if (y0 == y1) return;
        int row0 = y0 >> SHIFT, row1 = y1 >> SHIFT;
        if (row0 == row1) {
            rowPiece(row0, x0, y0 - (row0 << SHIFT), x1, y1 - (row0 << SHIFT));
            return;
        }
        double slope = (double) (x1 - x0) / (y1 - y0);
        int step = y1 > y0 ? 1 : -1;
        int ya = y0, xa = x0;
        for (int r = row0;; r += step) {
            int yb = r == row1 ? y1 : (step > 0 ? (r + 1) << SHIFT : r << SHIFT);
            int xb = r == row1 ? x1 : x0 + (int) Math.floor((yb - y0) * slope + 0.5);
            rowPiece(r, xa, ya - (r << SHIFT), xb, yb - (r << SHIFT));
            if (r == row1) return;
            ya = yb;
            xa = xb;
        }
    }

    /** Records the part of a line within one pixel row, its heights {@code fy0, fy1} in 0..256 of the row. */
    private void rowPiece(int row, int x0, int fy0, int x1, int fy1) {
        if (fy0 == fy1 || row < 0 || row >= gridHeight) return;
        int c0 = x0 >> SHIFT, c1 = x1 >> SHIFT;
        if (c0 == c1) {
            cell(row, c0, fy1 - fy0, ((x0 - (c0 << SHIFT)) + (x1 - (c0 << SHIFT))) * (fy1 - fy0));
            return;
        }
        int step = x1 > x0 ? 1 : -1;
        double slope = (double) (fy1 - fy0) / (x1 - x0);
        int xa = x0, ya = fy0;
        for (int c = c0; c != c1; c += step) {
            int xb = step > 0 ? (c + 1) << SHIFT : c << SHIFT;
            int yb = fy0 + (int) Math.floor((xb - x0) * slope + 0.5);
            int base = c << SHIFT;
            cell(row, c, yb - ya, ((xa - base) + (xb - base)) * (yb - ya));
            xa = xb;
            ya = yb;
        }
        int base = c1 << SHIFT;
        cell(row, c1, fy1 - ya, ((xa - base) + (x1 - base)) * (fy1 - ya));
    }

    private void cell(int row, int col, int dy, int twiceArea) {
        if (dy == 0) return;
        if (col < 0) col = 0; // rounding can put an edge pressed onto the left edge a hair outside
        else if (col >= gridWidth) col = gridWidth - 1;
        int i = row * gridWidth + col;
        cover[i] += dy;
        area[i] += twiceArea;
        touch(row, col);
    }

    /** Turns the cells into coverage row by row, blends the colour with it and clears the cells. */
    private void sweep(int argb, boolean evenOdd) {
        int[] source = sourceTable(argb);
        for (int r = 0; r < gridHeight; r++) {
            int lo = rowMin[r], hi = rowMax[r];
            if (hi < lo) continue;
            int base = r * gridWidth;
            int line = (originY + r) * width + originX;
            int acc = 0;
            for (int c = lo; c <= hi; c++) {
                int i = base + c;
                int raw;
                if ((cover[i] | area[i]) != 0) {
                    acc += cover[i];
                    raw = (acc << (SHIFT + 1)) - area[i];
                    cover[i] = 0;
                    area[i] = 0;
                } else {
                    raw = acc << (SHIFT + 1); // no edge in this pixel: all or nothing of it
                }
                if (originX + c >= width) continue;
                int v = Math.abs(raw) >> (SHIFT + 1);
                if (evenOdd) {
                    v &= 2 * ONE - 1;
                    if (v > ONE) v = 2 * ONE - v;
                }
                if (v == 0) continue;
                blend(line + c, source[v >= ONE - 1 ? 255 : v]);
            }
        }
    }

    /**
     * The colour premultiplied at each coverage 0..255 (its alpha times the coverage): the few colours
     * of a map are blended pixel after pixel, so each is worked out once. Two colours alternate most
     * (a polygon's fill and its outline), so four are kept.
     */
    private int[] sourceTable(int argb) {
        for (int k = 0; k < tableColours.length; k++) {
            if (tables[k] != null && tableColours[k] == argb) return tables[k];
        }
        int[] t = new int[256];
        int ca = argb >>> 24, cr = (argb >> 16) & 0xff, cg = (argb >> 8) & 0xff, cb = argb & 0xff;
        for (int cov = 0; cov < 256; cov++) {
            int sa = mul8(ca, cov);
            t[cov] = sa << 24 | mul8(cr, sa) << 16 | mul8(cg, sa) << 8 | mul8(cb, sa);
        }
        int k = nextTable;
        nextTable = (nextTable + 1) % tables.length;
        tableColours[k] = argb;
        tables[k] = t;
        return t;
    }

    /** Blends a premultiplied source pixel over pixel i, source-over (see {@link #over}). */
    private void blend(int i, int src) {
        pixels[i] = over(pixels[i], src);
    }

    /**
     * A premultiplied source pixel over the pixel {@code d}, source-over: each destination channel
     * times (255 − source alpha) / 255, rounded, two channels in one multiplication (no product
     * reaches the next channel's bits).
     */
    private int over(int d, int src) {
        int sa = src >>> 24;
        if (sa == 0) return d;
        if (sa == 255) return src;
        if (opaque) d |= 0xff000000;
        int inv = 255 - sa;
        int rb = (d & 0x00ff00ff) * inv + 0x00800080;
        rb = ((rb + ((rb >>> 8) & 0x00ff00ff)) >>> 8) & 0x00ff00ff;
        int ag = ((d >>> 8) & 0x00ff00ff) * inv + 0x00800080;
        ag = ((ag + ((ag >>> 8) & 0x00ff00ff)) >>> 8) & 0x00ff00ff;
        return src + (rb | (ag << 8));
    }

    /** a × b / 255, rounded. */
    private static int mul8(int a, int b) {
        int t = a * b + 128;
        return (t + (t >> 8)) >> 8;
    }
}
