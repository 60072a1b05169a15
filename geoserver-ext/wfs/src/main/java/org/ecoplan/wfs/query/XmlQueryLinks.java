package org.ecoplan.wfs.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.query.SortBy;
import org.ecoplan.ows.filter.ElementText;
import org.ecoplan.wfs.WfsContext;
import org.ecoplan.wfs.WfsVersion;
import org.w3c.dom.Element;

/**
 * The KVP form of a GetFeature sent as XML (WFS 2.0 clause 7.9.2.4, Table 8 and 9), from which
 * GetFeature builds the next / previous links of a page (clause 7.7.4.4.1): those links are GET
 * URLs whatever encoding the request came in. Each query's fes:Filter travels, serialised, as
 * the FILTER parameter. Property names and sort keys are the resolved attribute names; the type
 * names carry the service's own prefix, which needs no NAMESPACES.
 */
final class XmlQueryLinks {
    private XmlQueryLinks() {}

    /**
     * The link parameters, or null when the queries cannot be written as one KVP request: some
     * queries with a filter and some without (KVP FILTER needs one filter per type name).
     *
     * @param filters the fes:Filter element of each query, or null where a query has none
     * @param srsName the srsName of the request as given, or null
     */
    static Map<String, String> of(Element root, WfsVersion version, List<Query> queries, List<Element> filters,
            String srsName, WfsContext wfs) {
        long withFilter = filters.stream().filter(f -> f != null).count();
        if (withFilter != 0 && withFilter != filters.size()) return null;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("SERVICE", "WFS");
        p.put("VERSION", version.text());
        p.put("REQUEST", "GetFeature");
        List<String> types = new ArrayList<>();
        List<String> properties = new ArrayList<>();
        List<String> sorts = new ArrayList<>();
        boolean anyProperties = false;
        boolean anySort = false;
        for (Query q : queries) {
            types.add(q.layer().qualifiedName());
            List<String> names = new ArrayList<>();
            if (q.propertyNames() != null) {
                anyProperties = true;
                names.addAll(q.propertyNames());
                if (q.withGeometry() && q.layer().featureType().hasGeometry())
                    names.add(q.layer().featureType().geometry().name());
            } else {
                names.add("*");
            }
            properties.add(String.join(",", names));
            List<String> keys = new ArrayList<>();
            for (SortBy s : q.sortBy()) keys.add(s.property() + (s.ascending() ? " ASC" : " DESC"));
            anySort |= !keys.isEmpty();
            sorts.add(String.join(",", keys));
        }
        p.put("TYPENAMES", list(types));
        if (anyProperties) p.put("PROPERTYNAME", list(properties));
        if (anySort) {
            if (sorts.contains("")) return null; // no KVP spelling for "unsorted" beside sorted queries
            p.put("SORTBY", list(sorts));
        }
        if (withFilter > 0) {
            List<String> texts = new ArrayList<>();
            for (Element f : filters) texts.add(ElementText.of(f));
            p.put("FILTER", texts.size() == 1 ? texts.get(0) : "(" + String.join(")(", texts) + ")");
        }
        if (srsName != null) p.put("SRSNAME", srsName);
        String format = root.getAttribute("outputFormat");
        if (!format.isEmpty()) p.put("OUTPUTFORMAT", format);
        String count = root.getAttribute("count");
        if (!count.isEmpty()) p.put("COUNT", count);
        return p;
    }

    private static String list(List<String> perQuery) {
        return perQuery.size() == 1 ? perQuery.get(0) : "(" + String.join(")(", perQuery) + ")";
    }
}
