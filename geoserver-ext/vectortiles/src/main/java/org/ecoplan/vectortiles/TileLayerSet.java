package org.ecoplan.vectortiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.Localized;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
import org.ecoplan.ows.ServiceContext;

/**
 * What a vector tile URL's first segment names: one catalog layer, or a layer group expanded to
 * its layers with geometry (bottom to top, each once). Tables without geometry have no tiles.
 *
 * @param id     the layer or group id
 * @param title  its title
 * @param layers the layers that become MVT layers
 */
public record TileLayerSet(String id, Localized title, List<LayerConfig> layers) {

    public static Optional<TileLayerSet> resolve(Catalog catalog, String id) {
        Optional<LayerConfig> layer = catalog.layer(id);
        if (layer.isPresent()) {
            return layer.get().featureType().hasGeometry()
                    ? Optional.of(new TileLayerSet(id, layer.get().title(), List.of(layer.get())))
                    : Optional.empty();
        }
        Optional<LayerGroupConfig> group = catalog.group(id);
        if (group.isEmpty()) return Optional.empty();
        List<LayerConfig> layers = new ArrayList<>();
        for (LayerConfig l : catalog.expand(id)) {
            if (l.featureType().hasGeometry() && layers.stream().noneMatch(x -> x.id().equals(l.id()))) layers.add(l);
        }
        return layers.isEmpty() ? Optional.empty() : Optional.of(new TileLayerSet(id, group.get().title(), layers));
    }

    /** The data versions of every layer, joined: any reload of any layer changes it. */
    public String dataVersion(ServiceContext context) {
        StringBuilder b = new StringBuilder();
        for (LayerConfig l : layers)
            b.append(l.id()).append('=').append(context.featureSource(l).version()).append(';');
        return b.toString();
    }

    public List<MvtTileBuilder.Source> sources(ServiceContext context) {
        return layers.stream().map(l -> new MvtTileBuilder.Source(l.id(), context.featureSource(l))).toList();
    }
}
