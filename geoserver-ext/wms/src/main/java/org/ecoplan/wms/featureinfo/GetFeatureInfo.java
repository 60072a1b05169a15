package org.ecoplan.wms.featureinfo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
import org.ecoplan.map.info.FeatureHits;
import org.ecoplan.map.info.FeatureInfoResponses;
import org.ecoplan.map.info.LayerHits;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.wms.WmsExceptionCode;
import org.ecoplan.wms.getmap.GetMapRequest;

/**
 * The GetFeatureInfo operation (WMS 1.3.0 clause 7.4, WMS 1.1.1 clause 7.3): the features of each
 * query layer at the clicked pixel (the map core's {@link FeatureHits}), at most FEATURE_COUNT per
 * layer. Query layers must be among LAYERS (a layer of a group in LAYERS counts).
 */
public final class GetFeatureInfo {
    private final FeatureHits featureHits;

    public GetFeatureInfo(FeatureHits featureHits) { this.featureHits = featureHits; }

    /** @param view what the endpoint publishes, whose names LAYERS and QUERY_LAYERS use */
    public OwsResponse run(CatalogView view, GetFeatureInfoRequest r) {
        GetMapRequest m = r.map();
        List<LayerHits> hits = featureHits.at(queryLayers(view, r), m.bbox(), m.crs().crs(), m.width(), m.height(),
                r.i(),
                r.j(), r.featureCount());
        return FeatureInfoResponses.response(hits, r.infoFormat(), r.infoFormatText());
    }

    /** The queryable layers named by QUERY_LAYERS, groups expanded, in order and without repeats. */
    private List<LayerConfig> queryLayers(CatalogView view, GetFeatureInfoRequest r) {
        Set<LayerConfig> drawn = new LinkedHashSet<>();
        Set<String> drawnGroups = new LinkedHashSet<>();
        for (String name : r.map().layers()) {
            drawn.addAll(view.expand(name));
            view.group(name).ifPresent(g -> drawnGroups.add(g.qualifiedName()));
        }
        Set<LayerConfig> out = new LinkedHashSet<>();
        for (String name : r.queryLayers()) {
            if (name.isEmpty()) continue;
            Optional<LayerConfig> layer = view.layer(name).filter(l -> l.featureType().hasGeometry());
            Optional<LayerGroupConfig> group = view.group(name);
            if (layer.isEmpty() && group.isEmpty()) {
                throw new ServiceException(WmsExceptionCode.LAYER_NOT_DEFINED, "QUERY_LAYERS",
                        "No layer named '" + name + "'");
            }
            boolean inMap = layer.map(drawn::contains).orElse(false)
                    || group.map(g -> drawnGroups.contains(g.qualifiedName())).orElse(false);
            if (!r.map().layers().isEmpty() && !inMap) {
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
                List<LayerConfig> members = view.catalog().expand(group.get()).stream()
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
