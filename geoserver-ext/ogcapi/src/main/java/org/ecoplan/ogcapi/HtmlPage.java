package org.ecoplan.ogcapi;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.ecoplan.ows.encode.Markup;

/**
 * The HTML encoding of the API's resources (OGC 17-069r4 clause 7.9, conformance class HTML):
 * bilingual (中文 / English) pages with the resource's links, written as the data streams. No
 * script and no resource from another host, so the server's Content-Security-Policy holds; the
 * small maps are the layer drawn by this server's own WMS.
 */
final class HtmlPage {
    private final Writer w;

    HtmlPage(OutputStream out) {
        this.w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    HtmlPage start(String title, List<String[]> breadcrumbs) throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
        text(title);
        w.write("</title><style>body{font-family:sans-serif;margin:1.5em auto;max-width:70em;padding:0 1em;color:#222}"
                + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .5em;"
                + "text-align:left;vertical-align:top}th{background:#f3f3f3}nav{font-size:.9em;margin-bottom:1em}"
                + "img.map{border:1px solid #999;max-width:100%}code{background:#f3f3f3}</style></head><body><nav>");
        for (int i = 0; i < breadcrumbs.size(); i++) {
            if (i > 0) w.write(" / ");
            a(breadcrumbs.get(i)[1], breadcrumbs.get(i)[0]);
        }
        w.write("</nav><h1>");
        text(title);
        w.write("</h1>\n");
        return this;
    }

    HtmlPage paragraph(String s) throws IOException {
        if (s == null || s.isBlank()) return this;
        w.write("<p>");
        text(s);
        w.write("</p>\n");
        return this;
    }

    HtmlPage heading(String s) throws IOException {
        w.write("<h2>");
        text(s);
        w.write("</h2>\n");
        return this;
    }

    /** The links of a JSON document, as a list. */
    HtmlPage links(List<Map<String, Object>> links) throws IOException {
        w.write("<ul>");
        for (Map<String, Object> l : links) {
            w.write("<li>");
            a(String.valueOf(l.get("href")), l.get("title") != null
                    ? String.valueOf(l.get("title"))
                    : String.valueOf(l.get("rel")));
            w.write(" <small>(");
            text(l.get("rel") + (l.get("type") != null ? ", " + l.get("type") : ""));
            w.write(")</small></li>");
        }
        w.write("</ul>\n");
        return this;
    }

    HtmlPage tableStart(String... headers) throws IOException {
        w.write("<table><tr>");
        for (String h : headers) {
            w.write("<th>");
            text(h);
            w.write("</th>");
        }
        w.write("</tr>\n");
        return this;
    }

    /** A row; a cell given as {text, href} is a link. */
    HtmlPage row(Object... cells) throws IOException {
        w.write("<tr>");
        for (Object c : cells) {
            w.write("<td>");
            if (c instanceof String[] link) a(link[1], link[0]);
            else text(c == null ? "" : String.valueOf(c));
            w.write("</td>");
        }
        w.write("</tr>\n");
        return this;
    }

    HtmlPage tableEnd() throws IOException {
        w.write("</table>\n");
        return this;
    }

    HtmlPage map(String src, String alt) throws IOException {
        if (src == null) return this;
        w.write("<p><img class=\"map\" src=\"");
        text(src);
        w.write("\" alt=\"");
        text(alt);
        w.write("\"></p>\n");
        return this;
    }

    HtmlPage link(String href, String label) throws IOException {
        w.write("<p>");
        a(href, label);
        w.write("</p>\n");
        return this;
    }

    void end() throws IOException {
        w.write("</body></html>\n");
        w.flush();
    }

    private void a(String href, String label) throws IOException {
        w.write("<a href=\"");
        text(href);
        w.write("\">");
        text(label);
        w.write("</a>");
    }

    /** Text or an attribute value, escaped for either place. */
    private void text(String s) throws IOException {
        w.write(Markup.escape(s));
    }
}
