package org.ecoplan.server;

import java.util.List;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
import org.ecoplan.ows.OwsService;

/** The HTML landing page (zh + en): the services with their capabilities links, the layer groups and layers. */
final class LandingPage {
    private LandingPage() {}

    static String html(Catalog catalog, List<OwsService> services) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<title>阳高县国土空间生态修复规划 · 空间数据服务 / Yanggao ecological restoration plan services</title>")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}</style></head><body>\n")
                .append("<h1>阳高县国土空间生态修复规划（2021—2035年）空间数据服务</h1>\n")
                .append("<p lang=\"en\">Spatial data services of the Yanggao County territorial ecological restoration plan (2021–2035)</p>\n")
                .append("<h2>服务 / Services</h2>\n<ul>\n");
        for (OwsService s : services) {
            String v = s.versions().get(0);
            b.append("<li>").append(esc(s.name())).append(' ').append(esc(String.join(", ", s.versions())))
                    .append(": <a href=\"ows?service=").append(esc(s.name())).append("&amp;version=").append(esc(v))
                    .append("&amp;request=GetCapabilities\">GetCapabilities</a></li>\n");
        }
        b.append("<li><a href=\"health\">health</a></li>\n</ul>\n");
        b.append(
                "<h2>图层组 / Layer groups</h2>\n<table><tr><th>id</th><th>名称</th><th>Title</th><th>图层 / layers</th></tr>\n");
        for (LayerGroupConfig g : catalog.groups()) {
            b.append("<tr><td>").append(esc(g.id())).append("</td><td>").append(esc(g.title().zh())).append("</td><td>")
                    .append(esc(g.title().en())).append("</td><td>").append(esc(String.join(", ", g.layers())))
                    .append("</td></tr>\n");
        }
        b.append(
                "</table>\n<h2>图层 / Layers</h2>\n<table><tr><th>id</th><th>名称</th><th>Title</th><th>几何 / geometry</th><th>示意 / schematic</th><th>来源 / source</th></tr>\n");
        for (LayerConfig l : catalog.layers()) {
            String geom = l.featureType().hasGeometry()
                    ? l.featureType().geometry().type().sfName() + " · " + l.featureType().geometry().crs().id()
                    : "—（表 / table）";
            b.append("<tr><td>").append(esc(l.id())).append("</td><td>").append(esc(l.title().zh())).append("</td><td>")
                    .append(esc(l.title().en())).append("</td><td>").append(esc(geom)).append("</td><td>")
                    .append(l.metadata().schematic() ? "是 / yes" : "否 / no").append("</td><td>")
                    .append(esc(l.metadata().source())).append("</td></tr>\n");
        }
        b.append("</table>\n</body></html>\n");
        return b.toString();
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
