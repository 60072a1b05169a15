package org.ecoplan.map.info;

import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.encode.AppNamespace;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Hit-testing for feature info, shared by WMS GetFeatureInfo (06-042 clause 7.4) and WMTS
 * GetFeatureInfo (07-057r7 clause 7.3): the features of each layer within
 * {@link #TOLERANCE_PIXELS} pixels of the centre of pixel (i, j) of an image that shows
 * {@code view} in {@code crs}. The store answers the box search in the layer's CRS; the exact
 * distance is tested here in the image's CRS, whose coordinates the hits carry.
 */
public final class FeatureHits {
    /** How far from the pixel a feature still counts as clicked, in pixels. */
    public static final double TOLERANCE_PIXELS = 3;

    private final ServiceContext context;

    public FeatureHits(ServiceContext context) { this.context = context; }

    /**
     * @param view        the image's envelope, east/north in {@code crs}
     * @param width       image width in pixels
     * @param height      image height in pixels
     * @param i           pixel column from the left
     * @param j           pixel row from the top
     * @param maxPerLayer at most this many features per layer
     */
    public List<LayerHits> at(List<LayerConfig> layers, Envelope view, Crs crs, int width, int height, double i,
            double j, int maxPerLayer) {
        double resX = view.getWidth() / width;
        double resY = view.getHeight() / height;
        Coordinate at = new Coordinate(view.getMinX() + (i + 0.5) * resX, view.getMaxY() - (j + 0.5) * resY);
        double tolerance = TOLERANCE_PIXELS * Math.max(resX, resY);
        Envelope search = new Envelope(at);
        search.expandBy(tolerance);
        Point point = new GeometryFactory().createPoint(at);
        List<LayerHits> hits = new ArrayList<>();
        for (LayerConfig l : layers) {
            Envelope nativeSearch = new GeometryTransformer(crs, l.featureType().geometry().crs()).transform(search);
            FeatureQuery q = FeatureQuery.of(new Filter.BBox(nativeSearch)).withTargetCrs(crs);
            List<Feature> found = new ArrayList<>();
            try (FeatureCursor c = context.featureSource(l).features(q)) {
                while (c.hasNext() && found.size() < maxPerLayer) {
                    Feature f = c.next();
                    Geometry g = f.geometry();
                    if (g != null && g.distance(point) <= tolerance) found.add(f);
                }
            }
            hits.add(new LayerHits(l, found, crs, AppNamespace.of(context.catalog().workspaceOf(l.workspace()))));
        }
        return hits;
    }
}
