package org.ecoplan.wms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The GetFeatureInfo operation (WMS 1.3.0 clause 7.4, WMS 1.1.1 clause 7.3): the features of each
 * query layer within {@link #TOLERANCE_PIXELS} pixels of the clicked pixel's centre, at most
 * FEATURE_COUNT per layer. The store answers the box search; the exact distance is tested here
 * in the map CRS. Query layers must be among LAYERS (a layer of a group in LAYERS counts).
 */
public final class GetFeatureInfo {
    static final double TOLERANCE_PIXELS = 3;

    private final ServiceContext context;

    public GetFeatureInfo(ServiceContext context) { this.context = context; }

    public OwsResponse run(GetFeatureInfoRequest r) {
        List<LayerConfig> layers = queryLayers(r);
        GetMapRequest m = r.map();
        Envelope bbox = m.bbox();
        double resX = bbox.getWidth() / m.width();
        double resY = bbox.getHeight() / m.height();
        Coordinate at = new Coordinate(bbox.getMinX() + (r.i() + 0.5) * resX, bbox.getMaxY() - (r.j() + 0.5) * resY);
        double tolerance = TOLERANCE_PIXELS * Math.max(resX, resY);
        Envelope search = new Envelope(at);
        search.expandBy(tolerance);
        Point point = new GeometryFactory().createPoint(at);
        Crs mapCrs = m.crs().crs();
        List<LayerHits> hits = new ArrayList<>();
        for (LayerConfig l : layers) {
            Crs nativeCrs = l.featureType().geometry().crs();
            Envelope nativeSearch = new GeometryTransformer(mapCrs, nativeCrs).transform(search);
            FeatureQuery q = FeatureQuery.of(new Filter.BBox(nativeSearch)).withTargetCrs(mapCrs);
            List<Feature> found = new ArrayList<>();
            try (FeatureCursor c = context.featureSource(l).features(q)) {
                while (c.hasNext() && found.size() < r.featureCount()) {
                    Feature f = c.next();
                    Geometry g = f.geometry();
                    if (g != null && g.distance(point) <= tolerance) found.add(f);
                }
            }
            hits.add(new LayerHits(l, found, mapCrs));
        }
        return FeatureInfoResponses.response(hits, r.infoFormat(), r.infoFormatText());
    }

    /** The queryable layers named by QUERY_LAYERS, groups expanded, in order and without repeats. */
    private List<LayerConfig> queryLayers(GetFeatureInfoRequest r) {
        Catalog catalog = context.catalog();
        Set<String> drawn = new LinkedHashSet<>();
        for (String name : r.map().layers()) {
            drawn.add(name);
            for (LayerConfig member : catalog.expand(name)) drawn.add(member.id());
        }
        Set<LayerConfig> out = new LinkedHashSet<>();
        for (String name : r.queryLayers()) {
            if (name.isEmpty()) continue;
            Optional<LayerConfig> layer = catalog.layer(name).filter(l -> l.featureType().hasGeometry());
            boolean group = catalog.group(name).isPresent();
            if (layer.isEmpty() && !group) {
                throw new ServiceException(WmsExceptionCode.LAYER_NOT_DEFINED, "QUERY_LAYERS",
                        "No layer named '" + name + "'");
            }
            if (!r.map().layers().isEmpty() && !drawn.contains(name)) {
                throw new ServiceException(WmsExceptionCode.LAYER_NOT_DEFINED, "QUERY_LAYERS",
                        "Query layer '" + name + "' is not one of the LAYERS of the map");
            }
            if (layer.isPresent()) {
                if (!layer.get().queryable()) {
                    throw new ServiceException(WmsExceptionCode.LAYER_NOT_QUERYABLE, "QUERY_LAYERS",
                            "Layer '" + name + "' is not queryable");
                }
                out.add(layer.get());
            } else {
                List<LayerConfig> members = catalog.expand(name).stream()
                        .filter(l -> l.featureType().hasGeometry() && l.queryable()).toList();
                if (members.isEmpty()) {
                    throw new ServiceException(WmsExceptionCode.LAYER_NOT_QUERYABLE, "QUERY_LAYERS",
                            "Layer group '" + name + "' has no queryable layer");
                }
                out.addAll(members);
            }
        }
        if (out.isEmpty()) {
            throw new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, "QUERY_LAYERS",
                    "QUERY_LAYERS names no layer");
        }
        return new ArrayList<>(out);
    }
}
