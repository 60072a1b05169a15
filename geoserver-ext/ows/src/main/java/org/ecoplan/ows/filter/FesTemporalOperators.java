package org.ecoplan.ows.filter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.query.QueryException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The FES 2.0 temporal operators (clause 7.9) on date properties. A date attribute is a time
 * instant (one calendar day), so the operators that compare an instant with a gml:TimeInstant or
 * gml:TimePeriod are plain comparisons; they are rewritten into the equivalent FES comparison
 * elements before the catalog's filter parser reads the filter:
 *
 * <pre>
 *   After(d, t)        d &gt; t          After(d, [b, e])       d &gt; e
 *   Before(d, t)       d &lt; t          Before(d, [b, e])      d &lt; b
 *   TEquals(d, t)      d = t
 *   During(d, [b, e])  b &lt; d &lt; e      AnyInteracts(d, [b, e]) b &lt;= d &lt;= e     AnyInteracts(d, t)  d = t
 *   Begins(d, [b, e])  d = b          Ends(d, [b, e])        d = e
 * </pre>
 *
 * The operators that need the property itself to be a period (BegunBy, EndedBy, TContains,
 * TOverlaps, OverlappedBy, Meets, MetBy) are rejected with a message saying so.
 */
public final class FesTemporalOperators {
    /** Every FES 2.0 temporal operator name. */
    public static final Set<String> ALL = Set.of("After", "Before", "Begins", "BegunBy", "TContains", "During",
            "TEquals", "TOverlaps", "Meets", "OverlappedBy", "MetBy", "Ends", "EndedBy", "AnyInteracts");
    /** The operators this engine evaluates on date properties (for Filter_Capabilities). */
    public static final List<String> SUPPORTED = List.of("After", "Before", "TEquals", "During", "Begins", "Ends",
            "AnyInteracts");

    private final FeatureType type;

    public FesTemporalOperators(FeatureType type) {
        this.type = type;
    }

    /** A time literal: an instant (begin == end) or a period. */
    private record Time(LocalDate begin, LocalDate end, boolean instant) {}

    /** Replaces every temporal operator element below (and including) {@code root}; returns the new root. */
    public Element rewrite(Element root) {
        for (Element c : children(root)) rewrite(c);
        if (!ALL.contains(local(root))) return root;
        Element replacement = comparison(root);
        if (root.getParentNode() != null) root.getParentNode().replaceChild(replacement, root);
        return replacement;
    }

    private Element comparison(Element op) {
        String name = local(op);
        Element property = null;
        Element time = null;
        for (Element c : children(op)) {
            String n = local(c);
            if (n.equals("ValueReference") || n.equals("PropertyName")) property = c;
            else if (n.equals("TimeInstant") || n.equals("TimePeriod")) time = c;
            else if (n.equals("Literal")) time = children(c).isEmpty() ? c : children(c).get(0);
            else
                throw new QueryException(name + ": unexpected operand " + n
                        + " (expected a value reference and a gml:TimeInstant or gml:TimePeriod)", name);
        }
        if (property == null || time == null) {
            throw new QueryException(name + " needs a value reference and a gml:TimeInstant or gml:TimePeriod", name);
        }
        checkDateProperty(property.getTextContent().trim(), name);
        Time t = time(time, name);
        return switch (name) {
            case "After" -> compare(op, "PropertyIsGreaterThan", property, t.end());
            case "Before" -> compare(op, "PropertyIsLessThan", property, t.begin());
            case "TEquals" -> compare(op, "PropertyIsEqualTo", property, instant(t, name));
            case "During" -> and(op, compare(op, "PropertyIsGreaterThan", property, period(t, name).begin()),
                    compare(op, "PropertyIsLessThan", property, t.end()));
            case "Begins" -> compare(op, "PropertyIsEqualTo", property, period(t, name).begin());
            case "Ends" -> compare(op, "PropertyIsEqualTo", property, period(t, name).end());
            case "AnyInteracts" ->
                t.instant() ? compare(op, "PropertyIsEqualTo", property, t.begin()) : between(op, property, t);
            default -> throw new QueryException("temporal operator " + name + " needs a time-period property; "
                    + "date properties support " + SUPPORTED, name);
        };
    }

