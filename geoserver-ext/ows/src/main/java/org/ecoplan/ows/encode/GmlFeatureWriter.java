package org.ecoplan.ows.encode;

import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;

/**
 * Writes one feature as a GML feature element of its application schema
 * ({@code <ws:zones gml:id="zones.1"><ws:name>…</ws:name>…<ws:geom>…</ws:geom></ws:zones>}), in the
 * namespace of its stream (else the writer's),
 * properties in schema order (attributes, then the geometry) as DescribeFeatureType declares them.
 * Absent optional values are left out; an absent value of a required attribute is written
 * {@code xsi:nil="true"}.
 */
public final class GmlFeatureWriter {
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final GmlVersion version;
    private final AppNamespace ns;
    private final GmlGeometryWriter geometries;
    private final String srsName;

    /**
     * @param srsName srsName written on each geometry (GML 3 allows it on every geometry; it makes
     *                each feature self-describing), or null
     */
    public GmlFeatureWriter(GmlVersion version, AppNamespace ns, GmlGeometryWriter geometries, String srsName) {
        this.version = version;
        this.ns = ns;
        this.geometries = geometries;
        this.srsName = srsName;
    }

    public GmlVersion version() { return version; }

    public void write(XMLStreamWriter w, Feature f, FeatureStream shape) throws XMLStreamException {
        AppNamespace n = shape.namespace() != null ? shape.namespace() : ns;
        write(w, f, shape.type(), shape.attributeNames(), shape.writesGeometry(), null, false, n);
    }

    /**
     * Writes the feature as the root element of a document (GetFeatureById), binding the
     * application, GML and XSI prefixes on it.
     *
     * @param schemaLocation xsi:schemaLocation value, or null
     */
    public void writeRoot(XMLStreamWriter w, Feature f, FeatureStream shape, String schemaLocation)
            throws XMLStreamException {
        AppNamespace n = shape.namespace() != null ? shape.namespace() : ns;
        w.setPrefix(n.prefix(), n.uri());
        w.setPrefix("gml", version.namespace());
        w.setPrefix("xsi", XSI);
        write(w, f, shape.type(), shape.attributeNames(), shape.writesGeometry(), schemaLocation, true, n);
    }

    public void write(XMLStreamWriter w, Feature f, FeatureType type, List<String> names, boolean withGeometry)
            throws XMLStreamException {
        write(w, f, type, names, withGeometry, null, false, ns);
    }

    private void write(XMLStreamWriter w, Feature f, FeatureType type, List<String> names, boolean withGeometry,
            String schemaLocation, boolean root, AppNamespace ns) throws XMLStreamException {
        w.writeStartElement(ns.prefix(), type.name(), ns.uri());
        if (root) {
            w.writeNamespace(ns.prefix(), ns.uri());
            w.writeNamespace("gml", version.namespace());
            w.writeNamespace("xsi", XSI);
            if (schemaLocation != null) w.writeAttribute("xsi", XSI, "schemaLocation", schemaLocation);
        }
        if (version == GmlVersion.GML2) w.writeAttribute("fid", f.id());
        else w.writeAttribute("gml", version.namespace(), "id", f.id());
        for (String name : names) {
            Object v = f.get(name);
            boolean required = type.attribute(name).map(a -> a.required()).orElse(false);
            if (v == null && !required) continue;
            w.writeStartElement(ns.prefix(), name, ns.uri());
            if (v == null) w.writeAttribute("xsi", XSI, "nil", "true");
            else w.writeCharacters(XmlText.clean(ValueText.of(v)));
            w.writeEndElement();
        }
        if (withGeometry && type.hasGeometry() && f.geometry() != null) {
            w.writeStartElement(ns.prefix(), type.geometry().name(), ns.uri());
            geometries.write(w, GmlGeometryTypes.conform(f.geometry(), type.geometry().type()), srsName,
                    version.idsRequired() ? f.id() + ".geom" : null);
            w.writeEndElement();
        }
        w.writeEndElement();
    }
}
