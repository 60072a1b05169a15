package org.ecoplan.ogcapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.PlanPeriod;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.encode.GeoJsonEncoder;
import org.locationtech.jts.geom.Envelope;

/**
 * The description of one collection (OGC 17-069r4 clause 7.14, OGC 18-058r1 clause 6.1): id,
 * bilingual title and description, the extent in CRS84 and the plan period as temporal extent,
 * the CRSs offered and the storage CRS, and
 * links to its items, its queryables, the same layer in the WMS, WFS, WMTS and tiles, and the
 * legend of each of its styles.
 */
final class CollectionDocument {
    private CollectionDocument() {}

    static Map<String, Object> of(ServiceContext context, CatalogView view, LayerConfig layer, OwsRequest request) {
        String api = request.endpointUrl(OgcApiEndpoint.PREFIX);
        String id = view.name(layer);
        String self = api + "/collections/" + Items.enc(id);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("title", layer.title().both());
        c.put("description", description(layer));
        if (!layer.keywords().isEmpty()) c.put("keywords", layer.keywords());
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(link(self + "?f=json", "self", "application/json", "this document"));
        links.add(link(self + "?f=html", "alternate", "text/html", "this document as HTML"));
        links.add(link(self + "/items?f=json", "items", GeoJsonEncoder.MEDIA_TYPE, "features / 要素 (GeoJSON)"));
        links.add(link(self + "/items?f=html", "items", "text/html", "features / 要素 (HTML)"));
        links.add(link(self + "/queryables?f=json", "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                "application/schema+json", "queryable properties / 可查询属性"));
        // layer names are ASCII identifiers, "ws:layer" at the global endpoints: ':' may stand in a path
        String name = view.name(layer);
        if (Tilesets.offers(layer, Tilesets.Kind.VECTOR)) {
            links.add(link(self + "/tiles?f=json", Tilesets.REL_VECTOR, "application/json",
                    "vector tilesets (OGC API – Tiles, MVT) / 矢量瓦片"));
        }
        if (Tilesets.offers(layer, Tilesets.Kind.MAP)) {
            links.add(link(self + "/map/tiles?f=json", Tilesets.REL_MAP, "application/json",
                    "map tilesets (OGC API – Tiles, PNG) / 地图瓦片"));
        }
        links.add(link(request.endpointUrl("/wfs") + "?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities", "related",
                "application/xml", "WFS 2.0 (type " + view.name(layer) + ")"));
        if (!layer.styleIds().isEmpty()) {
            links.add(link(request.endpointUrl("/wms") + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities",
                    "related", "application/xml", "WMS 1.3.0 (layer " + view.name(layer) + ")"));
            links.add(link(request.endpointUrl("/wmts") + "?SERVICE=WMTS&VERSION=1.0.0&REQUEST=GetCapabilities",
                    "related", "application/xml", "WMTS 1.0.0"));
            links.add(link(request.endpointUrl("/tiles") + "/" + name + "/WebMercatorQuad/tilejson.json", "related",
                    "application/json", "TileJSON (PNG tiles)"));
            links.add(link(request.endpointUrl("/vtiles") + "/" + name + "/WebMercatorQuad/tilejson.json", "related",
                    "application/json", "TileJSON (vector tiles)"));
            for (String style : layer.styleIds()) {
                links.add(link(request.endpointUrl("/wms") + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic"
                        + "&FORMAT=image/png&LAYER=" + Items.enc(name) + "&STYLE=" + Items.enc(style), "related",
                        "image/png",
                        "legend of style " + style + " / 图例"));
            }
        }
        c.put("links", links);
        Envelope box = extent(context, layer);
        PlanPeriod period = context.catalog().workspaceOf(layer.workspace()).planPeriod();
        Map<String, Object> extent = new LinkedHashMap<>();
        if (box != null) {
            Map<String, Object> spatial = new LinkedHashMap<>();
            spatial.put("bbox", List.of(List.of(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY())));
            spatial.put("crs", CrsRegistry.CRS84_CRS.uri());
            extent.put("spatial", spatial);
        }
        if (period != null) {
            // the period of the plan the collection belongs to; features carry no dates of their own
            Map<String, Object> temporal = new LinkedHashMap<>();
            temporal.put("interval", List.of(List.of(period.start(), period.end())));
            temporal.put("trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
            extent.put("temporal", temporal);
        }
        if (!extent.isEmpty()) c.put("extent", extent);
        c.put("itemType", "feature");
        CollectionCrs crs = CollectionCrs.of(view, layer);
        c.put("crs", crs.uris());
        // a collection without geometry (the plan's targets and measures) is stored in no CRS
        if (crs.storage() != null) c.put("storageCrs", crs.storage().uri());
        return c;
    }

    /** The layer's abstract with the provenance a reader must see (source, licence, schematic geometry). */
    static String description(LayerConfig layer) {
        StringBuilder b = new StringBuilder(layer.abstractText() == null ? "" : layer.abstractText().both());
        var m = layer.metadata();
        if (m != null) {
            if (m.source() != null) b.append(" 来源 / Source: ").append(m.source()).append('.');
            if (m.licence() != null) b.append(" 许可 / Licence: ").append(m.licence()).append('.');
            if (m.schematic()) {
                b.append(" 示意性几何（规划未给出精确范围）/ Schematic geometry: the plan gives no precise boundaries.");
            }
        }
        return b.toString().trim();
    }

    /** The layer's extent in CRS84 (lon/lat), or null when it has no features or no geometry. */
    static Envelope extent(ServiceContext context, LayerConfig layer) {
        if (!layer.featureType().hasGeometry()) return null;
        FeatureSource fs = context.featureSource(layer);
        Envelope nat = fs.bounds();
        if (nat == null || nat.isNull()) return null;
        return new GeometryTransformer(layer.featureType().geometry().crs(), CrsRegistry.EPSG_4326).transform(nat);
    }

    static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("href", href);
        l.put("rel", rel);
        if (type != null) l.put("type", type);
        if (title != null) l.put("title", title);
        return l;
    }
}