    private void checkDateProperty(String reference, String operator) {
        String name = reference.indexOf(':') >= 0 ? reference.substring(reference.indexOf(':') + 1) : reference;
        AttributeDescriptor a = type.attribute(name).orElseThrow(() -> new QueryException(operator + ": '" + reference
                + "' is not an attribute of feature type '" + type.name() + "'", reference));
        if (a.type() != AttributeType.DATE) {
            throw new QueryException(operator + " needs a date property, '" + name + "' is "
                    + a.type().name().toLowerCase(java.util.Locale.ROOT), name);
        }
    }

    private static LocalDate instant(Time t, String op) {
        if (!t.instant()) throw new QueryException(op + " on a date property takes a gml:TimeInstant", op);
        return t.begin();
    }

    private static Time period(Time t, String op) {
        if (t.instant()) throw new QueryException(op + " on a date property takes a gml:TimePeriod", op);
        return t;
    }

    private static Time time(Element e, String op) {
        if (local(e).equals("Literal")) {
            // leniency: a plain date literal is read as an instant (FES 2.0 expects a gml:TimeInstant)
            LocalDate d = position(e, op);
            return new Time(d, d, true);
        }
        if (local(e).equals("TimeInstant")) {
            LocalDate d = position(find(e, "timePosition", op), op);
            return new Time(d, d, true);
        }
        if (!local(e).equals("TimePeriod"))
            throw new QueryException(op + ": expected gml:TimeInstant or gml:TimePeriod, found " + local(e), op);
        LocalDate b = position(bound(e, "beginPosition", "begin", op), op);
        LocalDate end = position(bound(e, "endPosition", "end", op), op);
        if (end.isBefore(b))
            throw new QueryException(op + ": the TimePeriod ends (" + end + ") before it begins (" + b + ")", op);
        return new Time(b, end, false);
    }

    /** gml:beginPosition, or gml:begin/gml:TimeInstant/gml:timePosition. */
    private static Element bound(Element period, String position, String property, String op) {
        for (Element c : children(period)) {
            if (local(c).equals(position)) return c;
            if (local(c).equals(property)) {
                for (Element i : children(c)) if (local(i).equals("TimeInstant")) return find(i, "timePosition", op);
            }
        }
        throw new QueryException(op + ": gml:TimePeriod without " + position, op);
    }

    private static Element find(Element e, String child, String op) {
        for (Element c : children(e)) if (local(c).equals(child)) return c;
        throw new QueryException(op + ": gml:" + local(e) + " without gml:" + child, op);
    }

    /** A time position; a dateTime counts by its calendar date, as for date literals. */
    private static LocalDate position(Element e, String op) {
        if (e.hasAttribute("indeterminatePosition")) {
            throw new QueryException(op + ": indeterminate time positions are not supported", op);
        }
        String t = e.getTextContent().trim();
        try {
            return LocalDate.parse(t.length() > 10 && t.charAt(10) == 'T' ? t.substring(0, 10) : t);
        } catch (DateTimeParseException ex) {
            throw new QueryException(op + ": '" + (t.length() > 40 ? t.substring(0, 40) + "..." : t)
                    + "' is not a date (yyyy-mm-dd or an ISO 8601 date-time)", op);
        }
    }

    private static Element compare(Element op, String name, Element property, LocalDate value) {
        Element c = create(op, name);
        c.appendChild(property.cloneNode(true));
        Element lit = create(op, "Literal");
        lit.setTextContent(value.toString());
        c.appendChild(lit);
        return c;
    }

    private static Element and(Element op, Element a, Element b) {
        Element and = create(op, "And");
        and.appendChild(a);
        and.appendChild(b);
        return and;
    }

    private static Element between(Element op, Element property, Time t) {
        Element b = create(op, "PropertyIsBetween");
        b.appendChild(property.cloneNode(true));
        for (String[] bound : new String[][]{{"LowerBoundary", t.begin().toString()},
                {"UpperBoundary", t.end().toString()}}) {
            Element boundary = create(op, bound[0]);
            Element lit = create(op, "Literal");
            lit.setTextContent(bound[1]);
            boundary.appendChild(lit);
            b.appendChild(boundary);
        }
        return b;
    }

    /** An element in the operator's own namespace (fes or ogc) with its prefix. */
    private static Element create(Element op, String local) {
        Document doc = op.getOwnerDocument();
        String prefix = op.getPrefix();
        return doc.createElementNS(op.getNamespaceURI(), prefix == null ? local : prefix + ":" + local);
    }

    private static String local(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName().replaceFirst("^.*:", "");
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element c) out.add(c);
        return out;
    }
}
