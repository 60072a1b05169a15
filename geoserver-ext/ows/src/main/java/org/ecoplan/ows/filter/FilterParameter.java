package org.ecoplan.ows.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.crs.AxisConvention;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.ows.ServiceException;
import org.w3c.dom.Element;

/**
 * The KVP {@code FILTER} parameter (FES 2.0 clause 5.3, WFS 2.0 clause 7.9.2.4.1): one XML
 * {@code fes:Filter} per type name, as a parenthesised list {@code (<Filter>…</Filter>)(<Filter>…</Filter>)}
 * when there are several type names (the parentheses are optional for one). The list is split by
 * reading the XML markup, so parentheses inside literals do not matter.
 */
public final class FilterParameter {
    public static final String NAME = "FILTER";

    private FilterParameter() {}

    /** Splits the parameter into its XML documents (text, not yet parsed). */
    public static List<String> split(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) throw parsing("FILTER is empty");
        if (v.charAt(0) != '(') return List.of(v);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < v.length()) {
            while (i < v.length() && Character.isWhitespace(v.charAt(i))) i++;
            if (i >= v.length()) break;
            if (v.charAt(i) != '(') throw parsing("expected '(' at character " + (i + 1));
            int end = XmlMarkupScanner.endOfDocument(v, i + 1);
            if (end < 0) throw parsing("unterminated XML in the filter starting at character " + (i + 1));
            int close = end;
            while (close < v.length() && Character.isWhitespace(v.charAt(close))) close++;
            if (close >= v.length() || v.charAt(close) != ')')
                throw parsing("expected ')' at character " + (close + 1));
            out.add(v.substring(i + 1, end));
            i = close + 1;
        }
        return out;
    }

    /**
     * Parses the FILTER parameter for the query's type names, in order, with WFS 2.0 defaults
     * (GML without srsName in the type's native CRS, axis order by srsName form).
     *
     * @throws ServiceException OperationParsingFailed for malformed XML or a wrong number of
     *                          filters; InvalidParameterValue for unknown operators, properties or
     *                          bad values; locator FILTER
     */
    public static List<Filter> parse(String value, List<FeatureType> types) {
        return parse(value, types, FesFilterParser::defaultCrs, AxisConvention.BY_FORM);
    }

    /**
     * Same with the protocol's defaults: {@code defaultCrs} gives, per type, the CRS of GML
     * geometries without srsName; {@code convention} the axis order rule (WFS 1.0:
     * {@link AxisConvention#EAST_NORTH}).
     */
    public static List<Filter> parse(String value, List<FeatureType> types, Function<FeatureType, CrsName> defaultCrs,
            AxisConvention convention) {
        List<String> docs = split(value);
        if (docs.size() != types.size()) {
            throw parsing("FILTER holds " + docs.size() + " filter(s) for " + types.size()
                    + " type name(s); give one parenthesised filter per type name");
        }
        SecureXmlParser xml = new SecureXmlParser();
        List<Filter> out = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            Element root = xml.parse(docs.get(i), NAME);
            FeatureType type = types.get(i);
            out.add(new FesFilterParser(type, defaultCrs.apply(type), convention).parse(root, NAME));
        }
        return out;
    }

    private static ServiceException parsing(String message) {
        return new ServiceException(ServiceException.OPERATION_PARSING_FAILED, NAME, "FILTER: " + message);
    }
}
