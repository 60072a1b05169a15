package org.ecoplan.wfs.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.crs.AxisConvention;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.SortBy;
import org.ecoplan.ows.filter.FesFilterParser;
import org.ecoplan.wfs.FeatureTypeNames;
import org.ecoplan.wfs.WfsContext;
import org.ecoplan.wfs.WfsExceptions;
import org.ecoplan.wfs.WfsVersion;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the XML encoding of GetFeature and GetPropertyValue (WFS 2.0 clause 11.2.2 and 10.2.2,
 * WFS 1.1 / 1.0 GetFeature): wfs:Query elements with typeNames (typeName), srsName,
 * PropertyName, a fes:Filter (ogc:Filter) and fes:SortBy (ogc:SortBy), and the GetFeatureById
 * wfs:StoredQuery.
 */
public final class GetFeatureXmlReader {
    private GetFeatureXmlReader() {}

    public static GetFeatureRequest read(Element root, WfsVersion version, WfsContext wfs) {
        List<Query> queries = new ArrayList<>();
        List<Element> filters = new ArrayList<>();
        CrsName srs = null;
        String srsText = null;
        String featureById = null;
        Query.checkCount((int) children(root).stream().filter(c -> "Query".equals(c.getLocalName())).count(), "Query");
        for (Element child : children(root)) {
            switch (child.getLocalName()) {
                case "Query" -> {
                    LayerConfig layer = layer(child, wfs);
                    if (!child.getAttribute("srsName").isEmpty()) {
                        srsText = child.getAttribute("srsName");
                        srs = OutputCrs.parse(srsText, List.of(layer), wfs.view().catalog());
                    }
                    queries.add(query(child, layer, version, wfs));
                    filters.add(children(child).stream().filter(c -> "Filter".equals(c.getLocalName())).findFirst()
                            .orElse(null));
                    ResourceIdConsistency.check(List.of(queries.get(queries.size() - 1)), wfs.view());
                }
                case "StoredQuery" -> {
                    String id = child.getAttribute("id");
                    if (!GetFeatureKvpReader.GET_FEATURE_BY_ID.equals(id)) {
                        throw WfsExceptions.invalid("id", "Unknown stored query '" + id + "'");
                    }
                    for (Element p : children(child)) {
                        if ("Parameter".equals(p.getLocalName()) && "ID".equalsIgnoreCase(p.getAttribute("name"))) {
                            featureById = p.getTextContent().trim();
                        }
                    }
                    if (featureById == null) throw WfsExceptions.missing("ID");
                    LayerConfig layer = GetFeatureKvpReader.layerOfId(featureById, wfs);
                    queries.add(new Query(layer, null, true, new Filter.ResourceId(List.of(featureById)), List.of()));
                }
                default -> {}
            }
        }
        if (queries.isEmpty()) throw WfsExceptions.missing(version == WfsVersion.V200 ? "Query" : "Query");
        String count = first(root, "count", "maxFeatures");
        return new GetFeatureRequest(version, queries, srs,
                count == null ? -1 : GetFeatureKvpReader.nonNegative(count, "count"),
                GetFeatureKvpReader.nonNegative(attr(root, "startIndex"), "startIndex"),
                GetFeatureKvpReader.hits(attr(root, "resultType")), first(root, "outputFormat", "outputformat"),
                featureById, featureById == null && version == WfsVersion.V200
                        ? XmlQueryLinks.of(root, version, queries, filters, srsText, wfs)
                        : null);
    }

    public static GetPropertyValueRequest readPropertyValue(Element root, WfsVersion version, WfsContext wfs) {
        String ref = attr(root, "valueReference");
        if (ref == null) throw WfsExceptions.missing("valueReference");
        if (ref.isBlank()) throw WfsExceptions.invalid("valueReference", "valueReference is empty");
        GetFeatureRequest gf = read(root, version, wfs);
        if (gf.queries().size() != 1) throw WfsExceptions.invalid("Query", "GetPropertyValue takes exactly one query");
        return new GetPropertyValueRequest(gf,
                PropertyNames.resolveValueReference(gf.queries().get(0).layer(), ref,
                        wfs.namespace(gf.queries().get(0).layer())));
    }

