package org.ecoplan.map.info;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.Feature;
import org.ecoplan.ows.encode.Markup;
import org.ecoplan.ows.encode.ValueText;

/**
 * GetFeatureInfo as text/html: one table per layer, columns headed by the Chinese attribute alias
 * (English alias and name in the tooltip), every value escaped.
 */
public final class FeatureInfoHtml extends FeatureInfoEncoder {
    public FeatureInfoHtml() {
        super(List.of("text/html"), "text/html; charset=UTF-8", "html");
    }

    @Override
    public void write(FeatureInfo result, OutputStream out) throws IOException {
        write(result.hits(), out);
    }

    static void write(List<LayerHits> hits, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"UTF-8\"><title>要素信息 / Feature info</title>\n"
                + "<style>table{border-collapse:collapse;margin:4px 0 12px}th,td{border:1px solid #999;padding:2px 6px;"
                + "font:12px sans-serif}th{background:#e8efe0}caption{font:bold 13px sans-serif;text-align:left}</style>"
                + "</head><body>\n");
        int total = 0;
        for (LayerHits h : hits) {
            if (h.features().isEmpty()) continue;
            total += h.features().size();
            List<AttributeDescriptor> attrs = h.layer().featureType().attributes();
            w.write("<table><caption>" + Markup.escape(h.layer().title().both()) + "</caption>\n<tr>");
            for (AttributeDescriptor a : attrs) {
                w.write("<th title=\"" + Markup.escape(a.alias().in("en") + " (" + a.name() + ")") + "\">"
                        + Markup.escape(a.alias().in("zh")) + "</th>");
            }
            w.write("</tr>\n");
            for (Feature f : h.features()) {
                w.write("<tr>");
                for (AttributeDescriptor a : attrs) {
                    Object v = f.get(a.name());
                    w.write("<td>" + (v == null ? "" : Markup.escape(ValueText.of(v))) + "</td>");
                }
                w.write("</tr>\n");
            }
            w.write("</table>\n");
        }
        if (total == 0) w.write("<p>此处无要素 / No features here.</p>\n");
        w.write("</body></html>\n");
        w.flush();
    }

}
