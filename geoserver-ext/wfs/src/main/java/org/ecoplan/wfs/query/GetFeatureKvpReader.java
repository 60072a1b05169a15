package org.ecoplan.wfs.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.crs.AxisConvention;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.ows.filter.BboxParameter;
import org.ecoplan.ows.filter.CqlParser;
import org.ecoplan.ows.filter.FesFilterParser;
import org.ecoplan.ows.filter.FilterParameter;
import org.ecoplan.ows.filter.ResourceIdParameter;
import org.ecoplan.wfs.FeatureTypeNames;
import org.ecoplan.wfs.WfsContext;
import org.ecoplan.wfs.WfsExceptions;
import org.ecoplan.wfs.WfsVersion;

/**
 * Reads the KVP encoding of GetFeature and GetPropertyValue (WFS 2.0 clause 11.2.2 / 10.2.2 with
 * the ad hoc query parameters of Table 8 and the FES 2.0 KVP of clause 5.3; WFS 1.1 / 1.0
 * TYPENAME, MAXFEATURES and FEATUREID). Several type names make several queries; a per-query
 * parameter is then a parenthesised list, or one value for all.
 */
public final class GetFeatureKvpReader {
    static final String GET_FEATURE_BY_ID = "urn:ogc:def:query:OGC-WFS::GetFeatureById";

    private GetFeatureKvpReader() {}

