package org.ecoplan.catalog.query.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.query.ComparisonOperator;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.LiteralConversion;
import org.ecoplan.catalog.query.QueryException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Parses OGC Filter Encoding 1.0 / 1.1 ({@code ogc:} namespace, as in SLD rules) and FES 2.0
 * ({@code fes:} namespace) filter elements into the catalog {@link Filter} model. Elements are
 * matched by local name, so either namespace (or none) is accepted.
 *
 * <p>With a feature type, property names are checked and literals converted to the property's
 * type (FES 2.0 clause 7.5); without one (a style parsed before it is bound to a layer), literals
 * stay strings — see {@link FilterBinder}. Spatial operators need a {@link SpatialOperatorParser}.
 */
public final class FilterXmlParser {
    private static final Map<String, ComparisonOperator> COMPARISONS = Map.of(
            "PropertyIsEqualTo", ComparisonOperator.EQUAL,
            "PropertyIsNotEqualTo", ComparisonOperator.NOT_EQUAL,
            "PropertyIsLessThan", ComparisonOperator.LESS,
            "PropertyIsGreaterThan", ComparisonOperator.GREATER,
            "PropertyIsLessThanOrEqualTo", ComparisonOperator.LESS_OR_EQUAL,
            "PropertyIsGreaterThanOrEqualTo", ComparisonOperator.GREATER_OR_EQUAL);
    /** The reverse operator, for "literal OP property" written the other way round. */
    private static final Map<ComparisonOperator, ComparisonOperator> FLIPPED = Map.of(
            ComparisonOperator.EQUAL, ComparisonOperator.EQUAL,
            ComparisonOperator.NOT_EQUAL, ComparisonOperator.NOT_EQUAL,
            ComparisonOperator.LESS, ComparisonOperator.GREATER,
            ComparisonOperator.GREATER, ComparisonOperator.LESS,
            ComparisonOperator.LESS_OR_EQUAL, ComparisonOperator.GREATER_OR_EQUAL,
            ComparisonOperator.GREATER_OR_EQUAL, ComparisonOperator.LESS_OR_EQUAL);
    private static final Set<String> SPATIAL = Set.of("BBOX", "Equals", "Disjoint", "Touches", "Within", "Overlaps",
            "Crosses", "Intersects", "Contains", "DWithin", "Beyond");
    private static final Set<String> IDS = Set.of("FeatureId", "GmlObjectId", "ResourceId");

    private final FeatureType type;
    private final SpatialOperatorParser spatial;

    /** A parser without spatial operator support; {@code type} may be null (untyped literals). */
    public FilterXmlParser(FeatureType type) {
        this(type, null);
    }

    public FilterXmlParser(FeatureType type, SpatialOperatorParser spatial) {
        this.type = type;
        this.spatial = spatial;
    }

    /**
     * Parses a {@code Filter} element, or a single operator element.
     *
     * @throws QueryException for an unknown operator, unknown property, bad literal or bad structure
     */
    public Filter parse(Element element) {
        if (!"Filter".equals(local(element))) return operator(element);
        List<Element> children = children(element);
        if (children.isEmpty()) throw new QueryException("empty Filter element", "Filter");
        if (IDS.contains(local(children.get(0)))) return ids(children);
        if (children.size() != 1) {
            throw new QueryException("a Filter holds one operator, found " + children.size()
                    + " (combine them with And / Or)", "Filter");
        }
        return operator(children.get(0));
    }

