package org.ecoplan.ogcapi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTML page of an OGC API – Tiles metadata document (OGC 20-057: a tilesets list, a tileset, the
 * tile matrix sets or one of them): its plain members as a table, its lists (tilesets, tile matrix
 * sets, limits, tile matrices) as tables of their members, and its links, each JSON link offered as
 * HTML where the server has that page — the JSON document itself stays the one link in JSON.
 */
final class TilesPage {
    private TilesPage() {}

    static void write(OutputStream out, String title, List<String[]> crumbs, Map<String, Object> doc)
            throws IOException {
        HtmlPage p = new HtmlPage(out).start(title, crumbs);
        List<Object[]> plain = new ArrayList<>();
        for (Map.Entry<String, Object> e : doc.entrySet()) {
            if (!(e.getValue() instanceof List) && !(e.getValue() instanceof Map))
                plain.add(new Object[]{e.getKey(),
                        e.getValue()});
        }
        if (!plain.isEmpty()) {
            p.tableStart("项 Item", "值 Value");
            for (Object[] row : plain) p.row(row);
            p.tableEnd();
        }
        for (Map.Entry<String, Object> e : doc.entrySet()) {
            if (e.getKey().equals("links") || !(e.getValue() instanceof List<?> list) || list.isEmpty()
                    || !(list.get(0) instanceof Map))
                continue;
            p.heading(e.getKey());
            table(p, list);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> links = (List<Map<String, Object>>) doc.get("links");
        if (links != null && !links.isEmpty()) {
            p.heading("链接 Links").links(OgcApiEndpoint.asHtmlPage(links));
        }
        p.end();
    }

    /** A list of objects as a table: one column per plain member, the first one linked to its HTML page. */
    private static void table(HtmlPage p, List<?> rows) throws IOException {
        List<String> columns = new ArrayList<>();
        for (Object o : rows) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                String k = String.valueOf(e.getKey());
                if (!(e.getValue() instanceof List) && !(e.getValue() instanceof Map) && !columns.contains(k))
                    columns.add(k);
            }
        }
        p.tableStart(columns.toArray(new String[0]));
        for (Object o : rows) {
            Map<?, ?> m = (Map<?, ?>) o;
            String self = selfHtml(m.get("links"));
            Object[] cells = new Object[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                Object v = m.get(columns.get(i));
                String text = v == null ? "" : String.valueOf(v);
                cells[i] = i == 0 && self != null ? new String[]{text, self} : text;
            }
            p.row(cells);
        }
        p.tableEnd();
    }

    /** The HTML page of an entry: its JSON "self" link with f=html. */
    private static String selfHtml(Object links) {
        if (!(links instanceof List<?> list)) return null;
        for (Object o : list) {
            if (o instanceof Map<?, ?> l && "self".equals(l.get("rel")) && l.get("href") != null)
                return String.valueOf(l.get("href")).replace("f=json", "f=html");
        }
        return null;
    }
}
