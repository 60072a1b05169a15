package org.ecoplan.wms.capabilities;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
import org.ecoplan.catalog.config.LayerMetadata;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.encode.Markup;
import org.ecoplan.wms.LayerExtents;
import org.locationtech.jts.geom.Envelope;

/**
 * The page a layer's MetadataURL and Attribution point at (vendor request GetMetadata): an HTML
 * summary of the ISO 19115 core elements the catalog holds: title, abstract, keywords, lineage
 * (source), licence (use constraints), geographic extent, reference system, plan section and
 * confidence, with the schematic-geometry warning where it applies.
 */
public final class LayerMetadataPage {
    private LayerMetadataPage() {}

    public static OwsResponse response(LayerConfig l, LayerExtents.Extent extent) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"UTF-8\"><title>")
                .append(Markup.escape(l.title().both()))
                .append("</title></head><body>\n<h1>").append(Markup.escape(l.title().both())).append("</h1>\n<dl>\n");
        row(b, "标识 / Identifier", l.id());
        row(b, "摘要 / Abstract (zh)", l.abstractText().zh());
        row(b, "Abstract (en)", l.abstractText().en());
        row(b, "关键词 / Keywords", String.join(", ", l.keywords()));
        LayerMetadata m = l.metadata();
        if (m != null) {
            row(b, "数据来源 / Lineage", m.source());
            row(b, "许可 / Use constraints (licence)", m.licence());
            row(b, "署名 / Attribution", m.attribution());
            row(b, "规划章节 / Plan section", m.planSection());
            row(b, "可信度 / Confidence", m.confidence());
            if (m.schematic())
                row(b, "注意 / Note", "示意性几何，由项目绘制，非测绘成果 / Schematic geometry drawn by the project, not surveyed");
        }
        row(b, "参照系 / Reference system",
                l.featureType().geometry() == null ? "" : l.featureType().geometry().crs().id());
        geographic(b, extent);
        b.append("</dl>\n</body></html>\n");
        return OwsResponse.bytes(200, "text/html; charset=UTF-8", b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The page of a layer group (a plan figure): its texts, extent and each member with its licence. */
    public static OwsResponse group(LayerGroupConfig g, List<LayerConfig> members, LayerExtents.Extent extent) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"UTF-8\"><title>")
                .append(Markup.escape(g.title().both()))
                .append("</title></head><body>\n<h1>").append(Markup.escape(g.title().both())).append("</h1>\n<dl>\n");
        row(b, "标识 / Identifier", g.id());
        row(b, "摘要 / Abstract (zh)", g.abstractText() == null ? null : g.abstractText().zh());
        row(b, "Abstract (en)", g.abstractText() == null ? null : g.abstractText().en());
        row(b, "关键词 / Keywords", String.join(", ", g.keywords()));
        geographic(b, extent);
        b.append("</dl>\n<h2>图层 / Layers</h2>\n<ul>\n");
        for (LayerConfig l : members) {
            b.append("<li>").append(Markup.escape(l.title().both())).append(" (").append(Markup.escape(l.id()))
                    .append(")");
            if (l.metadata() != null && l.metadata().licence() != null)
                b.append(" — ").append(Markup.escape(l.metadata().licence()));
            b.append("</li>\n");
        }
        b.append("</ul>\n</body></html>\n");
        return OwsResponse.bytes(200, "text/html; charset=UTF-8", b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void geographic(StringBuilder b, LayerExtents.Extent extent) {
        Envelope geo = extent.geographic();
        if (geo != null) {
            row(b, "地理范围 / Geographic extent (WGS 84)", String.format(java.util.Locale.ROOT,
                    "west %.5f, east %.5f, south %.5f, north %.5f", geo.getMinX(), geo.getMaxX(), geo.getMinY(),
                    geo.getMaxY()));
        }
    }

    private static void row(StringBuilder b, String label, String value) {
        if (value == null || value.isBlank()) return;
        b.append("<dt>").append(Markup.escape(label)).append("</dt><dd>").append(Markup.escape(value))
                .append("</dd>\n");
    }
}
