package org.ecoplan.render.style;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.QueryException;
import org.ecoplan.catalog.query.xml.FilterXmlParser;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Parses Styled Layer Descriptor documents, SLD 1.0.0 (OGC 02-070) and SLD 1.1.0 / Symbology
 * Encoding 1.1 (OGC 05-078r4, 05-077r4), into the style model. A bare UserStyle or
 * FeatureTypeStyle root is accepted too.
 *
 * <p>Unknown elements in the SLD, SE or OGC namespaces are errors (they are typos or
 * unsupported features, and silently drawing something else would hide them); elements of other
 * namespaces are vendor extensions and are ignored. Rule filters keep string literals: they are
 * bound to a layer's schema when the style is used ({@link org.ecoplan.catalog.query.xml.FilterBinder}).
 */
public final class StyleParser {
    private static final Set<String> RULE_IGNORED = Set.of("LegendGraphic", "VendorOption", "Description");
    private final SymbolizerParser symbolizers;

    private StyleParser(String systemId) {
        this.symbolizers = new SymbolizerParser(new ExternalGraphicLoader(systemId));
    }

    /**
     * Parses a style document.
     *
     * @param systemId where the document came from (file path or file: URI), used to resolve
     *                 relative ExternalGraphic files; null allows only data: URIs
     * @throws StyleException with the line of the problem
     */
    public static StyledLayerDescriptor parse(InputStream in, String systemId) {
        Document doc = LineNumberedDomReader.read(in, systemId);
        return new StyleParser(systemId).document(doc.getDocumentElement());
    }

    private StyledLayerDescriptor document(Element root) {
        String rootName = Elements.local(root);
        switch (rootName) {
            case "StyledLayerDescriptor" -> {
                List<StyledLayer> layers = new ArrayList<>();
                for (Element c : Elements.children(root)) {
                    String n = Elements.local(c);
                    if (n.equals("NamedLayer") || n.equals("UserLayer")) layers.add(layer(c, n.equals("UserLayer")));
                    else
                        if (!Set.of("Name", "Title", "Abstract", "Description", "UseSLDLibrary").contains(n))
                            unknown(c, root);
                }
                if (layers.isEmpty())
                    throw Elements.error(root, "StyledLayerDescriptor has no NamedLayer or UserLayer");
                return new StyledLayerDescriptor(Elements.text(root, "Name"), layers);
            }
            case "UserStyle" -> {
                Style s = userStyle(root);
                return new StyledLayerDescriptor(s.name(), List.of(new StyledLayer(s.name(), false, List.of(s))));
            }
            case "FeatureTypeStyle" -> {
                Style s = new Style(null, null, null, true, List.of(featureTypeStyle(root)));
                return new StyledLayerDescriptor(null, List.of(new StyledLayer(null, false, List.of(s))));
            }
            default -> throw Elements.error(root, "not a style document: root element is " + rootName
                    + ", expected StyledLayerDescriptor");
        }
    }

    private StyledLayer layer(Element e, boolean user) {
        List<Style> styles = new ArrayList<>();
        for (Element c : Elements.children(e)) {
            switch (Elements.local(c)) {
                case "UserStyle" -> styles.add(userStyle(c));
                case "NamedStyle" -> styles.add(new Style(Elements.text(c, "Name"), null, null, false, List.of()));
                case "Name", "Description", "LayerFeatureConstraints", "InlineFeature", "RemoteOWS",
                        "LayerCoverageConstraints" ->
                    {}
                default -> unknown(c, e);
            }
        }
        return new StyledLayer(Elements.text(e, "Name"), user, styles);
    }

    private Style userStyle(Element e) {
        String[] desc = description(e);
        boolean isDefault = false;
        List<FeatureTypeStyle> ftss = new ArrayList<>();
        for (Element c : Elements.children(e)) {
            switch (Elements.local(c)) {
                case "FeatureTypeStyle", "CoverageStyle" -> ftss.add(featureTypeStyle(c));
                case "IsDefault" -> {
                    String v = c.getTextContent().trim();
                    isDefault = v.equals("1") || v.equalsIgnoreCase("true");
                }
                case "Name", "Title", "Abstract", "Description" -> {}
                default -> unknown(c, e);
            }
        }
        return new Style(Elements.text(e, "Name"), desc[0], desc[1], isDefault, ftss);
    }

    private FeatureTypeStyle featureTypeStyle(Element e) {
        List<Rule> rules = new ArrayList<>();
        for (Element c : Elements.children(e)) {
            switch (Elements.local(c)) {
                case "Rule" -> rules.add(rule(c));
                case "Name", "Title", "Abstract", "Description", "FeatureTypeName", "SemanticTypeIdentifier",
                        "CoverageName", "VendorOption", "Transformation", "OnlineResource" ->
                    {}
                default -> unknown(c, e);
            }
        }
        return new FeatureTypeStyle(Elements.text(e, "Name"), rules);
    }

    private Rule rule(Element e) {
        String[] desc = description(e);
        Filter filter = Filter.INCLUDE;
        boolean elseFilter = false;
        double min = 0;
        double max = Double.POSITIVE_INFINITY;
        List<Symbolizer> syms = new ArrayList<>();
        for (Element c : Elements.children(e)) {
            String n = Elements.local(c);
            switch (n) {
                case "Filter" -> filter = filter(c);
                case "ElseFilter" -> elseFilter = true;
                case "MinScaleDenominator" -> min = Elements.number(c);
                case "MaxScaleDenominator" -> max = Elements.number(c);
                case "Name", "Title", "Abstract" -> {}
                default -> {
                    if (n.endsWith("Symbolizer") && Elements.isStylingNamespace(c)) syms.add(symbolizers.parse(c));
                    else if (!RULE_IGNORED.contains(n)) unknown(c, e);
                }
            }
        }
        if (min > max)
            throw Elements.error(e, "MinScaleDenominator " + min + " is larger than MaxScaleDenominator " + max);
        return new Rule(Elements.text(e, "Name"), desc[0], desc[1], filter, elseFilter, min, max, syms,
                Elements.line(e));
    }

    private static Filter filter(Element e) {
        try {
            return new FilterXmlParser(null).parse(e);
        } catch (QueryException ex) {
            throw new StyleException("bad rule filter: " + ex.getMessage(), Elements.line(e), ex);
        }
    }

    /** Title and abstract, from SLD 1.0 children or the SE 1.1 Description element. */
    private static String[] description(Element e) {
        Element d = Elements.child(e, "Description");
        Element holder = d != null ? d : e;
        return new String[]{Elements.text(holder, "Title"), Elements.text(holder, "Abstract")};
    }

    private static void unknown(Element c, Element parent) {
        if (!Elements.isStylingNamespace(c)) return;
        throw Elements.error(c,
                "unknown or unsupported element " + Elements.local(c) + " in " + Elements.local(parent));
    }
}