    private static LayerConfig layer(Element query, WfsContext wfs) {
        String name = attr(query, "typeNames");
        String locator = "typeNames";
        // OWSLib writes the attribute names in lower case; accept that spelling as well
        if (name == null) name = attr(query, "typenames");
        if (name == null) {
            name = attr(query, "typeName");
            locator = "typeName";
        }
        if (name == null || name.isBlank()) throw WfsExceptions.missing("typeNames");
        if (name.trim().contains(" ") || name.contains(",")) {
            throw new org.ecoplan.ows.ServiceException(org.ecoplan.ows.ServiceException.OPTION_NOT_SUPPORTED, locator,
                    "Joins (several type names in one query) are not supported");
        }
        FeatureTypeNames names = wfs.names();
        int colon = name.indexOf(':');
        if (colon > 0) names.bind(name.substring(0, colon), query.lookupNamespaceURI(name.substring(0, colon)));
        return names.resolve(name.trim(), locator);
    }

    private static Query query(Element q, LayerConfig layer, WfsVersion version, WfsContext wfs) {
        List<String> requested = new ArrayList<>();
        Filter filter = Filter.INCLUDE;
        List<SortBy> sortBy = new ArrayList<>();
        for (Element c : children(q)) {
            switch (c.getLocalName()) {
                case "PropertyName", "ValueReference" ->
                    requested.add(
                            PropertyNames.resolve(layer, c.getTextContent(), "PropertyName", wfs.namespace(layer)));
                case "Filter" -> filter = version == WfsVersion.V100
                        ? new FesFilterParser(layer.featureType(), shortCrs(layer), AxisConvention.EAST_NORTH).parse(c,
                                "Filter")
                        : new FesFilterParser(layer.featureType()).parse(c, "Filter");
                case "SortBy" -> sortBy.addAll(sortBy(c, layer, wfs));
                default -> {}
            }
        }
        if (requested.isEmpty()) return new Query(layer, null, true, filter, sortBy);
        PropertyNames.Selection s = PropertyNames.select(layer, requested);
        return new Query(layer, s.attributes(), s.geometry(), filter, sortBy);
    }

    private static CrsName shortCrs(LayerConfig layer) {
        return layer.featureType().hasGeometry()
                ? CrsRegistry.parse(layer.featureType().geometry().crs().id()).orElse(null)
                : null;
    }

    private static List<SortBy> sortBy(Element e, LayerConfig layer, WfsContext wfs) {
        List<SortBy> out = new ArrayList<>();
        for (Element prop : children(e)) {
            if (!"SortProperty".equals(prop.getLocalName())) continue;
            String name = null;
            boolean asc = true;
            for (Element c : children(prop)) {
                if ("ValueReference".equals(c.getLocalName()) || "PropertyName".equals(c.getLocalName())) {
                    name = PropertyNames.resolve(layer, c.getTextContent(), "SortBy", wfs.namespace(layer));
                } else if ("SortOrder".equals(c.getLocalName())) {
                    String o = c.getTextContent().trim().toUpperCase(Locale.ROOT);
                    if (!o.equals("ASC") && !o.equals("DESC"))
                        throw WfsExceptions.invalid("SortOrder", "SortOrder must be ASC or DESC");
                    asc = o.equals("ASC");
                }
            }
            if (name == null) throw WfsExceptions.missing("ValueReference");
            out.add(new SortBy(name, asc));
        }
        return out;
    }

    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getLocalName() != null) out.add(c);
        }
        return out;
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    private static String first(Element e, String a, String b) {
        return attr(e, a) != null ? attr(e, a) : attr(e, b);
    }
}
