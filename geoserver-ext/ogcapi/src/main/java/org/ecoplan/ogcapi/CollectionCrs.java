package org.ecoplan.ogcapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.crs.AxisOrders;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.catalog.crs.CrsRegistry;

/**
 * The CRSs a collection is offered in (OGC 18-058r1 clause 6.2): CRS84 first (the default), then
 * the CRSs its workspace offers, each named by its OGC URI; coordinates are written in each CRS's
 * own axis order (clause 6.2.2: lat/lon for EPSG:4326 and 4490, northing first for 4547 / 4526).
 */
record CollectionCrs(List<Crs> offered, Crs storage) {

    static CollectionCrs of(CatalogView view, LayerConfig layer) {
        List<Crs> out = new ArrayList<>();
        out.add(CrsRegistry.CRS84_CRS);
        // features without geometry have no coordinates to transform: the default alone is offered
        if (!layer.featureType().hasGeometry()) return new CollectionCrs(List.copyOf(out), null);
        for (String name : view.crs(layer.workspace())) {
            CrsRegistry.decode(name).filter(c -> !out.contains(c)).ifPresent(out::add);
        }
        Crs storage = layer.featureType().hasGeometry() ? layer.featureType().geometry().crs() : null;
        return new CollectionCrs(List.copyOf(out), storage);
    }

    List<String> uris() {
        return offered.stream().map(Crs::uri).toList();
    }

    /** The offered CRS a parameter names by URI (or in a CURIE-like short form), or a 400 naming the parameter. */
    Crs require(String parameter, String value) {
        String v = value.trim();
        if (v.startsWith("[") && v.endsWith("]")) v = v.substring(1, v.length() - 1); // safe CURIE, [EPSG:4326]
        Optional<CrsName> name = CrsRegistry.parse(v);
        Optional<Crs> crs = name.map(CrsName::crs).filter(offered::contains);
        return crs.orElseThrow(() -> Problem.badRequest(parameter,
                "CRS '" + Problem.abbreviate(value) + "' is not offered for this collection; offered: " + uris()));
    }

    /** Whether coordinates in {@code crs} are written northing / latitude first. */
    static boolean northFirst(Crs crs) {
        return AxisOrders.northFirst(crs);
    }
}
