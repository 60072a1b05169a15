package org.ecoplan.vectortiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.ows.ServiceContext;
import org.locationtech.jts.geom.Envelope;

/**
 * The TileJSON 3.0.0 document of a layer (or group) on one grid: tile URL template, zoom range,
 * bounds and centre in longitude/latitude, and {@code vector_layers} with each layer's fields.
 * The grid id is added as the non-standard member {@code crs} / {@code tileMatrixSet}, since
 * TileJSON itself assumes Web Mercator.
 */
final class TileJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TileJson() {}

    static byte[] write(TileLayerSet set, TileGrid grid, String baseUrl, ServiceContext context) {
        ObjectNode root = JSON.createObjectNode();
        root.put("tilejson", "3.0.0");
        root.put("name", set.id());
        root.put("description", set.title().both());
        root.put("scheme", "xyz");
        root.put("tileMatrixSet", grid.id());
        root.put("crs", grid.crs().id());
        root.putArray("tiles")
                .add(baseUrl + VectorTileEndpoint.PREFIX + "/" + set.id() + "/" + grid.id() + "/{z}/{x}/{y}.mvt");
        root.put("minzoom", grid.minZoom());
        root.put("maxzoom", grid.maxZoom());
        Envelope lonLat = new Envelope();
        StringBuilder attribution = new StringBuilder();
        ArrayNode vectorLayers = root.putArray("vector_layers");
        for (LayerConfig l : set.layers()) {
            Envelope b = context.featureSource(l).bounds();
            if (b != null && !b.isNull()) {
                lonLat.expandToInclude(
                        new GeometryTransformer(l.featureType().geometry().crs(), CrsRegistry.CGCS2000).transform(b));
            }
            String a = l.metadata() == null ? null : l.metadata().attribution();
            if (a != null && !a.isBlank() && attribution.indexOf(a) < 0)
                attribution.append(attribution.isEmpty() ? "" : "; ").append(a);
            ObjectNode vl = vectorLayers.addObject();
            vl.put("id", l.id());
            vl.put("description", l.title().both());
            vl.put("minzoom", grid.minZoom());
            vl.put("maxzoom", grid.maxZoom());
            ObjectNode fields = vl.putObject("fields");
            for (AttributeDescriptor d : l.featureType().attributes()) fields.put(d.name(), fieldType(d.type()));
        }
        if (!attribution.isEmpty()) root.put("attribution", attribution.toString());
        if (!lonLat.isNull()) {
            root.putArray("bounds").add(lonLat.getMinX()).add(lonLat.getMinY()).add(lonLat.getMaxX())
                    .add(lonLat.getMaxY());
            root.putArray("center").add(lonLat.centre().x).add(lonLat.centre().y).add(Math.min(9, grid.maxZoom()));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write TileJSON: " + e.getMessage(), e);
        }
    }

    private static String fieldType(AttributeType t) {
        return switch (t) {
            case INTEGER, DOUBLE -> "Number";
            case BOOLEAN -> "Boolean";
            default -> "String";
        };
    }
}
