package org.ecoplan.wms.capabilities;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.Localized;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.ows.encode.XmlDocument;
import org.ecoplan.render.style.Rule;
import org.ecoplan.render.style.Style;
import org.ecoplan.render.style.StyleLibrary;
import org.ecoplan.wms.BboxParser;
import org.ecoplan.wms.LayerExtents;
import org.ecoplan.wms.WmsVersion;
import org.ecoplan.wms.legend.LegendGraphics;
import org.locationtech.jts.geom.Envelope;

/**
 * Writes the Layer tree of a capabilities document (WMS 1.3.0 clause 7.2.4.6, 1.1.1 clause 7.1.4.5):
 * an unnamed root Layer carrying the CRS list every layer inherits, one named Layer per map layer,
 * then one named Layer per layer group (a plan figure; requesting it draws its members; its
 * abstract lists them). Each name appears once, as clients key layers by name. Map layers come
 * first because clients and ets-wms13 take the first named layer as a sample layer for style tests.
 * Tables without geometry are not map layers.
 */
public final class CapabilitiesLayerWriter {
    private final LayerExtents extents;
    private final StyleLibrary styles;
    private final LegendGraphics legends;

    public CapabilitiesLayerWriter(LayerExtents extents, StyleLibrary styles, LegendGraphics legends) {
        this.extents = extents;
        this.styles = styles;
        this.legends = legends;
    }

    /** The layers an endpoint's WMS serves: those with geometry, in catalog order. */
    public static List<LayerConfig> mapLayers(CatalogView view) {
        return view.layers().stream().filter(l -> l.featureType().hasGeometry()).toList();
    }

    /**
     * The root Layer lists the endpoint's CRSs; a layer of a workspace that offers more lists those
     * too (WMS 1.3.0 clause 7.2.4.6.7: a child's CRSs add to its parent's).
     */
    void write(XmlDocument x, WmsVersion version, String url, CatalogView view) {
        boolean v13 = version == WmsVersion.V_1_3_0;
        List<LayerConfig> layers = mapLayers(view);
        List<String> rootCrs = view.services().crs();
        x.start("Layer").attr("queryable", "0");
        x.element("Title", view.service("wms").title().both());
        for (String code : rootCrs) x.element(v13 ? "CRS" : "SRS", code);
        LayerExtents.Extent all = extents.union(layers);
        bounds(x, version, all, rootCrs);
        for (LayerConfig l : layers) layer(x, version, url, l, view);
        for (LayerGroupConfig g : view.groups()) {
            List<LayerConfig> members = view.catalog().expand(g).stream().filter(l -> l.featureType().hasGeometry())
                    .toList();
            if (members.isEmpty()) continue;
            x.start("Layer").attr("queryable", members.stream().anyMatch(LayerConfig::queryable) ? "1" : "0");
            x.element("Name", view.name(g));
            x.element("Title", g.title().both());
            StringBuilder abs = new StringBuilder(paragraphs(g.abstractText()));
            abs.append("\n\n图层 / Layers: ").append(String.join(", ", members.stream().map(view::name).toList()));
            x.element("Abstract", abs.toString());
            keywords(x, g.keywords());
            List<String> crs = view.crs(g.workspace());
            ownCrs(x, v13, crs, rootCrs);
            bounds(x, version, extents.union(members), crs);
            x.start("MetadataURL").attr("type", v13 ? "ISO19115:2003" : "TC211");
            x.element("Format", "text/html")
                    .link("OnlineResource", url + "SERVICE=WMS&REQUEST=GetMetadata&LAYER=" + enc(view.name(g))).end();
            x.end();
        }
        x.end();
    }

    /** The CRSs of a layer that its parent (the root) does not list. */
    private static void ownCrs(XmlDocument x, boolean v13, List<String> crs, List<String> rootCrs) {
        for (String c : crs) if (!rootCrs.contains(c)) x.element(v13 ? "CRS" : "SRS", c);
    }

