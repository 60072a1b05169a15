package org.ecoplan.render;

import org.ecoplan.catalog.crs.Crs;
import org.locationtech.jts.geom.Envelope;

/**
 * The mapping between world coordinates (east/north in the map CRS) and image pixels (x right,
 * y down), and the map's scale denominator as OGC SLD 1.0.0 clause 10.2 / SE 1.1 clause 10
 * define it: a standardised 0.28 mm pixel, and for geographic CRSs degrees converted to metres
 * on the equator of a 6378137 m sphere.
 */
public final class MapViewport {
    /** The OGC "standardized rendering pixel size" in metres. */
    public static final double PIXEL_SIZE_M = 0.00028;
    /** Metres per degree used by OGC scale denominators for geographic CRSs. */
    public static final double METRES_PER_DEGREE = 6378137.0 * 2 * Math.PI / 360;

    private final Envelope bbox;
    private final int width;
    private final int height;
    private final double scaleX;
    private final double scaleY;
    private final double scaleDenominator;

    public MapViewport(Envelope bbox, int width, int height, Crs crs) {
        this.bbox = new Envelope(bbox);
        this.width = width;
        this.height = height;
        this.scaleX = width / bbox.getWidth();
        this.scaleY = height / bbox.getHeight();
        this.scaleDenominator = scaleDenominator(bbox, width, crs);
    }

    /** The scale denominator of a map {@code width} pixels wide showing {@code bbox}. */
    public static double scaleDenominator(Envelope bbox, int width, Crs crs) {
        double unitsPerPixel = bbox.getWidth() / width;
        double metresPerUnit = crs != null && crs.geographic() ? METRES_PER_DEGREE : 1.0;
        return unitsPerPixel * metresPerUnit / PIXEL_SIZE_M;
    }

    public double scaleDenominator() { return scaleDenominator; }

    public int width() { return width; }

    public int height() { return height; }

    public Envelope bbox() { return bbox; }

    public double toPixelX(double x) { return (x - bbox.getMinX()) * scaleX; }

    public double toPixelY(double y) { return (bbox.getMaxY() - y) * scaleY; }

    /** Pixels per world unit along x (and y). */
    public double scaleX() { return scaleX; }

    public double scaleY() { return scaleY; }

    /** The bbox grown by {@code pixels} on every side, in world units. */
    public Envelope buffered(int pixels) {
        Envelope e = new Envelope(bbox);
        e.expandBy(pixels / scaleX, pixels / scaleY);
        return e;
    }

    /**
     * The pixel position of the world origin modulo {@code period}, so repeating patterns start
     * at the same world position on every tile and adjacent tiles join without a seam.
     */
    public int patternOffsetX(int period) {
        return (int) Math.floorMod(Math.round(-bbox.getMinX() * scaleX), (long) period);
    }

    public int patternOffsetY(int period) {
        return (int) Math.floorMod(Math.round(bbox.getMaxY() * scaleY), (long) period);
    }
}
