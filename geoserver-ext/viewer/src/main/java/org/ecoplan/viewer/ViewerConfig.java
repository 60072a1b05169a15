package org.ecoplan.viewer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.map.tiles.TileMatrixSet;
import org.ecoplan.map.tiles.TileMatrixSets;
import org.ecoplan.ows.ServiceContext;
import org.locationtech.jts.geom.Envelope;

/**
 * The viewer's {@code config.json}, built from the catalog: layer ids with Chinese titles and
 * attribute aliases (popups), the layer groups (the plan's figures) expanded to their layers,
 * the data extent in longitude/latitude, the service URLs, and the 天地图 key when one is
 * configured (TIANDITU_KEY; absent means no base map and no request to any remote host).
 */
final class ViewerConfig {
    static final String DEFAULT_GROUP = "plan_projects";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ViewerConfig() {}

    /**
     * A tile grid as OpenLayers' TileGrid takes it, from the registry every tile service uses:
     * origin, extent, and one resolution per zoom number from 0 (numbers below the set's first
     * matrix continue its halving, and {@code minZoom} keeps the client off them).
     */
    private static ObjectNode grid(TileMatrixSet set) {
        ObjectNode g = JSON.createObjectNode();
        g.put("crs", set.crs().isCrs84() ? "EPSG:4326" : set.crs().id());
        g.putArray("origin").add(set.originX()).add(set.originY());
        Envelope e = set.extent();
        g.putArray("extent").add(e.getMinX()).add(e.getMinY()).add(e.getMaxX()).add(e.getMaxY());
        ArrayNode res = g.putArray("resolutions");
        double first = set.matrices().get(0).resolution();
        for (int z = 0; z <= set.lastZoom(); z++) res.add(first * Math.pow(2, set.firstZoom() - z));
        g.put("minZoom", set.firstZoom());
        g.put("maxZoom", set.lastZoom());
        return g;
    }

    static byte[] write(ServiceContext context, String tiandituKey) {
        Catalog catalog = context.catalog();
        ObjectNode root = JSON.createObjectNode();
        root.put("wmsUrl", "/wms");
        root.put("vectorTileUrl", "/vtiles");
        if (tiandituKey != null && !tiandituKey.isBlank()) root.put("tiandituKey", tiandituKey.trim());
        else root.putNull("tiandituKey");
        Envelope extent = new Envelope();
        Set<String> attributions = new LinkedHashSet<>();
        ArrayNode layers = root.putArray("layers");
        for (LayerConfig l : catalog.layers()) {
            ObjectNode n = layers.addObject();
            n.put("id", l.id());
            n.put("title", l.title().in("zh"));
            n.put("titleEn", l.title().in("en"));
            n.put("queryable", l.queryable());
            n.put("geometry", l.featureType().hasGeometry());
            ArrayNode attrs = n.putArray("attributes");
            for (AttributeDescriptor a : l.featureType().attributes()) {
                attrs.addObject().put("name", a.name()).put("alias", a.alias().in("zh")).put("aliasEn",
                        a.alias().in("en"));
            }
            if (l.featureType().hasGeometry()) {
                Envelope b = context.featureSource(l).bounds();
                if (b != null && !b.isNull()) {
                    extent.expandToInclude(
                            new GeometryTransformer(l.featureType().geometry().crs(), CrsRegistry.CGCS2000)
                                    .transform(b));
                }
            }
            if (l.metadata() != null && l.metadata().attribution() != null && !l.metadata().attribution().isBlank()) {
                for (String part : l.metadata().attribution().split(";"))
                    if (!part.isBlank()) attributions.add(part.trim());
            }
        }
        ArrayNode groups = root.putArray("groups");
        String defaultGroup = null;
        for (LayerGroupConfig g : catalog.groups()) {
            ObjectNode n = groups.addObject();
            n.put("id", g.id());
            n.put("title", g.title().in("zh"));
            ArrayNode members = n.putArray("layers");
            Set<String> seen = new LinkedHashSet<>();
            for (LayerConfig l : catalog.expand(g.id())) if (seen.add(l.id())) members.add(l.id());
            if (defaultGroup == null || g.id().equals(DEFAULT_GROUP)) defaultGroup = g.id();
        }
        root.put("defaultGroup", defaultGroup);
        if (extent.isNull()) extent = new Envelope(113.5, 114.5, 39.9, 40.6);
        root.putArray("bbox").add(extent.getMinX()).add(extent.getMinY()).add(extent.getMaxX()).add(extent.getMaxY());
        root.put("attribution", String.join("; ", attributions));
        ObjectNode sets = root.putObject("tileMatrixSets");
        for (TileMatrixSet set : TileMatrixSets.all()) sets.set(set.identifier(), grid(set));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the viewer configuration: " + e.getMessage(), e);
        }
    }
}
