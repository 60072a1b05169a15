package org.ecoplan.server;

import java.util.List;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
import org.ecoplan.catalog.config.ServiceMetadata;
import org.ecoplan.catalog.config.WorkspaceConfig;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsService;
import org.ecoplan.ows.encode.Markup;

/**
 * The HTML landing page (zh + en) of an endpoint: at {@code /} the global services and every
 * workspace with a link to its own page; at {@code /<workspace>/} that workspace's services, its
 * layer groups and layers. Every text comes from the configuration.
 */
final class LandingPage {
    private LandingPage() {}

    static String html(CatalogView view, List<OwsService> services, OwsRequest request) {
        ServiceMetadata identity = view.service("wms");
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(esc(identity.title().both())).append("</title>")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}</style></head><body>\n")
                .append("<h1>").append(esc(identity.title().in("zh"))).append("</h1>\n")
                .append("<p lang=\"en\">").append(esc(identity.title().in("en"))).append("</p>\n")
                .append("<p>").append(esc(identity.abstractText().in("zh"))).append("</p>\n")
                .append("<p lang=\"en\">").append(esc(identity.abstractText().in("en"))).append("</p>\n")
                .append("<h2>服务 / Services</h2>\n<ul>\n");
        for (OwsService s : services) {
            String v = s.versions().get(0);
            b.append("<li>").append(esc(s.name())).append(' ').append(esc(String.join(", ", s.versions())))
                    .append(": <a href=\"").append(esc(request.endpointUrl("/ows"))).append("?service=")
                    .append(esc(s.name())).append("&amp;version=").append(esc(v))
                    .append("&amp;request=GetCapabilities\">GetCapabilities</a></li>\n");
        }
        b.append("<li>OGC API – Features: <a href=\"").append(esc(request.endpointUrl("/ogcapi")))
                .append("?f=html\">要素浏览 / browse the features</a></li>\n");
        b.append("<li><a href=\"").append(esc(request.endpointUrl("/viewer/"))).append("\">规划图浏览 / viewer</a></li>\n");
        if (view.isGlobal()) b.append("<li><a href=\"health\">health</a></li>\n");
        b.append("</ul>\n");
        if (view.isGlobal()) {
            b.append("<h2>工作区 / Workspaces</h2>\n<table><tr><th>名称 / name</th><th>标题</th><th>Title</th>")
                    .append("<th>命名空间 / namespace</th></tr>\n");
            for (WorkspaceConfig w : view.catalog().workspaces()) {
                ServiceMetadata m = w.services().service("wms");
                b.append("<tr><td><a href=\"").append(esc(w.name())).append("/\">").append(esc(w.name()))
                        .append("</a></td><td>").append(esc(m.title().in("zh"))).append("</td><td>")
                        .append(esc(m.title().in("en"))).append("</td><td>").append(esc(w.namespaceUri()))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        b.append(
                "<h2>图层组 / Layer groups</h2>\n<table><tr><th>名称 / name</th><th>标题</th><th>Title</th><th>图层 / layers</th></tr>\n");
        for (LayerGroupConfig g : view.groups()) {
            List<String> members = g.layers().stream().map(id -> view.isGlobal() ? g.workspace() + ":" + id : id)
                    .toList();
            b.append("<tr><td>").append(esc(view.name(g))).append("</td><td>").append(esc(g.title().zh()))
                    .append("</td><td>").append(esc(g.title().en())).append("</td><td>")
                    .append(esc(String.join(", ", members))).append("</td></tr>\n");
        }
        b.append("</table>\n<h2>图层 / Layers</h2>\n<table><tr><th>名称 / name</th><th>标题</th><th>Title</th>")
                .append("<th>几何 / geometry</th><th>示意 / schematic</th><th>来源 / source</th></tr>\n");
        for (LayerConfig l : view.layers()) {
            String geom = l.featureType().hasGeometry()
                    ? l.featureType().geometry().type().sfName() + " · " + l.featureType().geometry().crs().id()
                    : "—（表 / table）";
            b.append("<tr><td>").append(esc(view.name(l))).append("</td><td>").append(esc(l.title().zh()))
                    .append("</td><td>").append(esc(l.title().en())).append("</td><td>").append(esc(geom))
                    .append("</td><td>").append(l.metadata().schematic() ? "是 / yes" : "否 / no").append("</td><td>")
                    .append(esc(l.metadata().source())).append("</td></tr>\n");
        }
        b.append("</table>\n</body></html>\n");
        return b.toString();
    }

    private static String esc(String s) { return Markup.escape(s); }
}