    public static GetFeatureRequest read(OwsRequest r, WfsVersion version, WfsContext wfs) {
        KvpMap p = r.params();
        String storedQuery = p.value("STOREDQUERY_ID");
        if (storedQuery != null && !storedQuery.isBlank()) return storedQuery(r, version, wfs, storedQuery.trim());
        FeatureTypeNames names = wfs.names().withNamespacesParameter(
                p.value("NAMESPACES") != null ? p.value("NAMESPACES") : p.value("NAMESPACE"));
        String typeLocator = version == WfsVersion.V200 ? "typeNames" : "typeName";
        String typeList = p.value("TYPENAMES") != null ? p.value("TYPENAMES") : p.value("TYPENAME");
        String ids = p.value("RESOURCEID") != null ? p.value("RESOURCEID") : p.value("FEATUREID");
        List<LayerConfig> layers = new ArrayList<>();
        if (typeList != null && !typeList.isBlank()) {
            List<String> groups = groups(typeList, typeLocator);
            Query.checkCount(groups.size(), typeLocator);
            for (String group : groups) {
                if (group.contains(",")) {
                    throw new ServiceException(ServiceException.OPTION_NOT_SUPPORTED, typeLocator,
                            "Joins (several type names in one query) are not supported: " + group);
                }
                layers.add(names.resolve(group, typeLocator));
            }
        } else if (ids != null && !ids.isBlank()) {
            layers.addAll(layersOfIds(ids, wfs));
        } else {
            throw WfsExceptions.missing(typeLocator);
        }
        List<FeatureType> types = layers.stream().map(LayerConfig::featureType).toList();
        List<Filter> filters = filters(p, types, version, ids);
        List<List<String>> props = perQuery(p.value("PROPERTYNAME"), layers.size(), "propertyName");
        List<String> sorts = perQueryText(p.value("SORTBY"), layers.size());
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerConfig l = layers.get(i);
            List<String> propertyNames = null;
            boolean geometry = true;
            if (props != null && !props.get(i).isEmpty() && !props.get(i).equals(List.of("*"))) {
                List<String> resolved = new ArrayList<>();
                for (String n : props.get(i))
                    resolved.add(PropertyNames.resolve(l, n, "propertyName", wfs.namespace(l)));
                PropertyNames.Selection s = PropertyNames.select(l, resolved);
                propertyNames = s.attributes();
                geometry = s.geometry();
            }
            queries.add(new Query(l, propertyNames, geometry, filters.get(i),
                    SortByParameter.parse(sorts == null ? null : sorts.get(i), l, wfs.namespace(l))));
        }
        if (typeList != null && !typeList.isBlank()) ResourceIdConsistency.check(queries, wfs.view());
        CrsName srs = OutputCrs.parse(p.value("SRSNAME"), layers, wfs.view().catalog());
        return new GetFeatureRequest(version, queries, srs, count(p, version),
                nonNegative(p.value("STARTINDEX"), "startIndex"),
                hits(p.value("RESULTTYPE")), p.value("OUTPUTFORMAT"), null, linkParameters(p));
    }

    /** GetPropertyValue: a GetFeature with one query plus the value reference. */
    public static GetPropertyValueRequest readPropertyValue(OwsRequest r, WfsVersion version, WfsContext wfs) {
        String ref = r.params().value("VALUEREFERENCE");
        if (ref == null) throw WfsExceptions.missing("valueReference");
        if (ref.isBlank()) throw WfsExceptions.invalid("valueReference", "valueReference is empty");
        GetFeatureRequest gf = read(r, version, wfs);
        if (gf.queries().size() != 1) {
            throw WfsExceptions.invalid("typeNames", "GetPropertyValue takes exactly one type name");
        }
        LayerConfig first = gf.queries().get(0).layer();
        String property = PropertyNames.resolveValueReference(first, ref, wfs.namespace(first));
        return new GetPropertyValueRequest(gf, property);
    }

    private static GetFeatureRequest storedQuery(OwsRequest r, WfsVersion version, WfsContext wfs, String id) {
        if (!id.equals(GET_FEATURE_BY_ID)) {
            throw WfsExceptions.invalid("STOREDQUERY_ID", "Unknown stored query '" + id + "' (this service has "
                    + GET_FEATURE_BY_ID + ")");
        }
        String fid = r.params().require("ID").trim();
        LayerConfig layer = layerOfId(fid, wfs);
        CrsName srs = OutputCrs.parse(r.params().value("SRSNAME"), List.of(layer), wfs.view().catalog());
        Query q = new Query(layer, null, true, new Filter.ResourceId(List.of(fid)), List.of());
        return new GetFeatureRequest(version, List.of(q), srs, 1, 0, false, r.params().value("OUTPUTFORMAT"), fid,
                null);
    }

    /** The layer a "layer.fid" identifier belongs to; NotFound (404) when none (WFS 2.0 clause 7.9.3.6). */
    static LayerConfig layerOfId(String fid, WfsContext wfs) {
        int dot = fid.lastIndexOf('.');
        LayerConfig l = dot > 0 ? wfs.view().layer(fid.substring(0, dot)).orElse(null) : null;
        if (l == null) {
            throw new ServiceException(WfsExceptions.NOT_FOUND, "ID",
                    "No feature with identifier '" + abbreviate(fid) + "'", 404);
        }
        return l;
    }

    private static List<LayerConfig> layersOfIds(String ids, WfsContext wfs) {
        LinkedHashSet<LayerConfig> out = new LinkedHashSet<>();
        for (String id : ids.split(",")) {
            int dot = id.trim().lastIndexOf('.');
            if (dot > 0) wfs.view().layer(id.trim().substring(0, dot)).ifPresent(out::add);
        }
        if (out.isEmpty()) {
            throw WfsExceptions.invalid("resourceId",
                    "RESOURCEID names no feature of this service: " + abbreviate(ids));
        }
        return new ArrayList<>(out);
    }

    private static List<Filter> filters(KvpMap p, List<FeatureType> types, WfsVersion version, String ids) {
        String filter = p.value("FILTER");
        String bbox = p.value("BBOX");
        int given = (filter != null ? 1 : 0) + (bbox != null ? 1 : 0) + (ids != null ? 1 : 0);
        if (given > 1) {
            throw WfsExceptions.invalid(filter != null ? "FILTER" : "BBOX",
                    "FILTER, BBOX and RESOURCEID are mutually exclusive (WFS 2.0 clause 7.9.2.4.1)");
        }
        List<Filter> out = new ArrayList<>();
        if (filter != null) {
            out.addAll(FilterParameter.parse(filter, types));
        } else {
            for (FeatureType t : types) {
                if (bbox != null) {
                    out.add(version == WfsVersion.V100
                            ? BboxParameter.parse(bbox, t, shortName(t), AxisConvention.EAST_NORTH)
                            : BboxParameter.parse(bbox, t));
                } else if (ids != null) {
                    out.add(ResourceIdParameter.parse(ids));
                } else {
                    out.add(Filter.INCLUDE);
                }
            }
        }
        String cql = p.value("CQL_FILTER");
        if (cql != null && !cql.isBlank()) {
            List<String> parts = types.size() == 1 ? List.of(cql) : CqlParser.splitList(cql);
            if (parts.size() != types.size() && parts.size() != 1) {
                throw WfsExceptions.invalid("CQL_FILTER", "CQL_FILTER has " + parts.size() + " filters for "
                        + types.size() + " type names (separate them with ';')");
            }
            for (int i = 0; i < types.size(); i++) {
                Filter c = new CqlParser(types.get(i)).parse(parts.size() == 1 ? parts.get(0) : parts.get(i));
                out.set(i, Filter.and(out.get(i), c));
            }
        }
        return out;
    }

    private static CrsName shortName(FeatureType t) {
        String id = t.hasGeometry() ? t.geometry().crs().id() : "EPSG:4490";
        return CrsRegistry.parse(id).orElse(FesFilterParser.defaultCrs(t));
    }

    /** Splits "(a,b)(c)" into ["a,b", "c"]; a value without parentheses is a comma list of single names. */
    static List<String> groups(String value, String locator) {
        String v = value.trim();
        List<String> out = new ArrayList<>();
        if (!v.startsWith("(")) {
            for (String s : v.split(",")) if (!s.isBlank()) out.add(s.trim());
            return out;
        }
        int i = 0;
        while (i < v.length()) {
            if (v.charAt(i) != '(') throw WfsExceptions.invalid(locator, "expected '(' at character " + (i + 1));
            int close = v.indexOf(')', i);
            if (close < 0)
                throw WfsExceptions.invalid(locator, "unbalanced parentheses in '" + abbreviate(value) + "'");
            out.add(v.substring(i + 1, close).trim());
            i = close + 1;
            while (i < v.length() && (v.charAt(i) == ',' || Character.isWhitespace(v.charAt(i)))) i++;
        }
        return out;
    }

    /** A per-query list parameter: one list per query, or null when absent. */
    private static List<List<String>> perQuery(String value, int queries, String locator) {
        if (value == null || value.isBlank()) return null;
        List<String> raw = perQueryText(value, queries);
        List<List<String>> out = new ArrayList<>();
        for (String s : raw) {
            List<String> items = new ArrayList<>();
            for (String n : s.split(",")) if (!n.isBlank()) items.add(n.trim());
            out.add(items);
        }
        return out;
    }

    private static List<String> perQueryText(String value, int queries) {
        if (value == null || value.isBlank()) return null;
        if (value.trim().startsWith("(")) {
            List<String> g = groups(value, "parameter");
            if (g.size() != queries) {
                throw WfsExceptions.invalid("typeNames", "a parenthesised parameter has " + g.size()
                        + " lists for " + queries + " queries");
            }
            return g;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < queries; i++) out.add(value);
        return out;
    }

    private static long count(KvpMap p, WfsVersion version) {
        String v = p.value("COUNT") != null ? p.value("COUNT") : p.value("MAXFEATURES");
        if (v == null || v.isBlank()) return -1;
        return nonNegative(v, version == WfsVersion.V200 ? "count" : "maxFeatures");
    }

    static long nonNegative(String value, String locator) {
        if (value == null || value.isBlank()) return 0;
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw WfsExceptions.invalid(locator,
                    locator + " must be a non-negative integer, not '" + abbreviate(value) + "'");
        }
    }

    static boolean hits(String resultType) {
        if (resultType == null || resultType.isBlank()) return false;
        return switch (resultType.trim().toLowerCase(Locale.ROOT)) {
            case "hits" -> true;
            case "results" -> false;
            default -> throw WfsExceptions.invalid("resultType", "resultType must be 'results' or 'hits', not '"
                    + abbreviate(resultType) + "'");
        };
    }

    private static Map<String, String> linkParameters(KvpMap p) {
        return new LinkedHashMap<>(p.asMap());
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