    private void layer(XmlDocument x, WmsVersion version, String url, LayerConfig l, CatalogView view) {
        boolean v13 = version == WmsVersion.V_1_3_0;
        String name = view.name(l);
        x.start("Layer").attr("queryable", l.queryable() ? "1" : "0");
        x.element("Name", name);
        x.element("Title", l.title().both());
        x.element("Abstract", layerAbstract(l));
        keywords(x, l.keywords());
        List<String> crs = view.crs(l.workspace());
        ownCrs(x, v13, crs, view.services().crs());
        bounds(x, version, extents.of(l), crs);
        String metadataUrl = url + "SERVICE=WMS&REQUEST=GetMetadata&LAYER=" + enc(name);
        if (l.metadata() != null && l.metadata().attribution() != null) {
            x.start("Attribution").element("Title", l.metadata().attribution()).link("OnlineResource", metadataUrl)
                    .end();
        }
        x.start("MetadataURL").attr("type", v13 ? "ISO19115:2003" : "TC211");
        x.element("Format", "text/html").link("OnlineResource", metadataUrl).end();
        double minScale = Double.POSITIVE_INFINITY;
        double maxScale = 0;
        for (String styleId : l.styleIds()) {
            Style s = styles.style(l, styleId);
            x.start("Style").element("Name", styleId);
            x.element("Title", s.title() != null && !s.title().isBlank() ? s.title() : styleId);
            if (s.abstractText() != null && !s.abstractText().isBlank()) x.element("Abstract", s.abstractText());
            java.awt.Dimension d = legends.size(s);
            x.start("LegendURL").attr("width", Integer.toString(d.width)).attr("height", Integer.toString(d.height));
            x.element("Format", "image/png");
            x.link("OnlineResource",
                    url + "SERVICE=WMS&VERSION=" + version.text() + "&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER="
                            + enc(name) + "&STYLE=" + enc(styleId));
            x.end().end();
            if (styleId.equals(l.styles().defaultStyle())) {
                for (Rule r : s.rules()) {
                    minScale = Math.min(minScale, r.minScaleDenominator());
                    maxScale = Math.max(maxScale, r.maxScaleDenominator());
                }
            }
        }
        // only when every rule of the default style is limited does the layer itself have a scale range
        if (v13 && minScale > 0 && Double.isFinite(minScale)) x.element("MinScaleDenominator", num(minScale));
        if (v13 && maxScale > 0 && Double.isFinite(maxScale)) x.element("MaxScaleDenominator", num(maxScale));
        boolean limited = (minScale > 0 && Double.isFinite(minScale)) || (maxScale > 0 && Double.isFinite(maxScale));
        if (!v13 && limited) {
            // WMS 1.1.1 clause 7.1.4.5.8: ScaleHint is the ground size of a pixel's diagonal, in metres
            double perDenominator = 0.00028 * Math.sqrt(2);
            double min = minScale > 0 && Double.isFinite(minScale) ? minScale * perDenominator : 0;
            double max = maxScale > 0 && Double.isFinite(maxScale) ? maxScale * perDenominator : Double.MAX_VALUE;
            x.start("ScaleHint").attr("min", num(min)).attr("max", num(max)).end();
        }
        x.end();
    }

    private static void keywords(XmlDocument x, List<String> keywords) {
        if (keywords.isEmpty()) return;
        x.start("KeywordList");
        for (String k : keywords) x.element("Keyword", k);
        x.end();
    }

    private static void bounds(XmlDocument x, WmsVersion version, LayerExtents.Extent e, List<String> codes) {
        Envelope geo = e.geographic();
        if (geo == null) return;
        if (version == WmsVersion.V_1_3_0) {
            x.start("EX_GeographicBoundingBox");
            x.element("westBoundLongitude", num(geo.getMinX())).element("eastBoundLongitude", num(geo.getMaxX()));
            x.element("southBoundLatitude", num(geo.getMinY())).element("northBoundLatitude", num(geo.getMaxY()));
            x.end();
        } else {
            x.start("LatLonBoundingBox").attr("minx", num(geo.getMinX())).attr("miny", num(geo.getMinY()))
                    .attr("maxx", num(geo.getMaxX())).attr("maxy", num(geo.getMaxY())).end();
        }
        for (String code : codes) {
            Envelope env = e.byCrs().get(code);
            if (env == null) continue;
            double[] o = BboxParser.ordered(env, CrsRegistry.parse(code).orElseThrow(), version);
            x.start("BoundingBox").attr(version == WmsVersion.V_1_3_0 ? "CRS" : "SRS", code)
                    .attr("minx", num(o[0])).attr("miny", num(o[1])).attr("maxx", num(o[2])).attr("maxy", num(o[3]))
                    .end();
        }
    }

    private static String layerAbstract(LayerConfig l) {
        StringBuilder b = new StringBuilder(paragraphs(l.abstractText()));
        var m = l.metadata();
        if (m != null) {
            if (m.source() != null) b.append("\n\n来源 / Source: ").append(m.source());
            if (m.licence() != null) b.append("\n许可 / Licence: ").append(m.licence());
            if (m.planSection() != null) b.append("\n规划章节 / Plan section: ").append(m.planSection());
            if (m.confidence() != null) b.append("\n可信度 / Confidence: ").append(m.confidence());
            if (m.schematic()) b.append("\n示意性几何，非测绘成果 / Schematic geometry drawn by the project, not surveyed.");
        }
        return b.toString();
    }

    private static String paragraphs(Localized text) {
        if (text == null) return "";
        String zh = text.zh() == null ? "" : text.zh().trim();
        String en = text.en() == null ? "" : text.en().trim();
        if (zh.isEmpty() || en.isEmpty() || zh.equals(en)) return zh.isEmpty() ? en : zh;
        return zh + "\n\n" + en;
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.9f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
