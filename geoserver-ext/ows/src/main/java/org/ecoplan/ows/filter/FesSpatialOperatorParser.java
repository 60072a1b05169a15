package org.ecoplan.ows.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.crs.AxisConvention;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.QueryException;
import org.ecoplan.catalog.query.SpatialOperator;
import org.ecoplan.catalog.query.xml.SpatialOperatorParser;
import org.ecoplan.ows.gml.GmlGeometry;
import org.ecoplan.ows.gml.GmlGeometryReader;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The spatial operators of FES 2.0 (clause 7.8: BBOX, Equals, Disjoint, Touches, Within, Overlaps,
 * Crosses, Intersects, Contains, DWithin, Beyond) and their Filter 1.0 / 1.1 forms (PropertyName,
 * gml:Box, Distance with {@code units}), read into {@link Filter.BBox} / {@link Filter.Spatial} in
 * the layer's native CRS. Plugged into the catalog's
 * {@link org.ecoplan.catalog.query.xml.FilterXmlParser}.
 *
 * <p>The operand geometry is read with {@link GmlGeometryReader}; a geometry without srsName is in
 * the default CRS given here. The value reference, if present, must be the type's geometry
 * property. A DWithin / Beyond distance without {@code uom} is in native units.
 */
public final class FesSpatialOperatorParser implements SpatialOperatorParser {
    private static final Map<String, SpatialOperator> OPERATORS = Map.of(
            "Equals", SpatialOperator.EQUALS, "Disjoint", SpatialOperator.DISJOINT,
            "Touches", SpatialOperator.TOUCHES, "Within", SpatialOperator.WITHIN,
            "Overlaps", SpatialOperator.OVERLAPS, "Crosses", SpatialOperator.CROSSES,
            "Intersects", SpatialOperator.INTERSECTS, "Contains", SpatialOperator.CONTAINS,
            "DWithin", SpatialOperator.DWITHIN, "Beyond", SpatialOperator.BEYOND);

    private final NativeSpatialFilters filters;
    private final GmlGeometryReader gml;

    /**
     * @param type       the feature type filtered
     * @param defaultCrs CRS of operand geometries without srsName
     * @param convention axis order rule ({@link AxisConvention#BY_FORM} for WFS 1.1 / 2.0,
     *                   {@link AxisConvention#EAST_NORTH} for WFS 1.0)
     */
    public FesSpatialOperatorParser(FeatureType type, CrsName defaultCrs, AxisConvention convention) {
        this.filters = new NativeSpatialFilters(type);
        this.gml = new GmlGeometryReader(defaultCrs, convention);
    }

    @Override
    public Filter parse(String operator, Element element) {
        String reference = null;
        Element geometry = null;
        Element distance = null;
        for (Element c : operands(element)) {
            String n = local(c);
            if (n.equals("ValueReference") || n.equals("PropertyName")) {
                if (reference != null) throw new QueryException(operator + " takes one value reference", operator);
                reference = c.getTextContent();
            } else if (n.equals("Distance")) {
                distance = c;
            } else if (GmlGeometryReader.isGeometry(c)) {
                if (geometry != null) throw new QueryException(operator + " takes one geometry operand", operator);
                geometry = c;
            } else {
                throw new QueryException(operator + ": unexpected operand " + n
                        + " (expected a value reference and a GML geometry)", operator);
            }
        }
        filters.checkGeometryProperty(reference, operator);
        if (geometry == null)
            throw new QueryException(operator + " needs a GML geometry or envelope operand", operator);
        GmlGeometry literal = gml.read(geometry);
        if (operator.equals("BBOX")) {
            return filters.bbox(literal.geometry().getEnvelopeInternal(), literal.crs().crs());
        }
        SpatialOperator op = OPERATORS.get(operator);
        if (op == null) throw new QueryException("unknown spatial operator '" + operator + "'", operator);
        if (op == SpatialOperator.DWITHIN || op == SpatialOperator.BEYOND) {
            if (distance == null) throw new QueryException(operator + " needs a Distance", operator);
            return filters.distance(op, literal.geometry(), literal.crs().crs(), number(distance, operator),
                    unit(distance, operator));
        }
        if (distance != null) throw new QueryException(operator + " takes no Distance", operator);
        return filters.spatial(op, literal.geometry(), literal.crs().crs());
    }

    /** Child elements; a geometry wrapped in fes:Literal counts as the geometry itself. */
    private static List<Element> operands(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c)) continue;
            if (local(c).equals("Literal")) {
                Element inner = null;
                for (Node m = c.getFirstChild(); m != null; m = m.getNextSibling())
                    if (m instanceof Element x) inner = x;
                if (inner == null)
                    throw new QueryException(local(e) + ": a Literal operand must hold a GML geometry", local(e));
                out.add(inner);
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private static double number(Element distance, String operator) {
        String t = distance.getTextContent().trim();
        try {
            if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,4})?")) throw new NumberFormatException();
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new QueryException(operator + ": Distance '" + t + "' is not a number", "Distance");
        }
    }

    private static LengthUnit unit(Element distance, String operator) {
        String uom = distance.hasAttribute("uom") ? distance.getAttribute("uom") : distance.getAttribute("units");
        if (uom.isBlank()) return null;
        return LengthUnit.of(uom).orElseThrow(() -> new QueryException(operator + ": unknown distance unit '"
                + uom.trim() + "' (use m, km, ft, mi, nmi, deg or an EPSG unit URN)", "uom"));
    }

    private static String local(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName().replaceFirst("^.*:", "");
    }
}