    private Filter operator(Element e) {
        String name = local(e);
        ComparisonOperator op = COMPARISONS.get(name);
        if (op != null) return comparison(e, op);
        switch (name) {
            case "And", "Or" -> {
                List<Filter> parts = new ArrayList<>();
                for (Element c : children(e)) parts.add(operator(c));
                if (parts.isEmpty()) throw new QueryException(name + " needs at least one operand", name);
                if (parts.size() == 1) return parts.get(0);
                return name.equals("And") ? new Filter.And(parts) : new Filter.Or(parts);
            }
            case "Not" -> {
                List<Element> c = children(e);
                if (c.size() != 1) throw new QueryException("Not needs exactly one operand, found " + c.size(), name);
                return new Filter.Not(operator(c.get(0)));
            }
            case "PropertyIsLike" -> {
                return like(e);
            }
            case "PropertyIsNil" -> {
                // nil (FES 2.0 7.7.3.6) is a present element marked xsi:nil: the GML writers write one only
                // for a required attribute without a value; an optional one without a value is left out
                Element p = single(e, name);
                if (gmlProperty(p) != null) return new Filter.Exclude();
                String property = property(p, true);
                boolean required = type == null
                        || type.attribute(property).map(a -> a.required()).orElse(false);
                return required ? new Filter.IsNull(property) : new Filter.Exclude();
            }
            case "PropertyIsNull" -> {
                Element p = single(e, name);
                String gml = gmlProperty(p);
                if (gml == null) return new Filter.IsNull(property(p, true));
                // gml:boundedBy exists exactly when the geometry does; the other GML properties are never set
                if (gml.equals("boundedBy") && type != null && type.hasGeometry())
                    return new Filter.IsNull(type.geometry().name());
                return Filter.INCLUDE;
            }
            case "PropertyIsBetween" -> {
                return between(e);
            }
            default -> { /* below */ }
        }
        if (IDS.contains(name)) return ids(List.of(e));
        if (SPATIAL.contains(name)) {
            if (spatial == null) throw new QueryException("spatial operator " + name + " not supported here", name);
            return spatial.parse(name, e);
        }
        throw new QueryException("unknown filter operator '" + name + "'", name);
    }

    private Filter comparison(Element e, ComparisonOperator op) {
        if (comparesGmlProperty(e)) return Filter.EXCLUDE;
        List<Element> c = children(e);
        if (c.size() != 2) throw new QueryException(local(e) + " needs two operands, found " + c.size(), local(e));
        boolean matchCase = !"false".equalsIgnoreCase(e.getAttribute("matchCase").trim());
        Element a = c.get(0);
        Element b = c.get(1);
        if (isProperty(a) && "Literal".equals(local(b))) {
            String p = property(a, false);
            return new Filter.Comparison(p, op, literal(p, b), matchCase);
        }
        if ("Literal".equals(local(a)) && isProperty(b)) {
            String p = property(b, false);
            return new Filter.Comparison(p, FLIPPED.get(op), literal(p, a), matchCase);
        }
        throw new QueryException(local(e) + " supports a property compared with a literal, not "
                + local(a) + " with " + local(b), local(e));
    }

    private Filter like(Element e) {
        if (comparesGmlProperty(e)) return Filter.EXCLUDE;
        Element prop = null;
        Element lit = null;
        for (Element c : children(e)) {
            if (isProperty(c)) prop = c;
            else if ("Literal".equals(local(c))) lit = c;
        }
        if (prop == null || lit == null)
            throw new QueryException("PropertyIsLike needs a property and a literal pattern", "PropertyIsLike");
        String p = property(prop, false);
        char wild = character(e, "*", "wildCard");
        char single = character(e, ".", "singleChar");
        char escape = character(e, "!", "escapeChar", "escape");
        boolean matchCase = !"false".equalsIgnoreCase(e.getAttribute("matchCase").trim());
        return new Filter.Like(p, lit.getTextContent(), wild, single, escape, matchCase);
    }

    private Filter between(Element e) {
        if (comparesGmlProperty(e)) return Filter.EXCLUDE;
        Element prop = null;
        Element lower = null;
        Element upper = null;
        for (Element c : children(e)) {
            if (isProperty(c)) prop = c;
            else if ("LowerBoundary".equals(local(c))) lower = c;
            else if ("UpperBoundary".equals(local(c))) upper = c;
        }
        if (prop == null || lower == null || upper == null) {
            throw new QueryException("PropertyIsBetween needs a property, LowerBoundary and UpperBoundary",
                    "PropertyIsBetween");
        }
        String p = property(prop, false);
        return new Filter.Between(p, literal(p, boundary(lower)), literal(p, boundary(upper)));
    }

    private static Element boundary(Element b) {
        List<Element> c = children(b);
        if (c.size() != 1 || !"Literal".equals(local(c.get(0)))) {
            throw new QueryException(local(b) + " must hold one Literal", local(b));
        }
        return c.get(0);
    }

