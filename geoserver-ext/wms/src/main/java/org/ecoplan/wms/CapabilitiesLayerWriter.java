package org.ecoplan.wms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.Localized;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.render.style.Rule;
import org.ecoplan.render.style.Style;
import org.ecoplan.render.style.StyleLibrary;
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
    private final Localized rootTitle;

    public CapabilitiesLayerWriter(LayerExtents extents, StyleLibrary styles, LegendGraphics legends,
            Localized rootTitle) {
        this.extents = extents;
        this.styles = styles;
        this.legends = legends;
        this.rootTitle = rootTitle;
    }

    /** The layers a WMS serves: those with geometry, in catalog order. */
    public static List<LayerConfig> mapLayers(Catalog catalog) {
        return catalog.layers().stream().filter(l -> l.featureType().hasGeometry()).toList();
    }

    void write(XmlOut x, WmsVersion version, String url, Catalog catalog) {
        boolean v13 = version == WmsVersion.V_1_3_0;
        List<LayerConfig> layers = mapLayers(catalog);
        x.start("Layer").attr("queryable", "0");
        x.element("Title", rootTitle.both());
        for (String code : SupportedCrs.CODES) x.element(v13 ? "CRS" : "SRS", code);
        LayerExtents.Extent all = extents.union(layers);
        bounds(x, version, all);
        for (LayerConfig l : layers) layer(x, version, url, l);
        for (LayerGroupConfig g : catalog.groups()) {
            List<LayerConfig> members = catalog.expand(g.id()).stream().filter(l -> l.featureType().hasGeometry())
                    .toList();
            if (members.isEmpty()) continue;
            x.start("Layer").attr("queryable", members.stream().anyMatch(LayerConfig::queryable) ? "1" : "0");
            x.element("Name", g.id());
            x.element("Title", g.title().both());
            StringBuilder abs = new StringBuilder(paragraphs(g.abstractText()));
            abs.append("\n\n图层 / Layers: ").append(String.join(", ", members.stream().map(LayerConfig::id).toList()));
            x.element("Abstract", abs.toString());
            keywords(x, g.keywords());
            bounds(x, version, extents.union(members));
            x.start("MetadataURL").attr("type", v13 ? "ISO19115:2003" : "TC211");
            x.element("Format", "text/html")
                    .onlineResource(url + "SERVICE=WMS&REQUEST=GetMetadata&LAYER=" + enc(g.id())).end();
            x.end();
        }
        x.end();
    }

    private void layer(XmlOut x, WmsVersion version, String url, LayerConfig l) {
        boolean v13 = version == WmsVersion.V_1_3_0;
        x.start("Layer").attr("queryable", l.queryable() ? "1" : "0");
        x.element("Name", l.id());
        x.element("Title", l.title().both());
        x.element("Abstract", layerAbstract(l));
        keywords(x, l.keywords());
        bounds(x, version, extents.of(l));
        String metadataUrl = url + "SERVICE=WMS&REQUEST=GetMetadata&LAYER=" + enc(l.id());
        if (l.metadata() != null && l.metadata().attribution() != null) {
            x.start("Attribution").element("Title", l.metadata().attribution()).onlineResource(metadataUrl).end();
        }
        x.start("MetadataURL").attr("type", v13 ? "ISO19115:2003" : "TC211");
        x.element("Format", "text/html").onlineResource(metadataUrl).end();
        double minScale = Double.POSITIVE_INFINITY;
        double maxScale = 0;
        for (String styleId : styleIds(l)) {
            Style s = styles.style(styleId);
            x.start("Style").element("Name", styleId);
            x.element("Title", s.title() != null && !s.title().isBlank() ? s.title() : styleId);
            if (s.abstractText() != null && !s.abstractText().isBlank()) x.element("Abstract", s.abstractText());
            java.awt.Dimension d = legends.size(s);
            x.start("LegendURL").attr("width", Integer.toString(d.width)).attr("height", Integer.toString(d.height));
            x.element("Format", "image/png");
            x.onlineResource(
                    url + "SERVICE=WMS&VERSION=" + version.text() + "&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER="
                            + enc(l.id()) + "&STYLE=" + enc(styleId));
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

    static List<String> styleIds(LayerConfig l) {
        return l.styles() == null || l.styles().defaultStyle() == null ? List.of() : l.styles().all();
    }

    private static void keywords(XmlOut x, List<String> keywords) {
        if (keywords.isEmpty()) return;
        x.start("KeywordList");
        for (String k : keywords) x.element("Keyword", k);
        x.end();
    }

    private static void bounds(XmlOut x, WmsVersion version, LayerExtents.Extent e) {
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
        for (String code : SupportedCrs.CODES) {
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
