package org.ecoplan.wfs.describe;

import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.ows.encode.GmlVersion;
import org.ecoplan.wfs.FeatureTypeNames;
import org.ecoplan.wfs.WfsContext;
import org.ecoplan.wfs.WfsVersion;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A DescribeFeatureType request (WFS 2.0 clause 9.2): the types to describe (all when none are
 * named) and the GML version of the schema.
 */
public record DescribeFeatureTypeRequest(WfsVersion version, List<LayerConfig> types, GmlVersion gml) {

    public static DescribeFeatureTypeRequest fromKvp(OwsRequest r, WfsVersion version, WfsContext wfs) {
        FeatureTypeNames names = wfs.names().withNamespacesParameter(
                r.params().value(version == WfsVersion.V200 ? "NAMESPACES" : "NAMESPACE"));
        String list = r.params().value("TYPENAMES");
        String locator = "typeNames";
        if (list == null) {
            list = r.params().value("TYPENAME");
            locator = "typeName";
        }
        List<LayerConfig> types = new ArrayList<>();
        if (list != null && !list.isBlank()) {
            for (String n : list.split(",")) if (!n.isBlank()) types.add(names.resolve(n, locator));
        }
        return new DescribeFeatureTypeRequest(version, types, gml(r.params().value("OUTPUTFORMAT"), version));
    }

    public static DescribeFeatureTypeRequest fromXml(Element root, WfsVersion version, WfsContext wfs) {
        List<LayerConfig> types = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "TypeName".equals(e.getLocalName())) {
                String name = e.getTextContent().trim();
                FeatureTypeNames names = wfs.names();
                int colon = name.indexOf(':');
                if (colon > 0) names.bind(name.substring(0, colon), e.lookupNamespaceURI(name.substring(0, colon)));
                types.add(names.resolve(name, "TypeName"));
            }
        }
        String format = root.getAttribute("outputFormat");
        return new DescribeFeatureTypeRequest(version, types, gml(format.isEmpty() ? null : format, version));
    }

    static GmlVersion gml(String outputFormat, WfsVersion version) {
        if (outputFormat == null || outputFormat.isBlank()) return version.defaultGml();
        String f = org.ecoplan.ows.ResponseEncoder.normalize(outputFormat);
        if (f.contains("3.2")) return GmlVersion.GML32;
        if (f.contains("3.1")) return GmlVersion.GML311;
        if (f.contains("2.1") || f.equals("xmlschema") || f.equals("gml2")) return GmlVersion.GML2;
        if (f.equals("text/xml") || f.equals("application/xml") || f.equals("application/gmlxml"))
            return version.defaultGml();
        throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "outputFormat",
                "Unsupported DescribeFeatureType outputFormat '" + outputFormat
                        + "' (supported: application/gml+xml; version=3.2, text/xml; subtype=gml/3.1.1, XMLSCHEMA)");
    }
}