    private Filter ids(List<Element> elements) {
        List<String> ids = new ArrayList<>();
        for (Element e : elements) {
            String n = local(e);
            if (!IDS.contains(n))
                throw new QueryException("identifiers cannot be mixed with " + n + " in one Filter", n);
            String id = switch (n) {
                case "FeatureId" -> e.getAttribute("fid");
                case "ResourceId" -> e.getAttribute("rid");
                default -> gmlId(e);
            };
            if (id == null || id.isBlank()) throw new QueryException(n + " without an identifier", n);
            ids.add(id.trim());
        }
        return new Filter.ResourceId(ids);
    }

    private static String gmlId(Element e) {
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            Node a = e.getAttributes().item(i);
            String ln = a.getLocalName() != null ? a.getLocalName() : a.getNodeName();
            if (ln.equals("id") || ln.endsWith(":id")) return a.getNodeValue();
        }
        return null;
    }

    private Object literal(String property, Element literal) {
        if (!children(literal).isEmpty()) {
            throw new QueryException("a Literal compared with property '" + property + "' must be text", property);
        }
        String text = literal.getTextContent();
        if (type == null) return text.trim();
        return LiteralConversion.convert(FilterBinder.attribute(property, type), text);
    }

    private static final java.util.Set<String> GML_PROPERTIES = java.util.Set.of("name", "description", "identifier",
            "descriptionReference", "metaDataProperty", "boundedBy");

    /**
     * The local name when a property operand names one of the standard GML properties every GML
     * feature inherits (gml:name, gml:boundedBy ...), else null. Ours never carry the descriptive
     * ones, so a comparison with them matches nothing; gml:boundedBy is not a comparable value
     * (FES 2.0 reports OperationProcessingFailed).
     */
    private static String gmlProperty(Element e) {
        if (!isProperty(e)) return null;
        String raw = e.getTextContent().trim();
        int colon = raw.indexOf(':');
        if (colon <= 0) return null;
        String ns = e.lookupNamespaceURI(raw.substring(0, colon));
        String local = raw.substring(colon + 1);
        return ns != null && ns.startsWith("http://www.opengis.net/gml") && GML_PROPERTIES.contains(local)
                ? local
                : null;
    }

    private static boolean comparesGmlProperty(Element operator) {
        for (Element c : children(operator)) {
            String gml = gmlProperty(c);
            if (gml == null) continue;
            if (gml.equals("boundedBy")) {
                throw new QueryException(local(operator) + " cannot compare gml:boundedBy", local(operator),
                        "OperationProcessingFailed");
            }
            return true;
        }
        return false;
    }

    private String property(Element e, boolean geometryAllowed) {
        if (!isProperty(e))
            throw new QueryException("expected PropertyName or ValueReference, found " + local(e), local(e));
        String raw = e.getTextContent().trim();
        String name = raw.indexOf(':') >= 0 ? raw.substring(raw.indexOf(':') + 1) : raw;
        if (name.isEmpty() || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new QueryException("property name '" + raw + "' is not a plain attribute name", raw);
        }
        if (type != null) {
            if (!type.hasProperty(name)) throw FilterBinder.unknown(name, type);
            if (!geometryAllowed) FilterBinder.attribute(name, type);
        }
        return name;
    }

    private static Element single(Element e, String name) {
        List<Element> c = children(e);
        if (c.size() != 1) throw new QueryException(name + " needs exactly one property", name);
        return c.get(0);
    }

    private static boolean isProperty(Element e) {
        String n = local(e);
        return n.equals("PropertyName") || n.equals("ValueReference");
    }

    private static char character(Element e, String fallback, String... attributes) {
        for (String a : attributes) {
            if (e.hasAttribute(a)) {
                String v = e.getAttribute(a);
                if (v.length() != 1) {
                    throw new QueryException(
                            "PropertyIsLike attribute " + a + " must be one character, got '" + v + "'", a);
                }
                return v.charAt(0);
            }
        }
        return fallback.charAt(0);
    }

    static String local(Element e) { return DomElements.local(e); }

    static List<Element> children(Element e) { return DomElements.children(e); }
}
