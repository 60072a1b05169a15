package org.ecoplan.wfs.describe;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.ows.encode.AppNamespace;
import org.ecoplan.ows.encode.GmlGeometryTypes;
import org.ecoplan.ows.encode.GmlVersion;
import org.ecoplan.ows.encode.XmlDocument;

/**
 * The GML application schema of feature types (DescribeFeatureType response; GML 3.2.1 clause 21,
 * GML 3.1.1 / 2.1.2 application schema rules): one complex type per feature type extending
 * gml:AbstractFeatureType, its properties in the order the encoders write them (attributes, then
 * the geometry), optional properties minOccurs="0", all nillable; one global element per type in
 * the feature substitution group.
 */
final class ApplicationSchemaWriter {
    private final AppNamespace ns;
    private final GmlVersion gml;

    ApplicationSchemaWriter(AppNamespace ns, GmlVersion gml) {
        this.ns = ns;
        this.gml = gml;
    }

    void write(OutputStream out, List<FeatureType> types) throws XMLStreamException {
        try (XmlDocument x = new XmlDocument(out)) {
            x.root("xs", "schema", XmlDocument.XSD, "gml", gml.namespace(), ns.prefix(), ns.uri());
            x.attr("targetNamespace", ns.uri()).attr("elementFormDefault", "qualified")
                    .attr("attributeFormDefault", "unqualified").attr("version", "1.0");
            x.start("xs", "import").attr("namespace", gml.namespace()).attr("schemaLocation", gml.schemaLocation())
                    .end();
            for (FeatureType t : types) type(x, t);
            for (FeatureType t : types) {
                x.start("xs", "element").attr("name", t.name()).attr("type", ns.prefix() + ":" + t.name() + "Type")
                        .attr("substitutionGroup", gml == GmlVersion.GML32 ? "gml:AbstractFeature" : "gml:_Feature")
                        .end();
            }
            x.end();
        }
    }

    /**
     * A schema for types of several namespaces: one xs:import per namespace, of the
     * DescribeFeatureType document of its types (an XML Schema has one target namespace; this is
     * what GeoServer's global WFS answers too).
     */
    static void writeImports(OutputStream out, Map<AppNamespace, String> schemaUrls) throws XMLStreamException {
        try (XmlDocument x = new XmlDocument(out)) {
            x.root("xs", "schema", XmlDocument.XSD);
            x.attr("elementFormDefault", "qualified").attr("version", "1.0");
            for (Map.Entry<AppNamespace, String> e : schemaUrls.entrySet()) {
                x.start("xs", "import").attr("namespace", e.getKey().uri()).attr("schemaLocation", e.getValue()).end();
            }
            x.end();
        }
    }

    private void type(XmlDocument x, FeatureType t) throws XMLStreamException {
        x.start("xs", "complexType").attr("name", t.name() + "Type");
        x.start("xs", "complexContent").start("xs", "extension").attr("base", "gml:AbstractFeatureType");
        x.start("xs", "sequence");
        for (AttributeDescriptor a : t.attributes()) {
            x.start("xs", "element").attr("name", a.name()).attr("type", a.type().xsdType());
            if (!a.required()) x.attr("minOccurs", "0");
            x.attr("maxOccurs", "1").attr("nillable", "true");
            x.end();
        }
        if (t.hasGeometry()) {
            x.start("xs", "element").attr("name", t.geometry().name())
                    .attr("type", "gml:" + GmlGeometryTypes.propertyType(gml, t.geometry().type()))
                    .attr("minOccurs", "0").attr("maxOccurs", "1").attr("nillable", "true").end();
        }
        x.end().end().end().end();
    }
}
