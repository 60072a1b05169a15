package org.ecoplan.vectortiles;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Turns a geometry in grid-CRS coordinates into tile coordinates: simplified to the tile's
 * resolution, clipped to the tile grown by a buffer (so strokes and labels continue across tile
 * edges), then scaled to the MVT extent with y pointing down (MVT spec 2.1, §4.3.1).
 */
final class TileClipper {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final Envelope tile;
    private final Envelope clip;
    private final Geometry clipBox;
    private final double tolerance;
    private final int extent;

    /**
     * @param tile      the tile in grid-CRS coordinates
     * @param extent    tile extent in tile units (4096)
     * @param buffer    clip buffer in tile units
     * @param tolerance simplification distance in grid-CRS units (0 for none)
     */
    TileClipper(Envelope tile, int extent, int buffer, double tolerance) {
        this.tile = tile;
        this.extent = extent;
        this.clip = new Envelope(tile);
        clip.expandBy(buffer * tile.getWidth() / extent, buffer * tile.getHeight() / extent);
        this.clipBox = FACTORY.toGeometry(clip);
        this.tolerance = tolerance;
    }

    /** The buffered tile, in grid-CRS coordinates: what features are read for. */
    Envelope clipEnvelope() {
        return clip;
    }

    /** The geometry in tile coordinates, or null when nothing of it lies in the buffered tile. */
    Geometry toTile(Geometry g) {
        if (g == null || g.isEmpty() || !g.getEnvelopeInternal().intersects(clip)) return null;
        Geometry work = g;
        if (!(work instanceof Puntal) && tolerance > 0) work = TopologyPreservingSimplifier.simplify(work, tolerance);
        if (!clip.contains(work.getEnvelopeInternal())) {
            work = work instanceof Puntal
                    ? keepInside(work)
                    : OverlayNGRobust.overlay(work, clipBox, OverlayNG.INTERSECTION);
        }
        if (work == null || work.isEmpty()) return null;
        Geometry scaled = work.copy();
        double sx = extent / tile.getWidth();
        double sy = extent / tile.getHeight();
        scaled.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, Math.round((seq.getX(i) - tile.getMinX()) * sx));
                seq.setOrdinate(i, 1, Math.round((tile.getMaxY() - seq.getY(i)) * sy));
            }

            @Override
            public boolean isDone() { return false; }
            @Override
            public boolean isGeometryChanged() { return true; }
        });
        return scaled;
    }

    private Geometry keepInside(Geometry points) {
        java.util.List<org.locationtech.jts.geom.Point> kept = new java.util.ArrayList<>();
        for (int i = 0; i < points.getNumGeometries(); i++) {
            org.locationtech.jts.geom.Point p = (org.locationtech.jts.geom.Point) points.getGeometryN(i);
            if (!p.isEmpty() && clip.contains(p.getCoordinate())) kept.add(p);
        }
        return kept.isEmpty() ? null : FACTORY.createMultiPoint(kept.toArray(org.locationtech.jts.geom.Point[]::new));
    }
}
