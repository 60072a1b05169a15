package org.ecoplan.wfs.capabilities;

import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.ecoplan.ows.encode.XmlDocument;

/**
 * The filter capabilities of the service: exactly the operators the filter parsers turn into
 * queries. FES 2.0 (09-026r2 clause 7.14, with the Table 1 conformance constraints) for WFS 2.0;
 * OGC Filter 1.1 for WFS 1.1 and Filter 1.0 for WFS 1.0.
 */
final class FilterCapabilities {
    private FilterCapabilities() {}

    static final List<String> COMPARISON = List.of("PropertyIsEqualTo", "PropertyIsNotEqualTo", "PropertyIsLessThan",
            "PropertyIsGreaterThan", "PropertyIsLessThanOrEqualTo", "PropertyIsGreaterThanOrEqualTo",
            "PropertyIsLike", "PropertyIsNull", "PropertyIsNil", "PropertyIsBetween");
    static final List<String> SPATIAL = List.of("BBOX", "Equals", "Disjoint", "Intersects", "Touches", "Crosses",
            "Within", "Contains", "Overlaps", "DWithin", "Beyond");
    static final List<String> GEOMETRY_OPERANDS = List.of("Envelope", "Point", "LineString", "Polygon", "MultiPoint",
            "MultiCurve", "MultiSurface", "MultiLineString", "MultiPolygon", "LinearRing", "Surface");
    /** Temporal operators on DATE attributes (they become comparisons on the date). */
    static final List<String> TEMPORAL = List.of("After", "Before", "TEquals", "During", "Begins", "Ends");

    private static final String[][] FES_CONFORMANCE = {
            {"ImplementsQuery", "TRUE"}, {"ImplementsAdHocQuery", "TRUE"}, {"ImplementsFunctions", "FALSE"},
            {"ImplementsResourceId", "TRUE"}, {"ImplementsMinStandardFilter", "TRUE"},
            {"ImplementsStandardFilter", "TRUE"},
            {"ImplementsMinSpatialFilter", "TRUE"}, {"ImplementsSpatialFilter", "TRUE"},
            {"ImplementsMinTemporalFilter", "TRUE"}, {"ImplementsTemporalFilter", "TRUE"},
            {"ImplementsVersionNav", "FALSE"}, {"ImplementsSorting", "TRUE"}, {"ImplementsExtendedOperators", "FALSE"},
            {"ImplementsMinimumXPath", "TRUE"}, {"ImplementsSchemaElementFunc", "FALSE"},
    };

    static void writeFes20(XmlDocument x) throws XMLStreamException {
        x.start("fes", "Filter_Capabilities");
        x.start("fes", "Conformance");
        for (String[] c : FES_CONFORMANCE) {
            x.start("fes", "Constraint").attr("name", c[0]).empty("ows", "NoValues")
                    .element("ows", "DefaultValue", c[1]).end();
        }
        x.end();
        x.start("fes", "Id_Capabilities").start("fes", "ResourceIdentifier").attr("name", "fes:ResourceId").end().end();
        x.start("fes", "Scalar_Capabilities");
        x.start("fes", "LogicalOperators").end();
        x.start("fes", "ComparisonOperators");
        for (String op : COMPARISON) x.start("fes", "ComparisonOperator").attr("name", op).end();
        x.end();
        x.end();
        x.start("fes", "Spatial_Capabilities");
        x.start("fes", "GeometryOperands");
        for (String g : GEOMETRY_OPERANDS) x.start("fes", "GeometryOperand").attr("name", "gml:" + g).end();
        x.end();
        x.start("fes", "SpatialOperators");
        for (String op : SPATIAL) x.start("fes", "SpatialOperator").attr("name", op).end();
        x.end();
        x.end();
        x.start("fes", "Temporal_Capabilities");
        x.start("fes", "TemporalOperands");
        x.start("fes", "TemporalOperand").attr("name", "gml:TimeInstant").end();
        x.start("fes", "TemporalOperand").attr("name", "gml:TimePeriod").end();
        x.end();
        x.start("fes", "TemporalOperators");
        for (String op : TEMPORAL) x.start("fes", "TemporalOperator").attr("name", op).end();
        x.end();
        x.end();
        x.end();
    }

    /** OGC Filter 1.1 capabilities (filterCapabilities.xsd of Filter 1.1.0), for WFS 1.1. */
    static void writeOgc11(XmlDocument x) throws XMLStreamException {
        x.start("ogc", "Filter_Capabilities");
        x.start("ogc", "Spatial_Capabilities");
        x.start("ogc", "GeometryOperands");
        for (String g : List.of("Envelope", "Point", "LineString", "Polygon"))
            x.element("ogc", "GeometryOperand", "gml:" + g);
        x.end();
        x.start("ogc", "SpatialOperators");
        for (String op : SPATIAL) x.start("ogc", "SpatialOperator").attr("name", op).end();
        x.end();
        x.end();
        x.start("ogc", "Scalar_Capabilities");
        x.empty("ogc", "LogicalOperators");
        x.start("ogc", "ComparisonOperators");
        for (String op : List.of("LessThan", "GreaterThan", "LessThanEqualTo", "GreaterThanEqualTo", "EqualTo",
                "NotEqualTo", "Like", "Between", "NullCheck"))
            x.element("ogc", "ComparisonOperator", op);
        x.end();
        x.end();
        x.start("ogc", "Id_Capabilities").empty("ogc", "EID").empty("ogc", "FID").end();
        x.end();
    }

    /** OGC Filter 1.0 capabilities, for WFS 1.0. */
    static void writeOgc10(XmlDocument x) throws XMLStreamException {
        x.start("ogc", "Filter_Capabilities");
        x.start("ogc", "Spatial_Capabilities").start("ogc", "Spatial_Operators");
        // Filter 1.0 spells Intersects "Intersect" and fixes the order
        for (String op : List.of("BBOX", "Equals", "Disjoint", "Intersect", "Touches", "Crosses", "Within", "Contains",
                "Overlaps", "Beyond", "DWithin"))
            x.empty("ogc", op);
        x.end().end();
        x.start("ogc", "Scalar_Capabilities");
        x.empty("ogc", "Logical_Operators");
        x.start("ogc", "Comparison_Operators");
        for (String op : List.of("Simple_Comparisons", "Like", "Between", "NullCheck")) x.empty("ogc", op);
        x.end();
        x.end();
        x.end();
    }
}
