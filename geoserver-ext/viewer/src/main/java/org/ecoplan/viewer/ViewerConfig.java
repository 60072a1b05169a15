package org.ecoplan.viewer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.CatalogView;
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
 * the project phases the data holds (the phase filter),
 * the data extent in longitude/latitude, the service URLs, and the 天地图 key when one is
 * configured (TIANDITU_KEY; absent means no base map and no request to any remote host).
 */
final class ViewerConfig {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ViewerConfig() {}

    /** The phases a layer's features hold, read once per loaded version of its data (not on every request). */
    private static final java.util.Map<String, PhaseValues> PHASES = new java.util.concurrent.ConcurrentHashMap<>();

    private record PhaseValues(String version, Set<String> values) {}

    private static Set<String> phases(ServiceContext context, LayerConfig l) {
        var source = context.featureSource(l);
        String version = source.version();
        PhaseValues known = PHASES.get(l.qualifiedName());
        if (known != null && known.version().equals(version)) return known.values();
        Set<String> values = new LinkedHashSet<>();
        try (var c = source.features(org.ecoplan.catalog.query.FeatureQuery.ALL
                .withProperties(java.util.List.of("phase"), false))) {
            while (c.hasNext()) {
                Object v = c.next().get("phase");
                if (v != null) values.add(v.toString());
            }
        }
        PHASES.put(l.qualifiedName(), new PhaseValues(version, Set.copyOf(values)));
        return values;
    }

    /** The plan's periods first, in time order, then any other value. */
    private static int periodOrder(String phase) {
        return switch (phase) {
            case "近期" -> 0;
            case "中远期" -> 1;
            default -> 2;
        };
    }

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

    /**
     * @param view what the endpoint the viewer was reached at publishes: one workspace at
     *             {@code /<workspace>/viewer/}, every workspace (names qualified) at {@code /viewer/}
     */
    static byte[] write(ServiceContext context, CatalogView view, String tiandituKey) {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", view.service("wms").title().in("zh"));
        root.put("titleEn", view.service("wms").title().in("en"));
        root.put("wmsUrl", view.pathPrefix() + "/wms");
        root.put("wmtsUrl", view.pathPrefix() + "/wmts");
        root.put("vectorTileUrl", view.pathPrefix() + "/vtiles");
        // "check a site": the plan check (OGC API – Processes) of this workspace, or of the first workspace
        // offering one in the global viewer; null hides the panel
        String planCheck = null;
        for (var w : view.isGlobal() ? view.catalog().workspaces() : view.workspace().stream().toList()) {
            if (w.planCheck() == null || planCheck != null) continue;
            planCheck = view.pathPrefix() + "/ogcapi/processes/" + (view.isGlobal() ? w.name() + ":" : "")
                    + "plan-check/execution";
        }
        if (planCheck != null) root.put("planCheckUrl", planCheck);
        else root.putNull("planCheckUrl");
        if (tiandituKey != null && !tiandituKey.isBlank()) root.put("tiandituKey", tiandituKey.trim());
        else root.putNull("tiandituKey");
        Envelope extent = new Envelope();
        Set<String> attributions = new LinkedHashSet<>();
        ArrayNode layers = root.putArray("layers");
        for (LayerConfig l : view.layers()) {
            ObjectNode n = layers.addObject();
            n.put("id", view.name(l));
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
        // the values of "phase" the projects hold, for the viewer's filter: what the data says, not a code list
        Set<String> phases = new java.util.TreeSet<>(java.util.Comparator.comparingInt(ViewerConfig::periodOrder)
                .thenComparing(java.util.Comparator.naturalOrder()));
        for (LayerConfig l : view.layers()) {
            if (l.featureType().hasProperty("phase") && l.featureType().hasGeometry())
                phases.addAll(phases(context, l));
        }
        ArrayNode phaseValues = root.putArray("phases");
        phases.forEach(phaseValues::add);
        ArrayNode groups = root.putArray("groups");
        String defaultGroup = null;
        for (LayerGroupConfig g : view.groups()) {
            ObjectNode n = groups.addObject();
            n.put("id", view.name(g));
            n.put("title", g.title().in("zh"));
            ArrayNode members = n.putArray("layers");
            Set<String> seen = new LinkedHashSet<>();
            for (LayerConfig l : view.catalog().expand(g)) if (seen.add(view.name(l))) members.add(view.name(l));
            // the group the workspace names for the viewer (in the global viewer, the default workspace's)
            String wanted = view.catalog().workspaceOf(g.workspace()).viewerGroup();
            boolean preferred = g.id().equals(wanted) && (!view.isGlobal()
                    || g.workspace().equals(view.catalog().global().defaultWorkspace()));
            if (defaultGroup == null || preferred) defaultGroup = view.name(g);
        }
        root.put("defaultGroup", defaultGroup);
        if (extent.isNull()) extent = new Envelope(-180, 180, -90, 90); // nothing loaded: the whole world
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
